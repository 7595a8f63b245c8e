package org.casebook.dates;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * The refusals of {@link PartialDateInput} for one piece of text, in English or Russian. Each names
 * what was not understood and shows dates that would be accepted, written in the same language.
 */
final class RefusalMessages {

  private static final int MAX_QUOTED_LENGTH = 40;
  private static final String ENGLISH_EXAMPLES =
      "\"July 2016\", \"3 February 2017\" or \"December 2023 to March 2024\"";
  private static final String RUSSIAN_EXAMPLES =
      "«июль 2016», «3 февраля 2017» или «с декабря 2023 по март 2024»";

  private final InputLanguage language;
  private final String text;

  RefusalMessages(InputLanguage language, String text) {
    this.language = language;
    this.text = text;
  }

  InputLanguage language() {
    return language;
  }

  InvalidPartialDate noDate() {
    return refusal(
        "No date given; write, for example, " + ENGLISH_EXAMPLES,
        "Дата не указана; напишите, например, " + RUSSIAN_EXAMPLES);
  }

  InvalidPartialDate notUnderstood() {
    return refusal(
        "Could not read " + quoted() + " as a date; write, for example, " + ENGLISH_EXAMPLES,
        "Не удалось прочитать " + quoted() + " как дату; напишите, например, " + RUSSIAN_EXAMPLES);
  }

  /**
   * EDTF-looking text that {@link PartialDate#parse(String)} refused; in English its own message,
   * which says exactly what is wrong.
   */
  InvalidPartialDate notEdtf(InvalidPartialDate edtfRefusal) {
    return refusal(
        edtfRefusal.getMessage(),
        "Не удалось прочитать "
            + quoted()
            + " как дату в формате EDTF; напишите, например, 2016-07, 2016-07-03,"
            + " 2023-12/2024-03 или словами: «июль 2016», «3 февраля 2017»");
  }

  /**
   * Day, month and year separated by slashes; {@code readings} are the dates (EDTF) the numbers can
   * stand for, day first and month first, or none when the year is not written in full.
   */
  InvalidPartialDate slashedDate(List<String> readings) {
    String englishAdvice = "write the month in words, for example " + ENGLISH_EXAMPLES;
    String russianAdvice = "напишите месяц словом, например " + RUSSIAN_EXAMPLES;
    if (!readings.isEmpty()) {
      englishAdvice =
          "write the month in words, for example "
              + alternatives(readings)
              + ", or "
              + readings.get(0);
      russianAdvice =
          "напишите месяц словом, например " + alternatives(readings) + ", или " + readings.get(0);
    }
    return refusal(
        quoted()
            + " is read differently in different countries, day or month first; "
            + englishAdvice,
        quoted() + " в разных странах читают по-разному: день или месяц первым; " + russianAdvice);
  }

  /** A part of a period ("early 2019"); {@code range} and {@code whole} are EDTF to suggest. */
  InvalidPartialDate vaguePart(String range, String whole) {
    return refusal(
        quoted()
            + " is too vague to record as written; write the period you mean, for example "
            + written(range)
            + " ("
            + range
            + "), or the whole of it, "
            + written(whole),
        quoted()
            + " слишком неопределённо, чтобы записать как есть; укажите период, например "
            + written(range)
            + " ("
            + range
            + "), или целиком: "
            + written(whole));
  }

  InvalidPartialDate noSuchMonth(int month) {
    return refusal(
        quoted() + " is not a date: there is no month " + month + "; months are 1 to 12",
        quoted() + " не дата: месяца " + month + " нет, месяцы нумеруются от 1 до 12");
  }

  InvalidPartialDate noSuchDay(int year, int month) {
    int days = YearMonth.of(year, month).lengthOfMonth();
    String englishMonth =
        PartialDate.parse(edtfMonth(year, month)).format(InputLanguage.ENGLISH.locale());
    return refusal(
        quoted() + " is not a date: " + englishMonth + " has " + days + " days",
        quoted()
            + " не дата: в "
            + MonthNames.russianPrepositional(month)
            + " "
            + year
            + " года "
            + days
            + (days == 31 ? " день" : " дней"));
  }

  InvalidPartialDate notADecade(int year) {
    return refusal(
        quoted()
            + " is not a decade: a decade begins with a year ending in 0, as in \"2010s\";"
            + " for a single year write it alone, as in \""
            + year
            + "\"",
        quoted()
            + " не десятилетие: десятилетие начинается с года, оканчивающегося на 0,"
            + " например «2010-е»; один год пишется отдельно, например «"
            + year
            + "»");
  }

  /** An interval whose start ({@code start}, EDTF) comes after its end. */
  InvalidPartialDate startAfterEnd(String start, String end) {
    return refusal(
        quoted()
            + " is not a date: the start ("
            + plain(start)
            + ") is after the end ("
            + plain(end)
            + ")",
        quoted() + " не дата: начало (" + plain(start) + ") позже конца (" + plain(end) + ")");
  }

  /** "Winter" with a single year, which could be the winter that ends or that begins in it. */
  InvalidPartialDate ambiguousWinter(int year) {
    String endingInYear = (year - 1) + "-12/" + year + "-02";
    String beginningInYear = year + "-12/" + (year + 1) + "-02";
    return refusal(
        quoted()
            + " could be "
            + written(endingInYear)
            + " or "
            + written(beginningInYear)
            + "; write both years, as in \"winter "
            + year
            + "/"
            + (year + 1)
            + "\", or the months",
        quoted()
            + " может означать "
            + written(endingInYear)
            + " или "
            + written(beginningInYear)
            + "; укажите оба года, например «зима "
            + year
            + "/"
            + (year + 1)
            + "», или месяцы");
  }

  private InvalidPartialDate refusal(String english, String russian) {
    return new InvalidPartialDate(text, language == InputLanguage.RUSSIAN ? russian : english);
  }

  private String alternatives(List<String> dates) {
    List<String> written = dates.stream().map(this::written).toList();
    String or = language == InputLanguage.RUSSIAN ? " или " : " or ";
    return String.join(or, written);
  }

  /** An EDTF date as a person writes it, in quotes. */
  private String written(String edtf) {
    return quote(plain(edtf));
  }

  private String plain(String edtf) {
    return PartialDate.parse(edtf).format(language.locale());
  }

  private String quoted() {
    String stripped = text.strip();
    if (stripped.length() > MAX_QUOTED_LENGTH) {
      stripped = stripped.substring(0, MAX_QUOTED_LENGTH) + "…";
    }
    return quote(stripped);
  }

  private String quote(String words) {
    return language == InputLanguage.RUSSIAN ? "«" + words + "»" : "\"" + words + "\"";
  }

  private static String edtfMonth(int year, int month) {
    return String.format(Locale.ROOT, "%04d-%02d", year, month);
  }
}
