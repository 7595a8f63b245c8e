package org.casebook.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.casepage.DemoLikeProceedings.change;
import static org.casebook.casepage.DemoLikeProceedings.proceeding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casebook.proceedings.Proceeding;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

class ProceedingsDrawingTest {
  private static final String SCRIPT_TITLE = "<script>alert(1)</script>";
  private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

  private static List<Proceeding> withHostileTitle() {
    List<Proceeding> proceedings = new ArrayList<>(DemoLikeProceedings.all());
    proceedings.add(
        proceeding(SCRIPT_TITLE, "criminal\" onload=\"alert(2)", change("2019-05", "opened")));
    return proceedings;
  }

  @Test
  void isWellFormedSvgWithOneLanePerProceeding() {
    List<Proceeding> proceedings = withHostileTitle();

    Document document = SvgDocuments.parse(ProceedingsDrawing.svg(proceedings, Locale.ENGLISH));

    Element root = document.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo(SVG_NAMESPACE);
    assertThat(SvgDocuments.withClass(document, "lane")).hasSize(proceedings.size());
  }

  @Test
  void isAnImageWithTitleDescriptionAndViewBox() {
    String svg = ProceedingsDrawing.svg(DemoLikeProceedings.all(), Locale.ENGLISH);
    Element root = SvgDocuments.parse(svg).getDocumentElement();

    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("viewBox")).startsWith("0 0 960 ");
    assertThat(root.getAttribute("aria-labelledby"))
        .isEqualTo(ProceedingsDrawing.TITLE_ID + " " + ProceedingsDrawing.DESCRIPTION_ID);
    Element title = (Element) root.getElementsByTagName("title").item(0);
    Element description = (Element) root.getElementsByTagName("desc").item(0);
    assertThat(title.getTextContent()).isEqualTo("Proceedings over time");
    assertThat(description.getTextContent())
        .startsWith("3 proceedings, 2017 to 2024.")
        .contains(
            DemoLikeProceedings.CASE_2017
                + ": filed 11 January 2017; opened 3 February 2017;"
                + " dismissed March 2017 to December 2018");
  }

  @Test
  void escapesTheTitleAndHasNoScriptHandlerOrExternalReference() {
    String svg = ProceedingsDrawing.svg(withHostileTitle(), Locale.ENGLISH);

    assertThat(svg).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(svg).doesNotContain("<script").doesNotContain(SCRIPT_TITLE);
    assertThat(svg.replace(SVG_NAMESPACE, "")).doesNotContain("http").doesNotContain("url(");
    Document document = SvgDocuments.parse(svg);
    assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
    for (Element element : SvgDocuments.elements(document)) {
      NamedNodeMap attributes = element.getAttributes();
      for (int index = 0; index < attributes.getLength(); index++) {
        Attr attribute = (Attr) attributes.item(index);
        assertThat(attribute.getLocalName()).doesNotStartWith("on").isNotEqualTo("href");
      }
      assertThat(element.getLocalName()).isNotIn("style", "image", "use", "foreignObject", "a");
    }
    List<String> laneTitles =
        SvgDocuments.withClass(document, "lane").stream()
            .map(lane -> lane.getElementsByTagName("title").item(0).getTextContent())
            .toList();
    assertThat(laneTitles).contains(SCRIPT_TITLE);
  }

  @Test
  void staysWellFormedWithCharactersXmlCannotHold() {
    Proceeding broken =
        proceeding(
            "Bell\u0007, NUL\u0000, lone \uD800 surrogate", "criminal", change("2020", "opened"));

    String svg = ProceedingsDrawing.svg(List.of(broken), Locale.ENGLISH);

    assertThat(SvgDocuments.withClass(SvgDocuments.parse(svg), "lane")).hasSize(1);
    assertThat(svg).contains("Bell\uFFFD, NUL\uFFFD, lone \uFFFD surrogate");
  }

  @Test
  void leavesOutNotes() {
    String svg = ProceedingsDrawing.svg(DemoLikeProceedings.all(), Locale.ENGLISH);

    assertThat(svg).doesNotContain("never");
  }

  @Test
  void marksApproximateDatesWithDashes() {
    Document document =
        SvgDocuments.parse(ProceedingsDrawing.svg(DemoLikeProceedings.all(), Locale.ENGLISH));

    List<Element> approximate = SvgDocuments.withClass(document, "approximate");
    assertThat(approximate).hasSize(1);
    Element deadline = approximate.get(0);
    assertThat(deadline.getAttribute("class")).contains("deadline");
    assertThat(deadline.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Decision due: about 2024");
    Element span = (Element) deadline.getElementsByTagName("rect").item(0);
    assertThat(span.getAttribute("stroke-dasharray")).isNotEmpty();
  }

  @Test
  void drawsAnExactDayAsAPointAndARangeAsASpan() {
    Document document =
        SvgDocuments.parse(
            ProceedingsDrawing.svg(
                List.of(DemoLikeProceedings.falseInformation2017()), Locale.ENGLISH));

    List<Element> marks = SvgDocuments.withClass(document, "mark");
    assertThat(marks).hasSize(3);
    assertThat(marks.get(0).getElementsByTagName("rect").getLength()).isZero();
    assertThat(marks.get(1).getElementsByTagName("rect").getLength()).isZero();
    Element dismissal = (Element) marks.get(2).getElementsByTagName("rect").item(0);
    assertThat(Double.parseDouble(dismissal.getAttribute("width"))).isGreaterThan(100);
    assertThat(marks.get(2).getAttribute("class")).isEqualTo("mark ended");
  }

  @Test
  void drawsAMonthAsAShortSpanWhenTheAxisLeavesRoomForIt() {
    Proceeding oneYear =
        proceeding("One year", "civil", change("2021-03", "filed"), change("2021-11-02", "closed"));

    Document document =
        SvgDocuments.parse(ProceedingsDrawing.svg(List.of(oneYear), Locale.ENGLISH));

    List<Element> marks = SvgDocuments.withClass(document, "mark");
    Element march = (Element) marks.get(0).getElementsByTagName("rect").item(0);
    assertThat(Double.parseDouble(march.getAttribute("width"))).isBetween(40.0, 70.0);
    assertThat(marks.get(1).getElementsByTagName("rect").getLength()).isZero();
  }

  @Test
  void drawsALaneForAProceedingWithoutHistoryAndOpenEndedDates() {
    List<Proceeding> proceedings =
        List.of(
            proceeding("Nothing known yet", "civil"),
            proceeding(
                "Before and after",
                "criminal",
                change("../2018", "opened"),
                change("2020/", "suspended")));

    String svg = ProceedingsDrawing.svg(proceedings, Locale.ENGLISH);
    Document document = SvgDocuments.parse(svg);

    assertThat(SvgDocuments.withClass(document, "lane")).hasSize(2);
    assertThat(svg).contains("No dated status recorded");
    assertThat(SvgDocuments.withClass(document, "mark")).hasSize(2);
    assertThat(document.getDocumentElement().getElementsByTagName("desc").item(0).getTextContent())
        .startsWith("2 proceedings, 2018 to 2020.");
  }

  @Test
  void drawsProceedingsWithoutAnyDateAndNoProceedingsAtAll() {
    Document undated =
        SvgDocuments.parse(
            ProceedingsDrawing.svg(
                List.of(proceeding("Rumoured case", "criminal")), Locale.ENGLISH));
    Document empty = SvgDocuments.parse(ProceedingsDrawing.svg(List.of(), Locale.ENGLISH));

    assertThat(SvgDocuments.withClass(undated, "lane")).hasSize(1);
    assertThat(SvgDocuments.withClass(undated, "axis")).isEmpty();
    assertThat(empty.getDocumentElement().getTextContent()).contains("No proceedings recorded.");
  }

  @Test
  void speaksRussianWithTheGivenStatusLabels() {
    String svg =
        ProceedingsDrawing.svg(
            List.of(DemoLikeProceedings.falseInformation2017()),
            Locale.forLanguageTag("ru-RU"),
            code -> code.equals("dismissed") ? "Прекращено (словарь)" : null);

    assertThat(svg)
        .contains("<title id=\"proceedings-drawing-title\">Ход производств</title>")
        .contains("Прекращено (словарь): с марта 2017 по декабрь 2018")
        .contains("opened: 3 февраля 2017")
        .contains("Подано, возбуждено, возобновлено");
  }

  @Test
  void showsInTheLegendOnlyWhatTheDrawingHolds() {
    Document document =
        SvgDocuments.parse(
            ProceedingsDrawing.svg(List.of(DemoLikeProceedings.fraud2023()), Locale.ENGLISH));

    String legend = SvgDocuments.withClass(document, "legend").get(0).getTextContent();
    assertThat(legend)
        .contains("Filed, opened, resumed", "Wanted list, extradition request", "Pending")
        .doesNotContain("Convicted", "Approximate", "On hold");
  }
}
