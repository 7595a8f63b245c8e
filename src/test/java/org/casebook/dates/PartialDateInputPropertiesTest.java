package org.casebook.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of {@link PartialDateInput} over generated dates and generated typing.
 *
 * <p>When a property fails, jqwik prints the seed of the run. To replay exactly that run, copy it
 * into the property, e.g. {@code @Property(seed = "-8187431093276254512")}, and remove it again
 * once the failure is fixed.
 */
class PartialDateInputPropertiesTest {

  /**
   * The shapes whose written form keeps everything the date says. Left out, because the words do
   * not keep the difference: a century, written "2000–2099", which reads as the interval of years
   * 2000/2099; a year or month with unspecified digits ({@code 2004-XX}, {@code 2004-06-XX}),
   * written exactly like the year or month.
   */
  private enum Form {
    DECADE,
    YEAR,
    MONTH,
    DAY
  }

  @Provide
  Arbitrary<Locale> locales() {
    return Arbitraries.of(Locale.ENGLISH, Locale.forLanguageTag("ru-RU"));
  }

  @Provide
  Arbitrary<PartialDate> partialDates() {
    Arbitrary<String> singleDates =
        Combinators.combine(unqualifiedDateTexts(), Arbitraries.of("", "~", "?", "%"))
            .as(String::concat);
    Arbitrary<PartialDate> closedIntervals =
        Combinators.combine(singleDates, singleDates)
            .as(PartialDateInputPropertiesTest::closedInterval);
    Arbitrary<PartialDate> halfIntervals =
        Combinators.combine(singleDates, Arbitraries.of("..", ""), Arbitraries.of(true, false))
            .as(
                (date, otherSide, dateFirst) ->
                    PartialDate.parse(dateFirst ? date + "/" + otherSide : otherSide + "/" + date));
    return Arbitraries.oneOf(singleDates.map(PartialDate::parse), closedIntervals, halfIntervals);
  }

  /**
   * Years from 1000, because earlier years are written without leading zeros ("July 500") and only
   * four-digit years are read from words.
   */
  private static Arbitrary<String> unqualifiedDateTexts() {
    Arbitrary<Integer> years =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(1999, 2001)),
            Tuple.of(1, Arbitraries.integers().between(1000, 9999)));
    return Combinators.combine(
            years,
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 31),
            Arbitraries.of(Form.class))
        .as(PartialDateInputPropertiesTest::edtf);
  }

  private static String edtf(int year, int month, int day, Form form) {
    int dayInMonth = Math.min(day, YearMonth.of(year, month).lengthOfMonth());
    return switch (form) {
      case DECADE -> String.format(Locale.ROOT, "%03dX", year / 10);
      case YEAR -> String.format(Locale.ROOT, "%04d", year);
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, month);
      case DAY -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, dayInMonth);
    };
  }

  private static PartialDate closedInterval(String oneDate, String otherDate) {
    LocalDate oneStarts = PartialDate.parse(oneDate).earliest().orElseThrow();
    LocalDate otherEnds = PartialDate.parse(otherDate).latest().orElseThrow();
    boolean oneCanComeFirst = !oneStarts.isAfter(otherEnds);
    return PartialDate.parse(
        oneCanComeFirst ? oneDate + "/" + otherDate : otherDate + "/" + oneDate);
  }

  /**
   * Text typed from the words people use, in both languages and in any order, so that most of it is
   * nonsense and some of it is a date.
   */
  @Provide
  Arbitrary<String> typing() {
    Arbitrary<String> words =
        Arbitraries.frequencyOf(
            Tuple.of(
                6,
                Arbitraries.of(
                    "2019",
                    "2020",
                    "1999",
                    "2010s",
                    "2010-е",
                    "2010-х",
                    "3",
                    "31",
                    "29",
                    "03.02.2017",
                    "13.13.2017",
                    "2016-07",
                    "2016-13",
                    "3/2/2017",
                    "2019/2020")),
            Tuple.of(
                6,
                Arbitraries.of(
                    "July", "Feb.", "february", "июля", "май", "марте", "sept", "нояб.")),
            Tuple.of(
                5,
                Arbitraries.of(
                    "about",
                    "c.",
                    "около",
                    "примерно",
                    "maybe",
                    "возможно",
                    "?",
                    "~",
                    "%",
                    "(uncertain)",
                    "(не точно)")),
            Tuple.of(
                5,
                Arbitraries.of(
                    "to",
                    "–",
                    "-",
                    "—",
                    "until",
                    "from",
                    "since",
                    "before",
                    "between",
                    "and",
                    "с",
                    "по",
                    "до",
                    "от",
                    "и",
                    "начиная с",
                    "an unknown date",
                    "неизвестной даты",
                    "present",
                    "настоящее время")),
            Tuple.of(
                2,
                Arbitraries.of(
                    "early", "late", "mid-", "начало", "конце", "summer", "winter", "лето", "зима",
                    "the", "in", "г.", "года", ",", "\u00a0", "3rd")));
    return words.list().ofMinSize(1).ofMaxSize(7).map(list -> String.join(" ", list));
  }

  @Property
  void formattedDatesReadBackAsTheSameDate(
      @ForAll("partialDates") PartialDate date, @ForAll("locales") Locale locale) {
    assertThat(PartialDateInput.parse(date.format(locale), locale)).isEqualTo(date);
  }

  @Property
  void formattedDatesReadBackInTheOtherLocaleToo(
      @ForAll("partialDates") PartialDate date, @ForAll("locales") Locale locale) {
    Locale other = InputLanguage.of(locale).other().locale();

    assertThat(PartialDateInput.parse(date.format(locale), other)).isEqualTo(date);
  }

  @Property
  void edtfReadsAsPartialDateReadsIt(@ForAll("partialDates") PartialDate date) {
    assertThat(PartialDateInput.parse(date.toEdtf(), Locale.ENGLISH)).isEqualTo(date);
  }

  @Property(tries = 3000)
  void typingIsReadOrRefusedAndWhatIsReadReadsBackFromItsFormat(
      @ForAll("typing") String text, @ForAll("locales") Locale locale) {
    PartialDate date;
    try {
      date = PartialDateInput.parse(text, locale);
    } catch (InvalidPartialDate refusal) {
      Statistics.collect("refused");
      assertThat(refusal.text()).isEqualTo(text);
      assertThat(refusal.getMessage()).isNotBlank();
      return;
    }
    Statistics.collect(date.isInterval() ? "read as an interval" : "read as a single date");
    for (Locale written : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
      assertThat(PartialDateInput.parse(date.format(written), locale)).isEqualTo(date);
    }
  }
}
