package org.casebook.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.common.Confidentiality;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationType;
import org.casebook.communications.Mandate;
import org.casebook.communications.Reply;
import org.casebook.communications.TranslationStatus;
import org.casebook.pages.Messages;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The letter as XHTML and as PDF, read back with PDFBox: the reference and the page numbers on
 * every page, Cyrillic kept, hostile text escaped in every field without breaking the XHTML.
 */
class LetterRendererTest {
  static final LetterRenderer RENDERER = new LetterRenderer();
  static final Map<String, Mandate> MANDATES =
      Map.of(
          "sr-human-rights-defenders",
          new Mandate("sr-human-rights-defenders", "Special Rapporteur on the situation of human rights defenders",
              "Специальный докладчик по вопросу о положении правозащитников", true),
          "sr-assembly-association",
          new Mandate("sr-assembly-association",
              "Special Rapporteur on the rights to freedom of peaceful assembly and of association",
              "Специальный докладчик по вопросу о праве на свободу мирных собраний и праве на свободу ассоциации", true));
  static final String HOSTILE = "<script>alert(1)</script> & ]]> \"quoted\" 'single' \u0001";

  static LetterComposer composer(Locale locale) {
    Messages messages = Messages.of(locale);
    return new LetterComposer(messages::format, locale, 60);
  }

