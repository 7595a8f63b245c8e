package org.casebook.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.casepage.DemoLikeProceedings.proceeding;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProceedingsTextTest {
  @Test
  void writesOneLinePerProceedingInEnglish() {
    List<String> lines =
        ProceedingsText.lines(
            DemoLikeProceedings.all(), Locale.UK, StatusLabels.forLocale(Locale.UK));

    assertThat(lines)
        .containsExactly(
            DemoLikeProceedings.CASE_2017
                + ": filed 11 January 2017; opened 3 February 2017;"
                + " dismissed March 2017 to December 2018",
            DemoLikeProceedings.FRAUD_CASE
                + ": opened 16 October 2023; suspect named 27 December 2023;"
                + " wanted-listed 27 December 2023",
            "Asylum application in Montenegro: filed October 2023 to March 2024;"
                + " decision due about 2024");
  }

  @Test
  void writesRussianWithRussianDatesAndLabels() {
    Locale russian = Locale.forLanguageTag("ru");

    List<String> lines =
        ProceedingsText.lines(List.of(DemoLikeProceedings.falseInformation2017()), russian);

    assertThat(lines)
        .containsExactly(
            DemoLikeProceedings.CASE_2017
                + ": подано 11 января 2017; возбуждено 3 февраля 2017;"
                + " прекращено с марта 2017 по декабрь 2018");
  }

  @Test
  void fallsBackToTheCodeAndSaysWhenThereIsNoHistory() {
    List<String> lines =
        ProceedingsText.lines(
            List.of(
                proceeding("Unlabelled", "civil", DemoLikeProceedings.change("2021", "mediated")),
                proceeding("Empty", "civil")),
            Locale.ENGLISH,
            code -> code.equals("mediated") ? " " : "UN review");

    assertThat(lines)
        .containsExactly("Unlabelled: mediated 2021", "Empty: no dated status recorded");
  }

  @Test
  void keepsAcronymsAtTheStartOfALabel() {
    List<String> lines =
        ProceedingsText.lines(
            List.of(proceeding("Review", "other", DemoLikeProceedings.change("2021-05", "un"))),
            Locale.ENGLISH,
            code -> "UN review");

    assertThat(lines).containsExactly("Review: UN review May 2021");
  }
}
