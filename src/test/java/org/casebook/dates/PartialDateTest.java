package org.casebook.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.casebook.common.CasebookException;
import org.casebook.dates.PartialDate.Bound;
import org.casebook.dates.PartialDate.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

  private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2016", "2016-07", "2016-07-03", "0000", "9999-12-31", "2019~", "2020-05?", "2004-06-11%",
        "201X", "20XX", "2004-XX", "2004-XX-XX", "2004-06-XX", "201X~", "2023-12/2024-03",
        "2019~/2020-05?", "2020/..", "../2020", "/2020", "2020/", "2016/2016", "2016-07/2016",
        "2024-02-29"
      })
  void canonicalTextReadsBackAsItself(String edtf) {
    PartialDate date = PartialDate.parse(edtf);

    assertThat(date.toEdtf()).isEqualTo(edtf);
    assertThat(date.toString()).isEqualTo(edtf);
    assertThat(PartialDate.parse(date.toEdtf())).isEqualTo(date).hasSameHashCodeAs(date);
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(PartialDate.parse(" \t2016-07\n ")).isEqualTo(PartialDate.parse("2016-07"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n"})
  void missingTextIsRefusedWithTheFormsToWrite(String text) {
    assertThatThrownBy(() -> PartialDate.parse(text))
        .isInstanceOf(InvalidPartialDate.class)
        .hasMessage(
            "no date given; write 2016-07 (year-month), 2016 (year), 2016-07-03 (day),"
                + " 2023-12/2024-03 (range), 2019~ (approximate), 2020-05? (uncertain)");
    assertThat(PartialDate.parseOptional(text)).isEmpty();
  }

  @Test
  void parseOptionalReadsTextAndStillRefusesNonsense() {
    assertThat(PartialDate.parseOptional("2016")).contains(PartialDate.parse("2016"));
    assertThatThrownBy(() -> PartialDate.parseOptional("2016-13"))
        .isInstanceOf(InvalidPartialDate.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2023-02-30      | "2023-02-30" is not a date: February 2023 has 28 days
          2023-02-29      | "2023-02-29" is not a date: February 2023 has 28 days
          2023-04-31      | "2023-04-31" is not a date: April 2023 has 30 days
          2016-13         | "2016-13" is not a date: month must be 01 to 12
          2016-00         | "2016-00" is not a date: month must be 01 to 12
          2016-21-03      | "2016-21-03" is not a date: month must be 01 to 12
          2016-07-00      | "2016-07-00" is not a date: day must be 01 to 31
          2016-07-32      | "2016-07-32" is not a date: day must be 01 to 31
          2024/2023       | "2024/2023" is not a date: the start (2024) is after the end (2023)
          2016-13/2017    | "2016-13/2017" is not a date: month must be 01 to 12
          """)
  void impossibleDatesAreRefusedWithTheReason(String text, String message) {
    assertThatThrownBy(() -> PartialDate.parse(text))
        .isInstanceOf(InvalidPartialDate.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../..", "/", "../", "/.."})
  void intervalWithoutAnyDateIsRefused(String text) {
    assertThat(catchRefusal(text))
        .hasMessage(
            "\"%s\" is not a date: an interval needs at least one date, as in 2020/.. or ../2020",
            text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001-21", "2001-24", "2001-22~"})
  void seasonsAreRefusedWithTheMonthsToWriteInstead(String text) {
    assertThat(catchRefusal(text))
        .hasMessage(
            "\"%s\" is not a date: seasons (21 to 24) are not supported because they depend on"
                + " the hemisphere; write the months instead, e.g. 2001-03/2001-05",
            text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"201X-05", "2XXX", "XXXX", "20X6", "2004-X6", "2004-XX-06", "2004-0X"})
  void unspecifiedDigitsOutsideLevelOneAreRefused(String text) {
    assertThat(catchRefusal(text))
        .hasMessage(
            "\"%s\" is not a date: X can stand only for the last one or two digits of a year"
                + " written alone (201X, 20XX), for the month (2004-XX, 2004-XX-XX) or for the day"
                + " (2004-06-XX)",
            text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "July 2016", "16-07", "2016-7", "2016/07/03", "03.07.2016", "2016-07-03T10:00", "-2016",
        "12016", "2016~~", "2004?-06", "201x", "2016 / 2017", "2016/2017/2018", "..", "2020/...",
        "２０１６"
      })
  void textThatIsNotEdtfIsRefusedWithTheFormsToWrite(String text) {
    assertThatThrownBy(() -> PartialDate.parse(text))
        .isInstanceOf(InvalidPartialDate.class)
        .hasMessage(
            "\""
                + text
                + "\" is not an EDTF date; write 2016-07 (year-month), 2016 (year), 2016-07-03"
                + " (day), 2023-12/2024-03 (range), 2019~ (approximate), 2020-05? (uncertain)");
  }

  @Test
  void refusalCarriesTheTextAndMapsToAnUnprocessableRequest() {
    InvalidPartialDate refusal = catchRefusal("  July 2016 ");

    assertThat(refusal).isInstanceOf(CasebookException.class);
    assertThat(refusal.text()).isEqualTo("  July 2016 ");
    assertThat(refusal.getMessage()).startsWith("\"July 2016\" is not an EDTF date");
    assertThat(refusal.problemType()).isEqualTo("invalid-date");
    assertThat(refusal.httpStatus()).isEqualTo(422);
  }

  @Test
  void longTextIsShortenedInTheMessage() {
    String text = "2016".repeat(1000);

    InvalidPartialDate refusal = catchRefusal(text);

    assertThat(refusal.text()).isEqualTo(text);
    assertThat(refusal.getMessage()).startsWith("\"" + text.substring(0, 40) + "…\" is not");
  }

  @Test
  void leapDayExistsOnlyInLeapYears() {
    assertThat(PartialDate.parse("2024-02-29").earliest()).contains(LocalDate.of(2024, 2, 29));
    assertThat(PartialDate.parse("2000-02-29").earliest()).contains(LocalDate.of(2000, 2, 29));
    assertThat(catchRefusal("2023-02-29")).hasMessageEndingWith("February 2023 has 28 days");
    assertThat(catchRefusal("1900-02-29")).hasMessageEndingWith("February 1900 has 28 days");
    assertThat(PartialDate.parse("2024-02").latest()).contains(LocalDate.of(2024, 2, 29));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock =
          """
          2016            | 2016-01-01 | 2016-12-31
          2016-07         | 2016-07-01 | 2016-07-31
          2016-07-03~     | 2016-07-03 | 2016-07-03
          201X            | 2010-01-01 | 2019-12-31
          20XX            | 2000-01-01 | 2099-12-31
          99XX            | 9900-01-01 | 9999-12-31
          2004-XX         | 2004-01-01 | 2004-12-31
          2004-XX-XX      | 2004-01-01 | 2004-12-31
          2004-06-XX      | 2004-06-01 | 2004-06-30
          2023-12/2024-03 | 2023-12-01 | 2024-03-31
          ../2020         | none       | 2020-12-31
          /2020-05        | none       | 2020-05-31
          2020/..         | 2020-01-01 | none
          2020-05-03/     | 2020-05-03 | none
          """)
  void earliestAndLatestAreTheFirstAndLastDayTheDateCouldMean(
      String edtf, LocalDate earliest, LocalDate latest) {
    PartialDate date = PartialDate.parse(edtf);

    assertThat(date.earliest()).isEqualTo(Optional.ofNullable(earliest));
    assertThat(date.latest()).isEqualTo(Optional.ofNullable(latest));
  }

  @Test
  void singleDateDescribesItself() {
    PartialDate date = PartialDate.parse("2020-05?");

    assertThat(date.isInterval()).isFalse();
    assertThat(date.precision()).isEqualTo(Precision.MONTH);
    assertThat(date.isUncertain()).isTrue();
    assertThat(date.isApproximate()).isFalse();
    assertThat(date.startBound()).isEqualTo(Bound.DATED);
    assertThat(date.endBound()).isEqualTo(Bound.DATED);
    assertThat(date.start()).contains(date);
    assertThat(date.end()).contains(date);
  }

  @Test
  void intervalDescribesItsSides() {
    PartialDate date = PartialDate.parse("2019~/2020-05-03");

    assertThat(date.isInterval()).isTrue();
    assertThat(date.precision()).isEqualTo(Precision.YEAR);
    assertThat(date.isApproximate()).isTrue();
    assertThat(date.isUncertain()).isFalse();
    assertThat(date.start()).contains(PartialDate.parse("2019~"));
    assertThat(date.end()).contains(PartialDate.parse("2020-05-03"));
  }

  @Test
  void openAndUnknownSidesHaveNoDate() {
    PartialDate before = PartialDate.parse("../2020%");
    PartialDate sinceUnknownDate = PartialDate.parse("/2020-05");

    assertThat(before.startBound()).isEqualTo(Bound.OPEN);
    assertThat(before.start()).isEmpty();
    assertThat(before.isApproximate()).isTrue();
    assertThat(before.isUncertain()).isTrue();
    assertThat(sinceUnknownDate.startBound()).isEqualTo(Bound.UNKNOWN);
    assertThat(sinceUnknownDate.precision()).isEqualTo(Precision.MONTH);
    assertThat(PartialDate.parse("2020/").endBound()).isEqualTo(Bound.UNKNOWN);
    assertThat(PartialDate.parse("2020/..").endBound()).isEqualTo(Bound.OPEN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          20XX | CENTURY
          201X | DECADE
          2016 | YEAR
          2004-XX | YEAR
          2004-XX-XX | YEAR
          2016-07 | MONTH
          2004-06-XX | MONTH
          2016-07-03 | DAY
          2016-07-03/2017 | YEAR
          """)
  void precisionIsHowFinelyTheDateIsKnown(String edtf, Precision precision) {
    assertThat(PartialDate.parse(edtf).precision()).isEqualTo(precision);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2016 | 2016 | 2016
          2016-07 | July 2016 | июль 2016
          2017-02-03 | 3 February 2017 | 3 февраля 2017
          2017-02-XX | February 2017 | февраль 2017
          2004-XX | 2004 | 2004
          201X | 2010s | 2010-е
          20XX | 2000–2099 | 2000–2099
          2019~ | about 2019 | около 2019
          2016-07~ | about July 2016 | около июля 2016
          201X~ | about 2010s | около 2010-х
          2020-05? | May 2020 (uncertain) | май 2020 (не точно)
          2020-05% | about May 2020 (uncertain) | около мая 2020 (не точно)
          2023-12/2024-03 | December 2023 to March 2024 | с декабря 2023 по март 2024
          2017-02-03/2017-03-05 | 3 February 2017 to 5 March 2017 | с 3 февраля 2017 по 5 марта 2017
          201X/202X | 2010s to 2020s | с 2010-х по 2020-е
          2019~/2020-05? | about 2019 to May 2020 (uncertain) | примерно с 2019 по май 2020 (не точно)
          ../2020 | before 2020 | до 2020
          ../2016-07~ | before about July 2016 | примерно до июля 2016
          2020/.. | from 2020 | с 2020
          2016-07/.. | from July 2016 | с июля 2016
          /2020-05 | from an unknown date to May 2020 | с неизвестной даты по май 2020
          2020-05/ | from May 2020 to an unknown date | с мая 2020 по неизвестную дату
          """)
  void formatsForPeopleInEnglishAndRussian(String edtf, String english, String russian) {
    PartialDate date = PartialDate.parse(edtf);

    assertThat(date.format(Locale.ENGLISH)).isEqualTo(english);
    assertThat(date.format(Locale.UK)).isEqualTo(english);
    assertThat(date.format(RUSSIAN)).isEqualTo(russian);
    assertThat(date.format(new Locale("ru"))).isEqualTo(russian);
  }

  @Test
  void otherLanguagesGetEnglish() {
    assertThat(PartialDate.parse("2016-07").format(Locale.GERMAN)).isEqualTo("July 2016");
  }

  @Test
  void defaultLocaleChangesNothing() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
      PartialDate date = PartialDate.parse("2016-07-03~/..");

      assertThat(date.toEdtf()).isEqualTo("2016-07-03~/..");
      assertThat(date.sortKey()).matches("[0-9]{23}");
      assertThat(date.format(Locale.ENGLISH)).isEqualTo("from about 3 July 2016");
      assertThat(catchRefusal("2016-02-30")).hasMessageEndingWith("February 2016 has 29 days");
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void chronologyFollowsTheDocumentedRules() {
    List<String> chronology =
        List.of(
            "../2000", "/2000", "20XX", "200X", "2000", "2000-XX", "2000-XX-XX", "2000-01",
            "2000-01~", "2000-01?", "2000-01%", "2000-01/2000-02", "2000-01-XX", "2000-01-01",
            "2000-01-02", "2000-02", "2000-12", "2001/2001-02", "2001", "2001/2001",
            "2001/2001-12", "2001/2002", "2001/2002~", "2001~/2002", "2001?/2002", "2001/",
            "2001/..", "2002");
    List<PartialDate> shuffled = new ArrayList<>();
    chronology.forEach(edtf -> shuffled.add(PartialDate.parse(edtf)));
    Collections.shuffle(shuffled, new Random(7));

    Collections.sort(shuffled);

    assertThat(shuffled).map(PartialDate::toEdtf).containsExactlyElementsOf(chronology);
  }

  @Test
  void monthSortsBeforeItsDaysAndYearBeforeItsMonths() {
    assertThat(Stream.of("2016-07-02", "2016-07-01", "2016-07").map(PartialDate::parse).sorted())
        .map(PartialDate::toEdtf)
        .containsExactly("2016-07", "2016-07-01", "2016-07-02");
    assertThat(Stream.of("2016-01-01", "2016-01", "2016").map(PartialDate::parse).sorted())
        .map(PartialDate::toEdtf)
        .containsExactly("2016", "2016-01", "2016-01-01");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2016-07-03      | 20160703270201607037000
          2016-07         | 20160701250201607315000
          201X~           | 20100101210201912311010
          2023-12/2024-03 | 20231201250202403315100
          ../2020?        | 20200101000202012312102
          /2020           | 20200101100202012312100
          2020-05%/..     | 20200501252000000000130
          2020/           | 20200101221000000000100
          """)
  void sortKeyFollowsTheDocumentedLayout(String edtf, String sortKey) {
    assertThat(PartialDate.parse(edtf).sortKey()).isEqualTo(sortKey);
  }

  @Test
  void jacksonWritesAndReadsTheEdtfString() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, PartialDate> event = Map.of("date", PartialDate.parse("2019~/2020-05?"));

    String written = json.writeValueAsString(event);
    Map<String, PartialDate> read = json.readValue(written, new TypeReference<>() {});

    assertThat(written).isEqualTo("{\"date\":\"2019~/2020-05?\"}");
    assertThat(read).isEqualTo(event);
    assertThat(json.readValue("\"2016-07\"", PartialDate.class))
        .isEqualTo(PartialDate.parse("2016-07"));
  }

  @Test
  void jacksonRefusesAnInvalidDateWithTheReason() {
    ObjectMapper json = new ObjectMapper();

    assertThatThrownBy(() -> json.readValue("\"2016-13\"", PartialDate.class))
        .isInstanceOf(JsonMappingException.class)
        .cause()
        .isInstanceOf(InvalidPartialDate.class)
        .hasMessage("\"2016-13\" is not a date: month must be 01 to 12");
  }

  private static InvalidPartialDate catchRefusal(String text) {
    try {
      PartialDate.parse(text);
    } catch (InvalidPartialDate refusal) {
      return refusal;
    }
    throw new AssertionError(text + " was accepted");
  }
}
