package org.casebook.letters;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The names of States by their ISO 3166-1 alpha-3 codes ({@code KAZ}), in a language. */
final class CountryNames {
  private static final Map<String, Locale> BY_ALPHA3 = byAlpha3();

  private CountryNames() {}

  /** The name of the State {@code alpha3} in {@code language}; the code itself if it names no State. */
  static String name(String alpha3, Locale language) {
    Locale region = alpha3 == null ? null : BY_ALPHA3.get(alpha3.toUpperCase(Locale.ROOT));
    return region == null ? XmlText.clean(alpha3) : region.getDisplayCountry(language);
  }

  /** The names of several States, joined by commas. */
  static String names(List<String> alpha3, Locale language) {
    return alpha3.stream().map(code -> name(code, language)).collect(Collectors.joining(", "));
  }

  private static Map<String, Locale> byAlpha3() {
    Map<String, Locale> regions = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      Locale region = new Locale.Builder().setRegion(alpha2).build();
      regions.put(region.getISO3Country(), region);
    }
    return Map.copyOf(regions);
  }
}
