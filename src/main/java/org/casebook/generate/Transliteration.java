package org.casebook.generate;

import java.util.Locale;
import java.util.Map;

/**
 * The Latin spellings a Cyrillic name gets in documents, and a rough Cyrillic spelling of an English
 * name, so that the corpus holds the same person written in several ways, as real sources do.
 *
 * <p>{@link #latin} follows the usual press spelling (BGN/PCGN without its apostrophes: {@code
 * Юлия} is {@code Yuliya}); {@link #passport} the ICAO spelling of passports ({@code Iuliia}). Both
 * fold the Kazakh letters to the nearest Latin ones ({@code Қайрат} is {@code Kairat}), as
 * Kazakh names are written in Russian-language documents. Stateless.
 */
final class Transliteration {
  private static final Map<Character, String> PRESS =
      Map.ofEntries(
          Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
          Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "zh"),
          Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
          Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
          Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
          Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
          Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
          Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
          Map.entry('я', "ya"), Map.entry('ә', "a"), Map.entry('ғ', "g"), Map.entry('қ', "k"),
          Map.entry('ң', "n"), Map.entry('ө', "o"), Map.entry('ұ', "u"), Map.entry('ү', "u"),
          Map.entry('һ', "h"), Map.entry('і', "i"), Map.entry('ў', "u"));

  private static final Map<Character, String> ICAO =
      Map.ofEntries(
          Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('й', "i"), Map.entry('ъ', "ie"),
          Map.entry('ю', "iu"), Map.entry('я', "ia"), Map.entry('ә', "a"), Map.entry('ғ', "g"),
          Map.entry('қ', "q"), Map.entry('ң', "n"), Map.entry('ө', "o"), Map.entry('ұ', "u"),
          Map.entry('ү', "u"), Map.entry('і', "i"));

  private Transliteration() {}

  /** The press spelling: {@code Ерлан Жақсылықов} is {@code Erlan Zhaksylykov}. */
  static String latin(String cyrillic) {
    return convert(cyrillic, Map.of(), true);
  }

  /** The passport (ICAO 9303) spelling: {@code Юлия Соловьёва} is {@code Iuliia Soloveva}. */
  static String passport(String cyrillic) {
    return convert(cyrillic, ICAO, false);
  }

  private static String convert(String text, Map<Character, String> overrides, boolean yeRule) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    char previous = ' ';
    for (int index = 0; index < text.length(); index++) {
      char original = text.charAt(index);
      char lower = Character.toLowerCase(original);
      String latin = overrides.get(lower);
      if (latin == null) {
        latin = PRESS.get(lower);
      }
      if (latin == null) {
        out.append(original);
      } else {
        if (yeRule && lower == 'е' && !Character.isLetter(previous)) {
          latin = "ye";
        }
        if (Character.isUpperCase(original) && !latin.isEmpty()) {
          boolean nextUpper =
              index + 1 < text.length() && Character.isUpperCase(text.charAt(index + 1));
          latin =
              nextUpper
                  ? latin.toUpperCase(Locale.ROOT)
                  : Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
        }
        out.append(latin);
      }
      previous = original;
    }
    return out.toString();
  }

  private static final String[][] ENGLISH_TO_CYRILLIC = {
    {"sh", "ш"}, {"ch", "ч"}, {"th", "т"}, {"ph", "ф"}, {"kh", "х"}, {"zh", "ж"}, {"ck", "к"},
    {"ee", "и"}, {"oo", "у"}, {"ou", "ау"}, {"ea", "и"}, {"ay", "эй"}, {"ey", "и"}, {"oy", "ой"},
    {"a", "а"}, {"b", "б"}, {"c", "к"}, {"d", "д"}, {"e", "е"}, {"f", "ф"}, {"g", "г"}, {"h", "х"},
    {"i", "и"}, {"j", "дж"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"},
    {"q", "к"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "а"}, {"v", "в"}, {"w", "у"}, {"x", "кс"},
    {"y", "и"}, {"z", "з"}
  };

  /**
   * A rough Cyrillic spelling of an English name, as a Russian-language article might write it
   * ({@code Sarah Jones} is {@code Сара Джонс}, more or less). Letters only; a final silent
   * {@code e} is dropped.
   */
  static String cyrillic(String english) {
    StringBuilder out = new StringBuilder(english.length() + 4);
    for (String word : english.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.length() > 3 && lower.endsWith("e")) {
        lower = lower.substring(0, lower.length() - 1);
      }
      StringBuilder converted = new StringBuilder();
      int index = 0;
      while (index < lower.length()) {
        String match = null;
        for (String[] rule : ENGLISH_TO_CYRILLIC) {
          if (lower.startsWith(rule[0], index)) {
            match = rule[1];
            index += rule[0].length();
            break;
          }
        }
        if (match == null) {
          match = lower.substring(index, index + 1);
          index++;
        }
        converted.append(match);
      }
      if (converted.length() > 0) {
        converted.setCharAt(0, Character.toUpperCase(converted.charAt(0)));
      }
      out.append(converted);
    }
    return out.toString();
  }
}
