package org.casebook.dates;

import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link PartialDate} as people type it into a form, in English or Russian; the reverse of
 * {@link PartialDate#format(Locale)}, whose output always reads back as the same date (except for
 * the forms listed under "Not read back" below). Stateless and thread-safe.
 *
 * <p>Both languages are always understood. The locale decides only which language is tried first
 * and the language of refusals: Russian for a Russian locale, English for any other. The default
 * locale is never consulted. Text is compared after Unicode NFC normalization, ignoring case,
 * surrounding whitespace, brackets, commas and the dots of abbreviations.
 *
 * <h2>Accepted forms</h2>
 *
 * <ul>
 *   <li>EDTF, exactly as {@link PartialDate#parse(String)} accepts it: {@code 2016-07}, {@code
 *       2023-12/2024-03}, {@code 2019~}, {@code 201X};
 *   <li>a year, "2016", "2016 г.", "2016г.", "2016 год"; a decade, "2010s", "the 2010s", "2010-е",
 *       "2010-х годов" (read as {@code 201X});
 *   <li>a month, "July 2016", "Jul 2016", "Jul. 2016", "июль 2016", "июля 2016", "в июле 2016",
 *       "07.2016";
 *   <li>a day, "3 February 2017", "3 Feb 2017", "February 3, 2017", "February 3rd, 2017", "3
 *       февраля 2017 г.", and day, month and year separated by dots, day first as in Europe,
 *       "03.02.2017";
 *   <li>approximate: "about", "around", "approximately", "approx.", "circa", "ca.", "c." (a Latin
 *       c: the Cyrillic "с" means "from"), "около", "примерно", "приблизительно", "ок.", a leading
 *       or trailing {@code ~};
 *   <li>uncertain: a trailing "?", "(uncertain)", "(не точно)", "(под вопросом)"; a leading
 *       "maybe", "perhaps", "possibly", "probably", "возможно", "вероятно", "предположительно";
 *       both together give EDTF {@code %};
 *   <li>an interval: "December 2023 to March 2024", "Dec 2023 – Mar 2024" (any dash or a spaced
 *       hyphen; "2016-2017" for years), "until", "till", "through", "from … to …", "between … and
 *       …", "декабрь 2023 — март 2024", "с декабря 2023 по март 2024", "с … до …", "от … до …"; a
 *       qualifier belongs to the side it is written next to, so "about 2019 to May 2020?" is {@code
 *       2019~/2020-05?}; the start may leave out the year, or month and year, it shares with the
 *       end: "February to March 2024", "3–5 February 2017", "с 3 по 5 февраля 2017";
 *   <li>an open start: "before 2020", "until 2020", "up to 2020", "до 2020"; an open end: "from
 *       2020", "since 2020", "2020 to present", "с 2020", "начиная с 2020", "с 2020 по настоящее
 *       время";
 *   <li>an unknown side: "from an unknown date to May 2020", "с неизвестной даты по май 2020";
 *   <li>a season of the Northern hemisphere as a range of months: spring March to May, summer June
 *       to August, autumn (fall) September to November, "summer 2019", "лето 2019", "летом 2019";
 *       winter only with both of its years, "winter 2019/2020", "зима 2019–2020", read as December
 *       2019 to February 2020.
 * </ul>
 *
 * <h2>Refused forms</h2>
 *
 * Refusals throw {@link InvalidPartialDate} with a message, in the locale's language, that quotes
 * the text, says what is wrong and shows dates that would be accepted:
 *
 * <ul>
 *   <li>parts of a period, "early 2019", "mid-2019", "late 2019", "end of 2019", "начало 2019", "в
 *       конце 2019": the message suggests a range to check, such as 2019-01/2019-04, and never
 *       stores one unasked;
 *   <li>day, month and year separated by slashes, "3/2/2017", since the order of day and month
 *       differs between countries;
 *   <li>"winter 2019", which is said both of the winter ending and of the winter beginning in 2019;
 *   <li>days and months that do not exist ("30 February 2017", "03.13.2017"), decades that do not
 *       begin with a year ending in 0 ("2015s"), an interval whose start comes after its end;
 *   <li>years not written with four digits ("3 Feb 17"), and anything else not listed above.
 * </ul>
 *
 * <h2>Not read back</h2>
 *
 * Some of what {@link PartialDate#format(Locale)} writes reads back as a different date, because
 * the written words do not keep the difference: a century, "2000–2099", reads as the interval of
 * years {@code 2000/2099}; "some month of 2004" ({@code 2004-XX}) is written and read as the year
 * 2004, and likewise for an unspecified day; years before 1000 are written without leading zeros
 * and are accepted only as EDTF.
 */
public final class PartialDateInput {

  private static final Pattern EDTF_CHARACTERS = Pattern.compile("[0-9Xx~?%./-]+");
  private static final Pattern SLASHED_DATE =
      Pattern.compile("(?<![0-9])([0-9]{1,2})/([0-9]{1,2})/([0-9]{2,4})(?![0-9])");

  private PartialDateInput() {}

  /**
   * Reads the date in {@code text}, trying first the language of {@code locale}; see the class
   * description for the accepted forms.
   *
   * @throws InvalidPartialDate if the text is null, blank or not a date that can be recorded, with
   *     a message in the language of {@code locale}
   */
  public static PartialDate parse(String text, Locale locale) {
    InputLanguage preferred = InputLanguage.of(Objects.requireNonNull(locale, "locale"));
    RefusalMessages messages = new RefusalMessages(preferred, text);
    if (isMissing(text)) {
      throw messages.noDate();
    }
    String stripped = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    Optional<InvalidPartialDate> edtfRefusal = Optional.empty();
    if (EDTF_CHARACTERS.matcher(stripped).matches()) {
      try {
        return PartialDate.parse(stripped.replace('x', 'X'));
      } catch (InvalidPartialDate refusal) {
        edtfRefusal = Optional.of(refusal);
      }
    }
    String normalized = InputText.normalize(stripped);
    refuseSlashedDates(normalized, messages);
    for (InputLanguage language : List.of(preferred, preferred.other())) {
      Optional<String> edtf =
          new HumanDateReader(Vocabulary.of(language), messages).read(normalized);
      if (edtf.isPresent()) {
        return PartialDate.parse(edtf.get());
      }
    }
    throw edtfRefusal.map(messages::notEdtf).orElseGet(messages::notUnderstood);
  }

  /**
   * Like {@link #parse(String, Locale)}, but empty for null or blank text, for optional fields.
   *
   * @throws InvalidPartialDate if there is text and it is not a date that can be recorded
   */
  public static Optional<PartialDate> parseOptional(String text, Locale locale) {
    Objects.requireNonNull(locale, "locale");
    if (isMissing(text)) {
      return Optional.empty();
    }
    return Optional.of(parse(text, locale));
  }

  /** Null, or nothing but whitespace of any kind, no-break spaces included. */
  private static boolean isMissing(String text) {
    return text == null || InputText.normalize(text).isEmpty();
  }

  private static void refuseSlashedDates(String normalized, RefusalMessages messages) {
    Matcher slashed = SLASHED_DATE.matcher(normalized);
    if (!slashed.find()) {
      return;
    }
    int first = Integer.parseInt(slashed.group(1));
    int second = Integer.parseInt(slashed.group(2));
    List<String> readings = new ArrayList<>();
    if (slashed.group(3).length() == 4) {
      int year = Integer.parseInt(slashed.group(3));
      addIfADay(readings, year, second, first);
      if (first != second) {
        addIfADay(readings, year, first, second);
      }
    }
    throw messages.slashedDate(readings);
  }

  private static void addIfADay(List<String> readings, int year, int month, int day) {
    boolean monthExists = month >= 1 && month <= 12;
    if (monthExists && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()) {
      readings.add(String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
    }
  }
}
