package org.casebook.dates;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one date as people type it, without the words of an interval: "3 February 2017", "июля
 * 2016", "about 2010s (uncertain)", "03.02.2017", "2016-07". The result is EDTF. Text that is not
 * understood gives an empty result, so that the other language can be tried; text that is
 * understood but names no real date, such as "30 February 2017", is refused at once.
 */
final class DateSideReader {

  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern ISO_MONTH = Pattern.compile("([0-9]{4})-([0-9]{1,2})");
  private static final Pattern ISO_DAY = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
  private static final Pattern DOTTED_MONTH = Pattern.compile("([0-9]{1,2})\\.([0-9]{4})");
  private static final Pattern DOTTED_DAY =
      Pattern.compile("([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})");
  private static final Pattern DAY_OF_MONTH = Pattern.compile("([0-9]{1,2})(?:st|nd|rd|th)?");

  private final Vocabulary vocabulary;
  private final RefusalMessages messages;

  DateSideReader(Vocabulary vocabulary, RefusalMessages messages) {
    this.vocabulary = vocabulary;
    this.messages = messages;
  }

  /** A date with its qualifiers, "about May 2020 (uncertain)", as EDTF: {@code 2020-05%}. */
  Optional<String> readQualified(String side) {
    boolean approximate = false;
    boolean uncertain = false;
    String rest = side;
    while (true) {
      String current = rest;
      Optional<String> withoutApproximate =
          withoutPrefix(current, vocabulary.approximatePrefixes());
      Optional<String> withoutUncertain =
          withoutPrefix(current, vocabulary.uncertainPrefixes())
              .or(() -> withoutSuffix(current, vocabulary.uncertainSuffixes()));
      if (withoutApproximate.isPresent()) {
        approximate = true;
        rest = withoutApproximate.get();
      } else if (withoutUncertain.isPresent()) {
        uncertain = true;
        rest = withoutUncertain.get();
      } else if (rest.endsWith(" ~") || rest.endsWith(" %")) {
        approximate = true;
        uncertain |= rest.endsWith("%");
        rest = rest.substring(0, rest.length() - 2);
      } else {
        break;
      }
    }
    String qualifier = qualifier(approximate, uncertain);
    return readUnqualified(rest).map(date -> date + qualifier);
  }

  /** A date without qualifiers, "3 February 2017", as EDTF: {@code 2017-02-03}. */
  Optional<String> readUnqualified(String date) {
    if (YEAR.matcher(date).matches()) {
      return Optional.of(date);
    }
    Matcher decade = vocabulary.decade().matcher(date);
    if (decade.matches()) {
      return Optional.of(decade(Integer.parseInt(decade.group(1))));
    }
    return readNumeric(date).or(() -> readWithMonthName(date.split(" ")));
  }

  private Optional<String> readNumeric(String date) {
    Matcher isoDay = ISO_DAY.matcher(date);
    if (isoDay.matches()) {
      return Optional.of(day(number(isoDay, 1), number(isoDay, 2), number(isoDay, 3)));
    }
    Matcher isoMonth = ISO_MONTH.matcher(date);
    if (isoMonth.matches() && isMonthNumber(number(isoMonth, 2))) {
      return Optional.of(month(number(isoMonth, 1), number(isoMonth, 2)));
    }
    Matcher dottedDay = DOTTED_DAY.matcher(date);
    if (dottedDay.matches()) {
      return Optional.of(day(number(dottedDay, 3), number(dottedDay, 2), number(dottedDay, 1)));
    }
    Matcher dottedMonth = DOTTED_MONTH.matcher(date);
    if (dottedMonth.matches()) {
      return Optional.of(month(number(dottedMonth, 2), number(dottedMonth, 1)));
    }
    return Optional.empty();
  }

  private Optional<String> readWithMonthName(String[] words) {
    if (words.length == 2 && isMonth(words[0]) && isYear(words[1])) {
      return Optional.of(month(year(words[1]), monthOf(words[0])));
    }
    if (words.length != 3 || !isYear(words[2])) {
      return Optional.empty();
    }
    if (isDayOfMonth(words[0]) && isMonth(words[1])) {
      return Optional.of(day(year(words[2]), monthOf(words[1]), dayOfMonth(words[0])));
    }
    if (vocabulary.monthBeforeDay() && isMonth(words[0]) && isDayOfMonth(words[1])) {
      return Optional.of(day(year(words[2]), monthOf(words[0]), dayOfMonth(words[1])));
    }
    return Optional.empty();
  }

  private String decade(int firstYear) {
    if (firstYear % 10 != 0) {
      throw messages.notADecade(firstYear);
    }
    return String.format(Locale.ROOT, "%03dX", firstYear / 10);
  }

  private String month(int year, int month) {
    if (month < 1 || month > 12) {
      throw messages.noSuchMonth(month);
    }
    return String.format(Locale.ROOT, "%04d-%02d", year, month);
  }

  private String day(int year, int month, int day) {
    String yearAndMonth = month(year, month);
    if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      throw messages.noSuchDay(year, month);
    }
    return String.format(Locale.ROOT, "%s-%02d", yearAndMonth, day);
  }

  /**
   * Whether an EDTF-like year-month has a month, not a season (21 to 24) or a slip, which {@link
   * PartialDate#parse(String)} explains better.
   */
  private static boolean isMonthNumber(int number) {
    return number >= 1 && number <= 12;
  }

  private boolean isMonth(String word) {
    return vocabulary.months().containsKey(word);
  }

  private int monthOf(String word) {
    return vocabulary.months().get(word);
  }

  private static boolean isYear(String word) {
    return YEAR.matcher(word).matches();
  }

  private static int year(String word) {
    return Integer.parseInt(word);
  }

  private static boolean isDayOfMonth(String word) {
    return DAY_OF_MONTH.matcher(word).matches();
  }

  private static int dayOfMonth(String word) {
    Matcher matcher = DAY_OF_MONTH.matcher(word);
    matcher.matches();
    return number(matcher, 1);
  }

  private static int number(Matcher matcher, int group) {
    return Integer.parseInt(matcher.group(group));
  }

  private static String qualifier(boolean approximate, boolean uncertain) {
    if (approximate) {
      return uncertain ? "%" : "~";
    }
    return uncertain ? "?" : "";
  }

  private static Optional<String> withoutPrefix(String text, Iterable<String> prefixes) {
    for (String prefix : prefixes) {
      Optional<String> rest = InputText.after(text, prefix);
      if (rest.isPresent()) {
        return rest;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> withoutSuffix(String text, Iterable<String> suffixes) {
    for (String suffix : suffixes) {
      Optional<String> rest = InputText.before(text, suffix);
      if (rest.isPresent()) {
        return rest;
      }
    }
    return Optional.empty();
  }
}
