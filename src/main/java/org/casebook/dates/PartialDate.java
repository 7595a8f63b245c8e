package org.casebook.dates;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A date known only as precisely as the sources allow: a day, a month, a year, a decade, or a range
 * of these, possibly approximate or uncertain. A day is never invented: {@code 2016-07} stays July
 * 2016 and is not stored as 1 July 2016. Instances are immutable and thread-safe; {@link
 * #equals(Object)}, {@link #hashCode()} and {@link #toString()} are those of the canonical EDTF
 * text.
 *
 * <h2>Accepted text</h2>
 *
 * The Library of Congress Extended Date/Time Format (EDTF), levels 0 and 1, for years 0000 to
 * 9999:
 *
 * <ul>
 *   <li>a year, month or day: {@code 2016}, {@code 2016-07}, {@code 2016-07-03};
 *   <li>unspecified digits, read as the whole range they cover: {@code 201X} (the 2010s), {@code
 *       20XX} (2000 to 2099), {@code 2004-XX} and {@code 2004-XX-XX} (some time in 2004), {@code
 *       2004-06-XX} (some day in June 2004);
 *   <li>a qualifier at the end of a date: {@code ~} approximate, {@code ?} uncertain, {@code %}
 *       both, as in {@code 2019~} or {@code 2020-05?};
 *   <li>an interval {@code start/end} of two such dates, where a side may also be {@code ..} (open:
 *       before or since) or empty (unknown), as in {@code 2023-12/2024-03}, {@code ../2020}, {@code
 *       2020/..}, {@code /2020}, {@code 2020/}. At least one side must be a date, and the start
 *       must be able to come before the end: {@code 2016-07/2016} is accepted, {@code 2017/2016}
 *       is not.
 * </ul>
 *
 * Surrounding whitespace is ignored. Seasons ({@code 2001-21} to {@code 2001-24}) are refused:
 * which months they cover depends on the hemisphere, so a range of months says what was meant.
 * Anything else throws {@link InvalidPartialDate} with a message that says what to write instead.
 *
 * <h2>Order</h2>
 *
 * {@link #compareTo(PartialDate)} is a total order consistent with {@code equals}, applied rule by
 * rule until one decides:
 *
 * <ol>
 *   <li>by the earliest day of the start; when the start is open or unknown, by the earliest day of
 *       the end instead;
 *   <li>an open start ({@code ../2020}) before an unknown start ({@code /2020}) before a dated
 *       start ({@code 2020}), so "before 2020" comes just ahead of 2020;
 *   <li>a coarser start before a finer one: {@code 20XX < 200X < 2000 < 2000-XX < 2000-XX-XX <
 *       2000-01 < 2000-01-XX < 2000-01-01}, so a month sorts before its days;
 *   <li>a dated end before an unknown end before an open end;
 *   <li>by the latest day of the end, shorter first (a single date is its own end);
 *   <li>a coarser end before a finer one;
 *   <li>a single date before an interval;
 *   <li>by the qualifier of the start, then of the end: exact, approximate, uncertain, both.
 * </ol>
 *
 * <h2>Sort key</h2>
 *
 * {@link #sortKey()} encodes these rules as 23 ASCII digits, so that ordering the keys as text
 * orders the dates, in any database and any collation. Positions, counted from 1:
 *
 * <pre>
 *  1-8   earliest day of the start (of the end if the start is not dated), yyyyMMdd
 *  9     start: 0 open, 1 unknown, 2 dated
 *  10    start precision, 0 (20XX) to 7 (2000-01-01) as in rule 3; 0 if not dated
 *  11    end: 0 dated, 1 unknown, 2 open
 *  12-19 latest day of the end, yyyyMMdd; 00000000 if not dated
 *  20    end precision as in position 10; 0 if not dated
 *  21    0 single date, 1 interval
 *  22    start qualifier: 0 exact, 1 approximate, 2 uncertain, 3 both; 0 if not dated
 *  23    end qualifier as in position 22; 0 for a single date or an end not dated
 * </pre>
 *
 * The key is derived from the EDTF text; store the text and recompute the key from it.
 */
public final class PartialDate implements Comparable<PartialDate> {

  /** How finely a date is known, from coarsest to finest. */
  public enum Precision {
    CENTURY,
    DECADE,
    YEAR,
    MONTH,
    DAY
  }

  /** What stands at one end of a date. */
  public enum Bound {
    /** A date: always the case for both ends of a single date. */
    DATED,
    /** Open, written {@code ..}: the interval extends indefinitely before or after. */
    OPEN,
    /** Unknown, written as an empty side: the interval ends somewhere, but nobody knows where. */
    UNKNOWN
  }

  private static final String EXPECTED_FORMS =
      "write 2016-07 (year-month), 2016 (year), 2016-07-03 (day), 2023-12/2024-03 (range),"
          + " 2019~ (approximate), 2020-05? (uncertain)";
  private static final String MISPLACED_UNSPECIFIED_DIGITS =
      "X can stand only for the last one or two digits of a year written alone (201X, 20XX),"
          + " for the month (2004-XX, 2004-XX-XX) or for the day (2004-06-XX)";
  private static final String SEASONS_NOT_SUPPORTED =
      "seasons (21 to 24) are not supported because they depend on the hemisphere;"
          + " write the months instead, e.g. 2001-03/2001-05";
  private static final Pattern DATE_WITH_ANY_DIGITS = Pattern.compile("[0-9X]{4}(-[0-9X]{2}){0,2}");
  private static final int MAX_QUOTED_LENGTH = 40;

  private static final String[] RUSSIAN_MONTHS_NOMINATIVE = {
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"
  };
  private static final String[] RUSSIAN_MONTHS_GENITIVE = {
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря"
  };

  private final boolean interval;
  private final Bound startBound;
  private final SingleDate start;
  private final Bound endBound;
  private final SingleDate end;
  private final String sortKey;

  private PartialDate(SingleDate date) {
    this(false, Bound.DATED, date, Bound.DATED, date);
  }

  private PartialDate(
      boolean interval, Bound startBound, SingleDate start, Bound endBound, SingleDate end) {
    this.interval = interval;
    this.startBound = startBound;
    this.start = start;
    this.endBound = endBound;
    this.end = end;
    this.sortKey = computeSortKey();
  }

  /**
   * Reads EDTF text such as {@code 2016-07}, {@code 2019~} or {@code 2023-12/2024-03}; see the
   * class description for every accepted form. Jackson uses this to read a JSON string.
   *
   * @throws InvalidPartialDate if the text is null, blank or not an accepted date
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PartialDate parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidPartialDate(text, "no date given; " + EXPECTED_FORMS);
    }
    String edtf = text.strip();
    int slash = edtf.indexOf('/');
    if (slash < 0) {
      return new PartialDate(SingleDate.parse(edtf, text));
    }
    return parseInterval(edtf.substring(0, slash), edtf.substring(slash + 1), text);
  }

  /**
   * Like {@link #parse(String)}, but empty for null or blank text, for optional fields.
   *
   * @throws InvalidPartialDate if there is text and it is not an accepted date
   */
  public static Optional<PartialDate> parseOptional(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(text));
  }

  private static PartialDate parseInterval(String startText, String endText, String text) {
    Bound startBound = boundWritten(startText);
    Bound endBound = boundWritten(endText);
    if (startBound != Bound.DATED && endBound != Bound.DATED) {
      throw notADate(text, "an interval needs at least one date, as in 2020/.. or ../2020");
    }
    SingleDate start = startBound == Bound.DATED ? SingleDate.parse(startText, text) : null;
    SingleDate end = endBound == Bound.DATED ? SingleDate.parse(endText, text) : null;
    if (start != null && end != null && start.earliest().isAfter(end.latest())) {
      throw notADate(
          text,
          "the start (" + start.toEdtf() + ") is after the end (" + end.toEdtf() + ")");
    }
    return new PartialDate(true, startBound, start, endBound, end);
  }

  private static Bound boundWritten(String side) {
    if (side.isEmpty()) {
      return Bound.UNKNOWN;
    }
    return side.equals("..") ? Bound.OPEN : Bound.DATED;
  }

  private static InvalidPartialDate notADate(String text, String reason) {
    return new InvalidPartialDate(text, quote(text) + " is not a date: " + reason);
  }

  private static InvalidPartialDate notEdtf(String text) {
    return new InvalidPartialDate(text, quote(text) + " is not an EDTF date; " + EXPECTED_FORMS);
  }

  private static String quote(String text) {
    String stripped = text.strip();
    if (stripped.length() > MAX_QUOTED_LENGTH) {
      stripped = stripped.substring(0, MAX_QUOTED_LENGTH) + "…";
    }
    return "\"" + stripped + "\"";
  }

  /** The canonical EDTF text; {@code parse(date.toEdtf())} equals {@code date}. Also the JSON. */
  @JsonValue
  public String toEdtf() {
    if (!interval) {
      return start.toEdtf();
    }
    return sideEdtf(startBound, start) + "/" + sideEdtf(endBound, end);
  }

  private static String sideEdtf(Bound bound, SingleDate date) {
    return switch (bound) {
      case DATED -> date.toEdtf();
      case OPEN -> "..";
      case UNKNOWN -> "";
    };
  }

  /** Whether this is an interval {@code start/end} rather than a single date. */
  public boolean isInterval() {
    return interval;
  }

  /** The start of an interval; for a single date, {@code DATED}. */
  public Bound startBound() {
    return startBound;
  }

  /** The end of an interval; for a single date, {@code DATED}. */
  public Bound endBound() {
    return endBound;
  }

  /**
   * The start of an interval as a single date, qualifier included; for a single date, the date
   * itself. Empty when the start is open or unknown.
   */
  public Optional<PartialDate> start() {
    return Optional.ofNullable(start).map(PartialDate::new);
  }

  /**
   * The end of an interval as a single date, qualifier included; for a single date, the date
   * itself. Empty when the end is open or unknown.
   */
  public Optional<PartialDate> end() {
    return Optional.ofNullable(end).map(PartialDate::new);
  }

  /**
   * How finely the date is known: {@code YEAR} for {@code 2016} and {@code 2004-XX}, {@code MONTH}
   * for {@code 2016-07} and {@code 2004-06-XX}. For an interval, the coarser of its dated sides.
   */
  public Precision precision() {
    return datedSides()
        .map(date -> date.shape.precision)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  /** Whether the date, or either dated side of an interval, is marked {@code ~} or {@code %}. */
  public boolean isApproximate() {
    return datedSides().anyMatch(date -> date.qualifier.isApproximate());
  }

  /** Whether the date, or either dated side of an interval, is marked {@code ?} or {@code %}. */
  public boolean isUncertain() {
    return datedSides().anyMatch(date -> date.qualifier.isUncertain());
  }

  /**
   * The first day the date could denote: the first day of the (start) date, ignoring qualifiers;
   * {@code 201X} gives 2010-01-01. Empty when an interval's start is open or unknown.
   */
  public Optional<LocalDate> earliest() {
    return Optional.ofNullable(start).map(SingleDate::earliest);
  }

  /**
   * The last day the date could denote: the last day of the (end) date, ignoring qualifiers; {@code
   * 2016-02} gives 2016-02-29. Empty when an interval's end is open or unknown.
   */
  public Optional<LocalDate> latest() {
    return Optional.ofNullable(end).map(SingleDate::latest);
  }

  private Stream<SingleDate> datedSides() {
    return Stream.of(start, end).filter(Objects::nonNull);
  }

  /**
   * The date for people to read, in Russian for a Russian locale and in English for any other:
   * "3 February 2017" / "3 февраля 2017", "about 2019" / "около 2019", "May 2020 (uncertain)" /
   * "май 2020 (не точно)", "December 2023 to March 2024" / "с декабря 2023 по март 2024", "before
   * 2020" / "до 2020", "from 2020" / "с 2020", "2010s" / "2010-е". The default locale is never
   * consulted.
   */
  public String format(Locale locale) {
    return "ru".equals(locale.getLanguage()) ? formatRussian() : formatEnglish();
  }

  private String formatEnglish() {
    if (!interval) {
      return english(start);
    }
    return switch (startBound) {
      case OPEN -> "before " + english(end);
      case UNKNOWN -> "from an unknown date to " + english(end);
      case DATED -> switch (endBound) {
        case OPEN -> "from " + english(start);
        case UNKNOWN -> "from " + english(start) + " to an unknown date";
        case DATED -> english(start) + " to " + english(end);
      };
    };
  }

  private static String english(SingleDate date) {
    String text = englishWithoutQualifier(date);
    if (date.qualifier.isApproximate()) {
      text = "about " + text;
    }
    return date.qualifier.isUncertain() ? text + " (uncertain)" : text;
  }

  private static String englishWithoutQualifier(SingleDate date) {
    return switch (date.shape.precision) {
      case CENTURY -> date.year + "–" + (date.year + 99);
      case DECADE -> date.year + "s";
      case YEAR -> Integer.toString(date.year);
      case MONTH -> englishMonth(date.month) + " " + date.year;
      case DAY -> date.day + " " + englishMonth(date.month) + " " + date.year;
    };
  }

  private static String englishMonth(int month) {
    return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  /** Russian grammatical cases needed after the prepositions used here. */
  private enum RussianCase {
    NOMINATIVE,
    GENITIVE
  }

  private String formatRussian() {
    if (!interval) {
      String text =
          start.qualifier.isApproximate()
              ? "около " + russianWithoutQualifier(start, RussianCase.GENITIVE)
              : russianWithoutQualifier(start, RussianCase.NOMINATIVE);
      return start.qualifier.isUncertain() ? text + " (не точно)" : text;
    }
    // "по" takes the accusative, which for every form used here is spelled like the nominative.
    return switch (startBound) {
      case OPEN -> russianSide("до", end, RussianCase.GENITIVE);
      case UNKNOWN -> "с неизвестной даты " + russianSide("по", end, RussianCase.NOMINATIVE);
      case DATED -> switch (endBound) {
        case OPEN -> russianSide("с", start, RussianCase.GENITIVE);
        case UNKNOWN -> russianSide("с", start, RussianCase.GENITIVE) + " по неизвестную дату";
        case DATED -> russianSide("с", start, RussianCase.GENITIVE)
            + " "
            + russianSide("по", end, RussianCase.NOMINATIVE);
      };
    };
  }

  private static String russianSide(
      String preposition, SingleDate date, RussianCase grammaticalCase) {
    String text = preposition + " " + russianWithoutQualifier(date, grammaticalCase);
    if (date.qualifier.isApproximate()) {
      text = "примерно " + text;
    }
    return date.qualifier.isUncertain() ? text + " (не точно)" : text;
  }

  private static String russianWithoutQualifier(SingleDate date, RussianCase grammaticalCase) {
    boolean genitive = grammaticalCase == RussianCase.GENITIVE;
    return switch (date.shape.precision) {
      case CENTURY -> date.year + "–" + (date.year + 99);
      case DECADE -> date.year + (genitive ? "-х" : "-е");
      case YEAR -> Integer.toString(date.year);
      case MONTH -> (genitive ? RUSSIAN_MONTHS_GENITIVE : RUSSIAN_MONTHS_NOMINATIVE)[date.month - 1]
          + " "
          + date.year;
      case DAY -> date.day + " " + RUSSIAN_MONTHS_GENITIVE[date.month - 1] + " " + date.year;
    };
  }

  /**
   * A fixed-width string of ASCII digits whose text order is the order of {@link
   * #compareTo(PartialDate)}, for {@code ORDER BY} in a database; the layout is in the class
   * description.
   */
  public String sortKey() {
    return sortKey;
  }

  private String computeSortKey() {
    SingleDate anchor = start != null ? start : end;
    return new StringBuilder()
        .append(anchor.earliest().format(DateTimeFormatter.BASIC_ISO_DATE))
        .append(startRank(startBound))
        .append(start == null ? 0 : start.shape.ordinal())
        .append(endRank(endBound))
        .append(end == null ? "00000000" : end.latest().format(DateTimeFormatter.BASIC_ISO_DATE))
        .append(end == null ? 0 : end.shape.ordinal())
        .append(interval ? 1 : 0)
        .append(start == null ? 0 : start.qualifier.ordinal())
        .append(interval && end != null ? end.qualifier.ordinal() : 0)
        .toString();
  }

  private static int startRank(Bound bound) {
    return switch (bound) {
      case OPEN -> 0;
      case UNKNOWN -> 1;
      case DATED -> 2;
    };
  }

  private static int endRank(Bound bound) {
    return switch (bound) {
      case DATED -> 0;
      case UNKNOWN -> 1;
      case OPEN -> 2;
    };
  }

  /** Orders dates as described in the class description; consistent with {@code equals}. */
  @Override
  public int compareTo(PartialDate other) {
    return sortKey.compareTo(other.sortKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PartialDate that
        && interval == that.interval
        && startBound == that.startBound
        && endBound == that.endBound
        && Objects.equals(start, that.start)
        && Objects.equals(end, that.end);
  }

  @Override
  public int hashCode() {
    return Objects.hash(interval, startBound, start, endBound, end);
  }

  /** The canonical EDTF text, as {@link #toEdtf()}. */
  @Override
  public String toString() {
    return toEdtf();
  }

  /** The marks EDTF allows at the end of a date, in sort order. */
  private enum Qualifier {
    NONE(""),
    APPROXIMATE("~"),
    UNCERTAIN("?"),
    APPROXIMATE_AND_UNCERTAIN("%");

    private final String symbol;

    Qualifier(String symbol) {
      this.symbol = symbol;
    }

    static Qualifier endingOf(String edtf) {
      return Arrays.stream(values())
          .filter(qualifier -> qualifier != NONE && edtf.endsWith(qualifier.symbol))
          .findFirst()
          .orElse(NONE);
    }

    boolean isApproximate() {
      return this == APPROXIMATE || this == APPROXIMATE_AND_UNCERTAIN;
    }

    boolean isUncertain() {
      return this == UNCERTAIN || this == APPROXIMATE_AND_UNCERTAIN;
    }
  }

  /** The written forms of a date without qualifier, from coarsest to finest, in sort order. */
  private enum Shape {
    CENTURY(Precision.CENTURY, "[0-9]{2}XX"),
    DECADE(Precision.DECADE, "[0-9]{3}X"),
    YEAR(Precision.YEAR, "[0-9]{4}"),
    YEAR_UNSPECIFIED_MONTH(Precision.YEAR, "[0-9]{4}-XX"),
    YEAR_UNSPECIFIED_MONTH_AND_DAY(Precision.YEAR, "[0-9]{4}-XX-XX"),
    MONTH(Precision.MONTH, "[0-9]{4}-[0-9]{2}"),
    MONTH_UNSPECIFIED_DAY(Precision.MONTH, "[0-9]{4}-[0-9]{2}-XX"),
    DAY(Precision.DAY, "[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Precision precision;
    private final Pattern pattern;

    Shape(Precision precision, String pattern) {
      this.precision = precision;
      this.pattern = Pattern.compile(pattern);
    }

    static Optional<Shape> of(String dateWithoutQualifier) {
      return Arrays.stream(values())
          .filter(shape -> shape.pattern.matcher(dateWithoutQualifier).matches())
          .findFirst();
    }
  }

  /**
   * One date, the whole of a single date or one dated side of an interval. {@code year} is the
   * first year covered ({@code 2010} for {@code 201X}); {@code month} and {@code day} are 0 when
   * not given or unspecified.
   */
  private record SingleDate(int year, int month, int day, Shape shape, Qualifier qualifier) {

    static SingleDate parse(String edtf, String text) {
      Qualifier qualifier = Qualifier.endingOf(edtf);
      String written = edtf.substring(0, edtf.length() - qualifier.symbol.length());
      Shape shape =
          Shape.of(written)
              .orElseThrow(
                  () ->
                      DATE_WITH_ANY_DIGITS.matcher(written).matches()
                          ? notADate(text, MISPLACED_UNSPECIFIED_DIGITS)
                          : notEdtf(text));
      int year = Integer.parseInt(written.substring(0, 4).replace('X', '0'));
      int month = shape.precision.compareTo(Precision.MONTH) >= 0 ? month(written, text) : 0;
      int day = shape == Shape.DAY ? day(written, year, month, text) : 0;
      return new SingleDate(year, month, day, shape, qualifier);
    }

    private static int month(String written, String text) {
      int month = Integer.parseInt(written.substring(5, 7));
      boolean dayWritten = written.length() > 7;
      if (month >= 21 && month <= 24 && !dayWritten) {
        throw notADate(text, SEASONS_NOT_SUPPORTED);
      }
      if (month < 1 || month > 12) {
        throw notADate(text, "month must be 01 to 12");
      }
      return month;
    }

    private static int day(String written, int year, int month, String text) {
      int day = Integer.parseInt(written.substring(8, 10));
      if (day < 1 || day > 31) {
        throw notADate(text, "day must be 01 to 31");
      }
      int daysInMonth = YearMonth.of(year, month).lengthOfMonth();
      if (day > daysInMonth) {
        throw notADate(
            text, englishMonth(month) + " " + year + " has " + daysInMonth + " days");
      }
      return day;
    }

    LocalDate earliest() {
      return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
    }

    LocalDate latest() {
      return switch (shape) {
        case CENTURY -> LocalDate.of(year + 99, 12, 31);
        case DECADE -> LocalDate.of(year + 9, 12, 31);
        case YEAR, YEAR_UNSPECIFIED_MONTH, YEAR_UNSPECIFIED_MONTH_AND_DAY -> LocalDate.of(
            year, 12, 31);
        case MONTH, MONTH_UNSPECIFIED_DAY -> YearMonth.of(year, month).atEndOfMonth();
        case DAY -> earliest();
      };
    }

    String toEdtf() {
      String written =
          switch (shape) {
            case CENTURY -> String.format(Locale.ROOT, "%02dXX", year / 100);
            case DECADE -> String.format(Locale.ROOT, "%03dX", year / 10);
            case YEAR -> String.format(Locale.ROOT, "%04d", year);
            case YEAR_UNSPECIFIED_MONTH -> String.format(Locale.ROOT, "%04d-XX", year);
            case YEAR_UNSPECIFIED_MONTH_AND_DAY -> String.format(Locale.ROOT, "%04d-XX-XX", year);
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, month);
            case MONTH_UNSPECIFIED_DAY -> String.format(Locale.ROOT, "%04d-%02d-XX", year, month);
            case DAY -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
          };
      return written + qualifier.symbol;
    }
  }
}
