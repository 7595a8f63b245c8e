package org.casebook.dates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Month names as people type them, lower case, mapped to month numbers 1 to 12: English full names
 * and abbreviations, and Russian names in the cases that follow a number or a preposition ("июль",
 * "3 июля", "в июле") and their abbreviations.
 */
final class MonthNames {

  private static final List<String> ENGLISH_FULL =
      twelve(
          "january february march april may june july august september october november december");
  private static final List<String> ENGLISH_ABBREVIATED =
      twelve("jan feb mar apr may jun jul aug sep oct nov dec");
  private static final List<String> RUSSIAN_NOMINATIVE =
      twelve("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь");
  private static final List<String> RUSSIAN_GENITIVE =
      twelve("января февраля марта апреля мая июня июля августа сентября октября ноября декабря");
  private static final List<String> RUSSIAN_PREPOSITIONAL =
      twelve("январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре");
  private static final List<String> RUSSIAN_ABBREVIATED =
      twelve("янв фев мар апр май июн июл авг сен окт ноя дек");

  private static final Map<String, Integer> ENGLISH =
      table(Map.of("sept", 9), ENGLISH_FULL, ENGLISH_ABBREVIATED);
  private static final Map<String, Integer> RUSSIAN =
      table(
          Map.of("февр", 2, "сент", 9, "нояб", 11),
          RUSSIAN_NOMINATIVE,
          RUSSIAN_GENITIVE,
          RUSSIAN_PREPOSITIONAL,
          RUSSIAN_ABBREVIATED);

  private MonthNames() {}

  static Map<String, Integer> english() {
    return ENGLISH;
  }

  static Map<String, Integer> russian() {
    return RUSSIAN;
  }

  /** The Russian name that follows "в", as in "в феврале", for month 1 to 12. */
  static String russianPrepositional(int month) {
    return RUSSIAN_PREPOSITIONAL.get(month - 1);
  }

  private static List<String> twelve(String spaceSeparatedNames) {
    return List.of(spaceSeparatedNames.split(" "));
  }

  /** Alternative spellings plus lists of twelve names in month order. */
  @SafeVarargs
  private static Map<String, Integer> table(
      Map<String, Integer> alternatives, List<String>... twelveNames) {
    Map<String, Integer> months = new HashMap<>(alternatives);
    for (List<String> names : twelveNames) {
      for (int index = 0; index < names.size(); index++) {
        months.put(names.get(index), index + 1);
      }
    }
    return Map.copyOf(months);
  }
}
