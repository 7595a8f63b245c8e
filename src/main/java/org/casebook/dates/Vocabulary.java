package org.casebook.dates;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words of one language that {@link PartialDateInput} understands, lower case, after {@link
 * InputText#normalize(String)}. Phrases of several words are separated by single spaces; lists of
 * phrases are tried in order.
 *
 * @param months month names to month numbers 1 to 12
 * @param approximatePrefixes words before a date that make it approximate: "about", "около"
 * @param uncertainPrefixes words before a date that make it uncertain: "maybe", "возможно"
 * @param uncertainSuffixes words after a date that make it uncertain: "(uncertain)", "(не точно)"
 * @param startWords words before the start of an interval: "from", "с"
 * @param openStartWords words before the end of an interval with an open start: "before", "до"
 * @param separators words between the start and end of an interval: "to", "по", a dash
 * @param between the word before an interval whose sides are separated by {@code betweenAnd}
 * @param betweenAnd the word between the sides after {@code between}: "and", "и"
 * @param unknownSides phrases for a side of an interval that nobody knows: "an unknown date"
 * @param ongoingEnds phrases for an end that has not come: "present", "настоящее время"
 * @param fillers words that change nothing: "the", "in", "г.", "года"
 * @param vagueParts words for a part of a period that cannot be stored: "early", "конец"
 * @param seasons season names, as written before a year: "summer", "лето", "летом"
 * @param decade a decade such as "2010s" or "2010-е", the first year as group 1
 * @param monthBeforeDay whether "February 3 2017" is read as well as "3 February 2017"
 */
record Vocabulary(
    Map<String, Integer> months,
    List<String> approximatePrefixes,
    List<String> uncertainPrefixes,
    List<String> uncertainSuffixes,
    List<String> startWords,
    List<String> openStartWords,
    List<String> separators,
    String between,
    String betweenAnd,
    List<String> unknownSides,
    List<String> ongoingEnds,
    Set<String> fillers,
    Map<String, VaguePart> vagueParts,
    Map<String, Season> seasons,
    Pattern decade,
    boolean monthBeforeDay) {

  /** A part of a period that people name but that no EDTF date can hold. */
  enum VaguePart {
    EARLY,
    MIDDLE,
    LATE
  }

  /**
   * A season of the Northern hemisphere as a range of months; winter runs from December of one year
   * to February of the next.
   */
  enum Season {
    SPRING(3, 5),
    SUMMER(6, 8),
    AUTUMN(9, 11),
    WINTER(12, 2);

    private final int firstMonth;
    private final int lastMonth;

    Season(int firstMonth, int lastMonth) {
      this.firstMonth = firstMonth;
      this.lastMonth = lastMonth;
    }

    int firstMonth() {
      return firstMonth;
    }

    int lastMonth() {
      return lastMonth;
    }

    boolean endsInNextYear() {
      return lastMonth < firstMonth;
    }
  }

  private static final Vocabulary ENGLISH =
      new Vocabulary(
          MonthNames.english(),
          List.of("~", "about", "around", "approximately", "approx", "circa", "ca", "c"),
          List.of("maybe", "perhaps", "possibly", "probably"),
          List.of("?", "uncertain"),
          List.of("from", "since"),
          List.of("before", "until", "till", "up to"),
          List.of(InputText.DASH, "to", "until", "till", "through"),
          "between",
          "and",
          List.of("an unknown date", "unknown date", "unknown"),
          List.of("present", "now", "today"),
          Set.of("the", "in", "on", "of"),
          Map.of(
              "early", VaguePart.EARLY,
              "beginning", VaguePart.EARLY,
              "start", VaguePart.EARLY,
              "mid", VaguePart.MIDDLE,
              "middle", VaguePart.MIDDLE,
              "late", VaguePart.LATE,
              "end", VaguePart.LATE),
          Map.of(
              "spring", Season.SPRING,
              "summer", Season.SUMMER,
              "autumn", Season.AUTUMN,
              "fall", Season.AUTUMN,
              "winter", Season.WINTER),
          Pattern.compile("([0-9]{4})['’]?s"),
          true);

  private static final Vocabulary RUSSIAN =
      new Vocabulary(
          MonthNames.russian(),
          List.of("~", "около", "примерно", "приблизительно", "ориентировочно", "ок"),
          List.of("возможно", "предположительно", "вероятно"),
          List.of("?", "не точно", "под вопросом"),
          List.of("начиная с", "с", "со", "от"),
          List.of("до"),
          List.of(InputText.DASH, "по", "до"),
          "между",
          "и",
          List.of("неизвестной даты", "неизвестную дату", "неизвестная дата", "неизвестно"),
          List.of("настоящее время", "сегодня"),
          Set.of("г", "гг", "год", "года", "году", "годы", "годов", "годах", "в", "во"),
          Map.of(
              "начало", VaguePart.EARLY,
              "начале", VaguePart.EARLY,
              "начала", VaguePart.EARLY,
              "середина", VaguePart.MIDDLE,
              "середине", VaguePart.MIDDLE,
              "середины", VaguePart.MIDDLE,
              "конец", VaguePart.LATE,
              "конце", VaguePart.LATE,
              "конца", VaguePart.LATE),
          Map.ofEntries(
              Map.entry("весна", Season.SPRING),
              Map.entry("весной", Season.SPRING),
              Map.entry("весны", Season.SPRING),
              Map.entry("лето", Season.SUMMER),
              Map.entry("летом", Season.SUMMER),
              Map.entry("лета", Season.SUMMER),
              Map.entry("осень", Season.AUTUMN),
              Map.entry("осенью", Season.AUTUMN),
              Map.entry("осени", Season.AUTUMN),
              Map.entry("зима", Season.WINTER),
              Map.entry("зимой", Season.WINTER),
              Map.entry("зимы", Season.WINTER)),
          Pattern.compile("([0-9]{4})-?(?:е|х|ые|ых|ие|их)"),
          false);

  static Vocabulary of(InputLanguage language) {
    return language == InputLanguage.RUSSIAN ? RUSSIAN : ENGLISH;
  }

  /** Words before a date that qualify it, approximate or uncertain. */
  List<String> qualifyingPrefixes() {
    return Stream.concat(approximatePrefixes.stream(), uncertainPrefixes.stream()).toList();
  }
}
