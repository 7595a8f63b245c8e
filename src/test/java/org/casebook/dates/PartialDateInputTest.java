package org.casebook.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateInputTest {

  private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2016-07 | 2016-07
          2023-12/2024-03 | 2023-12/2024-03
          2019~ | 2019~
          2019? | 2019?
          201X | 201X
          201x | 201X
          ../2020 | ../2020
          ' 2016 ' | 2016
          July 2016 | 2016-07
          Jul 2016 | 2016-07
          Jul. 2016 | 2016-07
          july 2016 | 2016-07
          JULY 2016 | 2016-07
          in July 2016 | 2016-07
          Sept 2016 | 2016-09
          3 February 2017 | 2017-02-03
          February 3, 2017 | 2017-02-03
          February 3rd, 2017 | 2017-02-03
          the 3rd of February 2017 | 2017-02-03
          3 Feb 2017 | 2017-02-03
          03.02.2017 | 2017-02-03
          3.2.2017 | 2017-02-03
          07.2016 | 2016-07
          2016 | 2016
          about 2019 | 2019~
          around 2019 | 2019~
          circa 2019 | 2019~
          c. 2019 | 2019~
          ca. 2019 | 2019~
          ~2019 | 2019~
          about July 2016 | 2016-07~
          May 2020? | 2020-05?
          May 2020 (uncertain) | 2020-05?
          maybe May 2020 | 2020-05?
          about May 2020 (uncertain) | 2020-05%
          about 2019? | 2019%
          December 2023 to March 2024 | 2023-12/2024-03
          Dec 2023 – Mar 2024 | 2023-12/2024-03
          Dec 2023 — Mar 2024 | 2023-12/2024-03
          Dec 2023 - Mar 2024 | 2023-12/2024-03
          Dec 2023-Mar 2024 | 2023-12/2024-03
          Dec 2023 until Mar 2024 | 2023-12/2024-03
          from December 2023 to March 2024 | 2023-12/2024-03
          between December 2023 and March 2024 | 2023-12/2024-03
          2016-2017 | 2016/2017
          2016 – 2017 | 2016/2017
          2016-07 to 2016-09 | 2016-07/2016-09
          February to March 2024 | 2024-02/2024-03
          3–5 February 2017 | 2017-02-03/2017-02-05
          3 February to 5 March 2017 | 2017-02-03/2017-03-05
          3 February 2017 to 5 March 2017 | 2017-02-03/2017-03-05
          about 2019 to May 2020 (uncertain) | 2019~/2020-05?
          from 2020 | 2020/..
          since 2020 | 2020/..
          from July 2016 to present | 2016-07/..
          before 2020 | ../2020
          until 2020 | ../2020
          up to 2020 | ../2020
          before about July 2016 | ../2016-07~
          from an unknown date to May 2020 | /2020-05
          from May 2020 to an unknown date | 2020-05/
          the 2010s | 201X
          2010s | 201X
          1990's | 199X
          about 2010s | 201X~
          2010s to 2020s | 201X/202X
          summer 2019 | 2019-06/2019-08
          Spring 2019 | 2019-03/2019-05
          autumn 2019 | 2019-09/2019-11
          fall 2019 | 2019-09/2019-11
          winter 2019/2020 | 2019-12/2020-02
          winter 2019–2020 | 2019-12/2020-02
          """)
  void readsEnglishInEitherLocale(String text, String edtf) {
    assertThat(PartialDateInput.parse(text, Locale.ENGLISH)).isEqualTo(PartialDate.parse(edtf));
    assertThat(PartialDateInput.parse(text, RUSSIAN)).isEqualTo(PartialDate.parse(edtf));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          июль 2016 | 2016-07
          июля 2016 | 2016-07
          Июль 2016 | 2016-07
          в июле 2016 года | 2016-07
          июл. 2016 | 2016-07
          3 февраля 2017 | 2017-02-03
          3 февраля 2017 г. | 2017-02-03
          3 февраля 2017 года | 2017-02-03
          3 фев. 2017 | 2017-02-03
          03.02.2017 г. | 2017-02-03
          2016 г. | 2016
          2016 г | 2016
          2016 год | 2016
          в 2016 году | 2016
          около 2019 | 2019~
          примерно 2019 | 2019~
          ок. 2019 | 2019~
          около июля 2016 | 2016-07~
          май 2020 (не точно) | 2020-05?
          возможно май 2020 | 2020-05?
          около мая 2020 (не точно) | 2020-05%
          декабрь 2023 — март 2024 | 2023-12/2024-03
          декабрь 2023 – март 2024 | 2023-12/2024-03
          с декабря 2023 по март 2024 | 2023-12/2024-03
          с декабря 2023 до марта 2024 | 2023-12/2024-03
          от 2016 до 2017 | 2016/2017
          между 2016 и 2017 | 2016/2017
          2016–2017 гг. | 2016/2017
          2016-2017гг. | 2016/2017
          2016г. | 2016
          с февраля по март 2024 | 2024-02/2024-03
          с 3 по 5 февраля 2017 г. | 2017-02-03/2017-02-05
          с 3 февраля 2017 по 5 марта 2017 | 2017-02-03/2017-03-05
          примерно с 2019 по май 2020 (не точно) | 2019~/2020-05?
          с 2019 примерно по май 2020 | 2019/2020-05~
          до 2020 | ../2020
          до 2020 г. | ../2020
          примерно до июля 2016 | ../2016-07~
          с 2020 | 2020/..
          с 2020 года | 2020/..
          начиная с 2020 | 2020/..
          с июля 2016 по настоящее время | 2016-07/..
          с неизвестной даты по май 2020 | /2020-05
          с мая 2020 по неизвестную дату | 2020-05/
          2010-е | 201X
          2010-е годы | 201X
          2010-х годов | 201X
          около 2010-х | 201X~
          с 2010-х по 2020-е | 201X/202X
          лето 2019 | 2019-06/2019-08
          летом 2019 года | 2019-06/2019-08
          весна 2019 | 2019-03/2019-05
          осенью 2019 | 2019-09/2019-11
          зима 2019/2020 | 2019-12/2020-02
          зима 2019-2020 | 2019-12/2020-02
          """)
  void readsRussianInEitherLocale(String text, String edtf) {
    assertThat(PartialDateInput.parse(text, RUSSIAN)).isEqualTo(PartialDate.parse(edtf));
    assertThat(PartialDateInput.parse(text, Locale.ENGLISH)).isEqualTo(PartialDate.parse(edtf));
  }

  @Test
  void readsTextInDecomposedUnicode() {
    String decomposed = "ма\u0438\u0306 2020";

    assertThat(PartialDateInput.parse(decomposed, RUSSIAN)).isEqualTo(PartialDate.parse("2020-05"));
  }

  @Test
  void readsAnyWhitespace() {
    assertThat(PartialDateInput.parse("3\u00a0February\t2017\n", Locale.ENGLISH))
        .isEqualTo(PartialDate.parse("2017-02-03"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          early 2019 | "January 2019 to April 2019" (2019-01/2019-04) | «с января 2019 по апрель 2019» (2019-01/2019-04)
          mid-2019 | "May 2019 to August 2019" (2019-05/2019-08) | «с мая 2019 по август 2019» (2019-05/2019-08)
          late 2019 | "September 2019 to December 2019" (2019-09/2019-12) | «с сентября 2019 по декабрь 2019» (2019-09/2019-12)
          the end of 2019 | "September 2019 to December 2019" (2019-09/2019-12) | «с сентября 2019 по декабрь 2019» (2019-09/2019-12)
          начало 2019 | "January 2019 to April 2019" (2019-01/2019-04) | «с января 2019 по апрель 2019» (2019-01/2019-04)
          в конце 2019 года | "September 2019 to December 2019" (2019-09/2019-12) | «с сентября 2019 по декабрь 2019» (2019-09/2019-12)
          early July 2016 | "1 July 2016 to 10 July 2016" (2016-07-01/2016-07-10) | «с 1 июля 2016 по 10 июля 2016» (2016-07-01/2016-07-10)
          late February 2016 | "21 February 2016 to 29 February 2016" (2016-02-21/2016-02-29) | «с 21 февраля 2016 по 29 февраля 2016» (2016-02-21/2016-02-29)
          конец 2010-х | "2017 to 2019" (2017/2019) | «с 2017 по 2019» (2017/2019)
          """)
  void refusesPartsOfAPeriodSuggestingARange(String text, String english, String russian) {
    assertThat(refusal(text, Locale.ENGLISH))
        .hasMessageStartingWith("\"" + text + "\" is too vague to record as written")
        .hasMessageContaining("for example " + english);
    assertThat(refusal(text, RUSSIAN))
        .hasMessageStartingWith("«" + text + "» слишком неопределённо")
        .hasMessageContaining("например " + russian);
  }

  @Test
  void refusingAPartAlsoSuggestsTheWholePeriod() {
    assertThat(refusal("early 2019", Locale.ENGLISH))
        .hasMessageEndingWith("the whole of it, \"2019\"");
    assertThat(refusal("начало 2019", RUSSIAN)).hasMessageEndingWith("целиком: «2019»");
  }

  @Test
  void refusesSlashedDatesAsAmbiguousShowingBothReadings() {
    assertThat(refusal("3/2/2017", Locale.ENGLISH))
        .hasMessage(
            "\"3/2/2017\" is read differently in different countries, day or month first;"
                + " write the month in words, for example \"3 February 2017\" or \"2 March 2017\","
                + " or 2017-02-03");
    assertThat(refusal("3/2/2017", RUSSIAN))
        .hasMessage(
            "«3/2/2017» в разных странах читают по-разному: день или месяц первым;"
                + " напишите месяц словом, например «3 февраля 2017» или «2 марта 2017»,"
                + " или 2017-02-03");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13/2/2017", "02/03/17", "on 12/31/2019"})
  void refusesEverySlashedDate(String text) {
    assertThat(refusal(text, Locale.ENGLISH)).hasMessageContaining("day or month first");
    assertThat(refusal(text, RUSSIAN)).hasMessageContaining("день или месяц первым");
  }

  @Test
  void refusesWinterOfASingleYear() {
    assertThat(refusal("winter 2019", Locale.ENGLISH))
        .hasMessage(
            "\"winter 2019\" could be \"December 2018 to February 2019\" or \"December 2019 to"
                + " February 2020\"; write both years, as in \"winter 2019/2020\", or the months");
    assertThat(refusal("зима 2019", RUSSIAN))
        .hasMessage(
            "«зима 2019» может означать «с декабря 2018 по февраль 2019» или «с декабря 2019 по"
                + " февраль 2020»; укажите оба года, например «зима 2019/2020», или месяцы");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          30 February 2017 | February 2017 has 28 days | в феврале 2017 года 28 дней
          29.02.2016 to 31.04.2016 | April 2016 has 30 days | в апреле 2016 года 30 дней
          32 July 2016 | July 2016 has 31 days | в июле 2016 года 31 день
          2016-02-30 | February 2016 has 29 days | в феврале 2016 года 29 дней
          03.13.2017 | there is no month 13; months are 1 to 12 | месяца 13 нет
          2015s | is not a decade | не десятилетие
          March 2024 to December 2023 | the start (March 2024) is after the end (December 2023) | начало (март 2024) позже конца (декабрь 2023)
          с 2021 по 2020 | the start (2021) is after the end (2020) | начало (2021) позже конца (2020)
          December to March 2024 | the start (December 2024) is after the end (March 2024) | начало (декабрь 2024) позже конца (март 2024)
          """)
  void refusesDatesThatDoNotExist(String text, String english, String russian) {
    assertThat(refusal(text, Locale.ENGLISH)).hasMessageContaining(english);
    assertThat(refusal(text, RUSSIAN)).hasMessageContaining(russian);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "3 Feb 17",
        "July",
        "3 February",
        "after 2020",
        "2016 2017",
        "from an unknown date to an unknown date",
        "spring",
        "about",
        "before",
        "July 2016 to",
        "summer 2019/2020",
        "winter 2019/2021",
        "3 февраля 2017 to March 2018"
      })
  void refusesWhatItDoesNotUnderstandWithExamples(String text) {
    assertThat(refusal(text, Locale.ENGLISH))
        .hasMessage(
            "Could not read \""
                + text
                + "\" as a date; write, for example, \"July 2016\", \"3 February 2017\" or"
                + " \"December 2023 to March 2024\"");
    assertThat(refusal(text, RUSSIAN))
        .hasMessage(
            "Не удалось прочитать «"
                + text
                + "» как дату; напишите, например, «июль 2016», «3 февраля 2017» или"
                + " «с декабря 2023 по март 2024»");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001-21", "2016-13", "216", "2017/2016", "2016-07-03//", "3/2017"})
  void refusesInvalidEdtfWithPartialDatesReasonInEnglish(String text) {
    assertThat(refusal(text, Locale.ENGLISH)).hasMessage(edtfRefusal(text).getMessage());
    assertThat(refusal(text, RUSSIAN))
        .hasMessageStartingWith("Не удалось прочитать «" + text + "» как дату в формате EDTF")
        .hasMessageEndingWith(
            "напишите, например, 2016-07, 2016-07-03, 2023-12/2024-03 или словами:"
                + " «июль 2016», «3 февраля 2017»");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\u00a0"})
  void refusesMissingText(String text) {
    assertThat(refusal(text, Locale.ENGLISH))
        .hasMessageStartingWith("No date given; write, for example, \"July 2016\"");
    assertThat(refusal(text, RUSSIAN))
        .hasMessageStartingWith("Дата не указана; напишите, например, «июль 2016»");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void optionalInputIsEmptyWhenMissing(String text) {
    assertThat(PartialDateInput.parseOptional(text, Locale.ENGLISH)).isEmpty();
  }

  @Test
  void optionalInputIsReadWhenGiven() {
    assertThat(PartialDateInput.parseOptional("около 2019", Locale.ENGLISH))
        .contains(PartialDate.parse("2019~"));
    assertThatThrownBy(() -> PartialDateInput.parseOptional("early 2019", Locale.ENGLISH))
        .isInstanceOf(InvalidPartialDate.class);
  }

  @Test
  void refusalKeepsTheTextAsGivenAndShortensItInTheMessage() {
    String text = "  sometime in the second half of the twenty-tens, probably  ";

    InvalidPartialDate refusal = refusal(text, Locale.ENGLISH);

    assertThat(refusal.text()).isEqualTo(text);
    assertThat(refusal)
        .hasMessageStartingWith("Could not read \"sometime in the second half of the twent…\"");
  }

  @Test
  void otherLanguagesGetEnglishRefusals() {
    assertThat(refusal("yesterday", Locale.GERMAN)).hasMessageStartingWith("Could not read");
  }

  @Test
  void defaultLocaleChangesNothing() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(PartialDateInput.parse("JULY 2016", Locale.ENGLISH))
          .isEqualTo(PartialDate.parse("2016-07"));
      assertThat(PartialDateInput.parse("CIRCA 2019", RUSSIAN))
          .isEqualTo(PartialDate.parse("2019~"));
      assertThat(refusal("early 2019", Locale.ENGLISH)).hasMessageContaining("January 2019");
    } finally {
      Locale.setDefault(original);
    }
  }

  private static InvalidPartialDate refusal(String text, Locale locale) {
    try {
      PartialDateInput.parse(text, locale);
    } catch (InvalidPartialDate refusal) {
      return refusal;
    }
    throw new AssertionError(text + " was accepted");
  }

  private static InvalidPartialDate edtfRefusal(String text) {
    try {
      PartialDate.parse(text);
    } catch (InvalidPartialDate refusal) {
      return refusal;
    }
    throw new AssertionError(text + " was accepted");
  }
}
