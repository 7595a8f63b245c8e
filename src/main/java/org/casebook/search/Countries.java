package org.casebook.search;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Countries as communications name them (ISO 3166-1 alpha-3, {@code KAZ}) and as the country facet
 * does (alpha-2, {@code KZ}), with their names in English and Russian for the index. Immutable.
 */
final class Countries {
  static final Locale RUSSIAN = new Locale("ru");

  private static final Map<String, String> ALPHA2 = new HashMap<>();

  static {
    for (String alpha2 : Locale.getISOCountries()) {
      ALPHA2.put(new Locale("", alpha2).getISO3Country(), alpha2);
    }
  }

  private Countries() {}

  /** The alpha-2 code of an alpha-3 code, or null for one that names no country ({@code OTH}). */
  static String alpha2(String alpha3) {
    return alpha3 == null ? null : ALPHA2.get(alpha3.trim().toUpperCase(Locale.ROOT));
  }

  /** The name of the country {@code alpha2} in {@code language}. */
  static String name(String alpha2, Locale language) {
    return new Locale("", alpha2).getDisplayCountry(language);
  }
}