  @Test
  void aLongLetterHasItsReferenceAndPageNumbersOnEveryPageAndKeepsCyrillic() throws IOException {
    String paragraph = "Ms. Dinara Smailova (Динара Смаилова) founded the NeMolchi.KZ foundation. ".repeat(12);
    Communication letter = sent(
        "AL KAZ 1/2024", "criminal charges against Ms. Смаилова",
        String.join("\n\n", java.util.Collections.nCopies(14, paragraph)), "Our concerns about Смаилова.",
        List.of("Please provide any additional information.", "Please explain the legal basis of the charges."));

    byte[] pdf = RENDERER.pdf(composer(Locale.ENGLISH).communication(letter, MANDATES, LetterRenderer.STYLE_SHEET));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(2);
      for (int number = 1; number <= pages; number++) {
        String text = pageText(document, number);
        assertThat(text).as("page " + number).contains("AL KAZ 1/2024", "Page " + number + " of " + pages);
      }
      String all = text(document);
      assertThat(all)
          .contains("Mandates of the Special Rapporteur on the situation of human rights defenders; the Special Rapporteur")
          .contains("REFERENCE: AL KAZ 1/2024", "18 March 2024", "Excellency,", "Permanent Representative of Kazakhstan")
          .contains("Динара Смаилова", "Смаилова", "According to the information received:")
          .contains("1. Please provide any additional information.", "2. Please explain the legal basis")
          .contains("within 60 days", "Please accept, Excellency, the assurances of our highest consideration.")
          .doesNotContain("DRAFT", "Internal notes");
    }
  }

  @Test
  void aDraftIsMarkedOnEveryPage() throws IOException {
    Communication draft = sent(null, "a draft", "Text. ".repeat(900), null, List.of());
    LetterView view = composer(Locale.ENGLISH).communication(draft, MANDATES, LetterRenderer.STYLE_SHEET);
    try (PDDocument document = Loader.loadPDF(RENDERER.pdf(view))) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      for (int number = 1; number <= document.getNumberOfPages(); number++) {
        assertThat(pageText(document, number)).as("page " + number).contains("DRAFT", "Draft communication");
      }
    }
  }

  @Test
  void hostileTextInEveryFieldIsEscapedAndTheXhtmlStaysWellFormed() throws Exception {
    Communication hostile =
        new Communication(
            UUID.randomUUID(), 1, Confidentiality.PUBLIC, null, CommunicationType.OL, true, "OL KAZ 2/2024 " + HOSTILE, null,
            LocalDate.of(2024, 3, 18), LocalDate.of(2024, 5, 17), List.of("KAZ", HOSTILE), List.of(HOSTILE),
            List.of("sr-human-rights-defenders", HOSTILE), List.of(), List.of(), HOSTILE, HOSTILE, HOSTILE + "\n\n" + HOSTILE,
            HOSTILE, List.of(HOSTILE, HOSTILE), List.of(HOSTILE), List.of(), null, List.of(), List.of(), List.of(), "NOTES-CANARY");
    Reply reply =
        new Reply(
            UUID.randomUUID(), 1, Confidentiality.PUBLIC, null, hostile.id(), LocalDate.of(2024, 5, 27), HOSTILE, HOSTILE, HOSTILE,
            List.of(), TranslationStatus.PUBLISHED, HOSTILE, "NOTES-CANARY");
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
      for (LetterView view :
          List.of(
              composer(locale).communication(hostile, MANDATES, "/assets/letter.css"),
              composer(locale).reply(reply, hostile, List.of(HOSTILE), "/assets/letter.css"))) {
        String html = RENDERER.html(view);
        assertThat(html)
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;")
            .doesNotContain("<script>", "]]>", "\u0001", "NOTES-CANARY")
            .doesNotContainPattern("letter\\.(?!css)");
        Document parsed = wellFormed(html);
        assertThat(parsed.getDocumentElement().getTextContent()).contains("<script>alert(1)</script> & ]]> \"quoted\"");
        try (PDDocument document = Loader.loadPDF(RENDERER.pdf(view))) {
          String text = text(document);
          assertThat(text).contains("<script>alert(1)</script>").doesNotContain("NOTES-CANARY");
        }
      }
    }
  }

  @Test
  void theRussianLetterIsInRussian() throws IOException {
    Communication letter = sent("AL KAZ 1/2024", "уголовное преследование", "Текст письма.", null, List.of("Вопрос?"));
    LetterView view = composer(Locale.forLanguageTag("ru")).communication(letter, MANDATES, LetterRenderer.STYLE_SHEET);
    try (PDDocument document = Loader.loadPDF(RENDERER.pdf(view))) {
      assertThat(text(document))
          .contains("Страница 1 из 1", "ССЫЛКА: AL KAZ 1/2024", "18 марта 2024", "Казахстан", "Ваше Превосходительство,",
              "Специальный докладчик по вопросу о положении правозащитников");
    }
  }

  @Test
  void theDemoLetterRendersAndItsTimeIsPrinted() throws IOException {
    Communication letter = sent(
        "AL KAZ 1/2024", "the criminal charges against woman human rights defender Ms. Dinara Smailova",
        demoText(), "We express our serious concern over the attempts to criminalise Ms. Smailova.",
        List.of("Any additional information and comments on the allegations above.",
            "The factual and legal basis of the criminal proceedings against Ms. Smailova.",
            "The measures taken to ensure that Ms. Smailova can carry out her work without interference."));
    LetterView view = composer(Locale.ENGLISH).communication(letter, MANDATES, LetterRenderer.STYLE_SHEET);
    RENDERER.pdf(view);
    int runs = 5;
    long started = System.nanoTime();
    byte[] pdf = null;
    for (int run = 0; run < runs; run++) {
      pdf = RENDERER.pdf(view);
    }
    long millis = (System.nanoTime() - started) / 1_000_000 / runs;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      System.out.printf(
          Locale.ROOT, "demo letter to PDF: %d ms a letter (mean of %d after one warm-up), %d pages, %d bytes%n",
          millis, runs, document.getNumberOfPages(), pdf.length);
    }
  }

  static String demoText() {
    try (var in = LetterRendererTest.class.getResourceAsStream("/demo/sources/un-communication-AL-KAZ-1-2024.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Communication sent(String reference, String subject, String text, String concerns, List<String> questions) {
    return new Communication(
        UUID.randomUUID(), 1, Confidentiality.PUBLIC, null, CommunicationType.AL, true, reference, null,
        reference == null ? null : LocalDate.of(2024, 3, 18), reference == null ? null : LocalDate.of(2024, 5, 17),
        List.of("KAZ"), List.of(), List.of("sr-human-rights-defenders", "sr-assembly-association"), List.of(), List.of(),
        subject, "A summary.", text, concerns, questions, List.of(), List.of(), null, List.of(), List.of(), List.of(), "Internal notes");
  }

  static String pageText(PDDocument document, int page) throws IOException {
    PDFTextStripper stripper = stripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }

  /** The text of the whole document, each run of white space made one space. */
  static String text(PDDocument document) throws IOException {
    return stripper().getText(document).replaceAll("\\s+", " ");
  }

  /** Reads text in the order it stands on the page, as a reader would. */
  static PDFTextStripper stripper() throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper;
  }

  static Document wellFormed(String xhtml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
  }
}
