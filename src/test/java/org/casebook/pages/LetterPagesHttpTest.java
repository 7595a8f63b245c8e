package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.SettableClock;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The letters over real HTTP, on the demo's seed round: the team reads a communication and its
 * reply as a letter in HTML and in PDF; others get what the communication pages give them; a
 * draft is marked; the public letter and reply appear from the public date on, as the register
 * shows them, and are not found before, exactly like unknown ones. No letter carries the team's
 * notes.
 */
class LetterPagesHttpTest {
  /** Words of the seed's notes (the letter's, its history's and its reply's), which no letter may show. */
  static final List<String> NOTES =
      List.of("The full text of the letter is not stored", "remained confidential for 60 days",
          "The stored document is the English text", "transmitting the letter of the Acting Minister of Foreign Affairs of 24 May");

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theTeamReadsTheSeedLetterAndItsReplyAsHtmlAndPdf(TestStore store) throws IOException {
    SettableClock clock = SettableClock.at("2025-02-03T10:00:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = CommunicationPagesHttpTest.member(casebook, http, "editor", Role.EDITOR, caseId, true);
      Http viewer = CommunicationPagesHttpTest.member(casebook, http, "viewer", Role.VIEWER, caseId, false);
      Http outsider = http.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR));
      UUID letter = CommunicationPagesHttpTest.round(casebook, caseId).get("AL KAZ 1/2024");
      UUID reply = UUID.fromString(editor.get("/api/v1/replies?communication=" + letter).json().at("/items/0/id").asText());

      assertThat(editor.get("/communications/" + letter).body())
          .contains("href=\"/communications/" + letter + "/letter.pdf\"", "Letter (PDF)", "/replies/" + reply + "/letter");

      for (Http reader : List.of(editor, viewer)) {
        Http.Response html = reader.get("/communications/" + letter + "/letter");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body())
            .startsWith("<!DOCTYPE html>")
            .contains("REFERENCE: AL KAZ 1/2024", "18 March 2024", "Excellency,",
                "Mandates of the Special Rapporteur on the situation of human rights defenders; the Special Rapporteur",
                "information we have received concerning the criminal charges against woman human rights defender",
                "Permanent Representative of Kazakhstan", "<ol class=\"letter-questions\">", "/assets/letter-")
            .doesNotContain(NOTES.toArray(String[]::new));
        assertThat(html.raw().headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<byte[]> pdf = reader.getBytes("/communications/" + letter + "/letter.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename=\"AL-KAZ-1-2024.pdf\"");
        String text = text(pdf.body());
        assertThat(text)
            .contains("AL KAZ 1/2024", "Page 1 of ", "REFERENCE: AL KAZ 1/2024", "Please accept, Excellency")
            .doesNotContain("DRAFT")
            .doesNotContain(NOTES.toArray(String[]::new));
      }

      Http.Response replyPage = editor.get("/replies/" + reply + "/letter");
      assertThat(replyPage.status()).isEqualTo(200);
      assertThat(replyPage.body())
          .contains("Reply to the communication AL KAZ 1/2024", "30-44/127", "27 May 2024", "Permanent Mission of the Republic of Kazakhstan")
          .doesNotContain(NOTES.toArray(String[]::new));
      HttpResponse<byte[]> replyPdf = viewer.getBytes("/replies/" + reply + "/letter.pdf");
      assertThat(replyPdf.statusCode()).isEqualTo(200);
      assertThat(replyPdf.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("filename=\"AL-KAZ-1-2024-reply-2024-05-27.pdf\"");
      assertThat(text(replyPdf.body())).contains("AL KAZ 1/2024: reply 30-44/127", "Page 1 of ");

      for (String path :
          List.of("/communications/" + letter + "/letter", "/communications/" + letter + "/letter.pdf",
              "/replies/" + reply + "/letter", "/replies/" + reply + "/letter.pdf")) {
        assertThat(outsider.get(path).status()).as("outsider on " + path).isEqualTo(404);
        assertThat(http.get(path).status()).as("anonymous on " + path).isEqualTo(401);
        assertThat(editor.get(path.replace(letter.toString(), UUID.randomUUID().toString())
            .replace(reply.toString(), UUID.randomUUID().toString())).status()).isEqualTo(404);
      }
      assertThat(editor.get("/communications/not-an-id/letter.pdf").status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDraftIsMarkedItsHostileTextEscapedAndItsNotesLeftOut(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = CommunicationPagesHttpTest.member(casebook, http, "editor", Role.EDITOR, caseId, true);
      Http viewer = CommunicationPagesHttpTest.member(casebook, http, "viewer", Role.VIEWER, caseId, false);
      UUID draft = CommunicationPagesHttpTest.hostileDraft(editor, caseId);

      for (Http reader : List.of(editor, viewer)) {
        Http.Response html = reader.get("/communications/" + draft + "/letter");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body())
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt; question", "DRAFT",
                "REFERENCE: none yet (not sent)")
            .doesNotContain("<script>alert(1)</script>", "NOTE-CANARY");
        HttpResponse<byte[]> pdf = reader.getBytes("/communications/" + draft + "/letter.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename=\"draft-" + draft + ".pdf\"");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
          for (int page = 1; page <= document.getNumberOfPages(); page++) {
            assertThat(pageText(document, page)).as("page " + page).contains("DRAFT", "Page " + page + " of ");
          }
          assertThat(text(pdf.body())).contains("<script>alert(1)</script> Robert'); DROP TABLE").doesNotContain("NOTE-CANARY");
        }
      }
      assertThat(http.get("/public/communications/" + draft + "/letter.pdf").status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void thePublicLetterAndReplyAppearFromThePublicDateOnAsTheRegisterShowsThem(TestStore store) throws IOException {
    SettableClock clock = SettableClock.at("2025-02-03T10:00:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      // The seed's letter was sent on 18 March 2024 and is public from 17 May 2024.
      clock.set("2024-05-16T23:59:59Z");
      Http anonymous = new Http(server.port()).with("Accept-Language", "en");
      Map<String, UUID> round = CommunicationPagesHttpTest.round(casebook, caseId);
      UUID letter = round.get("AL KAZ 1/2024");
      UUID followUp = round.get("AL MNE 2/2024");
      UUID reply =
          casebook.records().replies().forCommunication(TestCasebook.TESTER, letter).get(0).id();
      UUID followUpReply =
          casebook.records().replies().forCommunication(TestCasebook.TESTER, followUp).get(0).id();
      String letterPdf = "/public/communications/" + letter + "/letter.pdf";
      String replyPath = "/public/communications/" + letter + "/replies/" + reply + "/letter";

      HttpResponse<byte[]> unknown = anonymous.getBytes("/public/communications/" + UUID.randomUUID() + "/letter.pdf");
      HttpResponse<byte[]> early = anonymous.getBytes(letterPdf);
      assertThat(early.statusCode()).isEqualTo(404);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(new String(early.body(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(new String(unknown.body(), java.nio.charset.StandardCharsets.UTF_8)
              .replace(unknown.uri().getPath(), early.uri().getPath()));
      assertThat(anonymous.get(replyPath).status()).isEqualTo(404);
      assertThat(anonymous.get(replyPath + ".pdf").status()).isEqualTo(404);

      clock.set("2024-05-17T00:00:00Z");
      HttpResponse<byte[]> pdf = anonymous.getBytes(letterPdf);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
      assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename=\"AL-KAZ-1-2024.pdf\"");
      String text = text(pdf.body());
      assertThat(text)
          .contains("REFERENCE: AL KAZ 1/2024", "Page 1 of ", "Ms. Smailova")
          .doesNotContain(NOTES.toArray(String[]::new))
          .doesNotContain("Ms. Smailova's lawyer", "Civil activist", "Former member of Parliament");
      Http.Response html = anonymous.get("/public/communications/" + letter + "/letter");
      assertThat(html.status()).isEqualTo(200);
      assertThat(html.body()).contains("REFERENCE: AL KAZ 1/2024").doesNotContain(NOTES.toArray(String[]::new));

      assertThat(anonymous.get("/public/communications/" + letter).body())
          .contains("href=\"" + letterPdf + "\"", "Letter (PDF)", "href=\"" + replyPath + ".pdf\"");
      Http.Response replyPage = anonymous.get(replyPath);
      assertThat(replyPage.status()).isEqualTo(200);
      assertThat(replyPage.body()).contains("30-44/127", "Reply to the communication AL KAZ 1/2024")
          .doesNotContain(NOTES.toArray(String[]::new));
      HttpResponse<byte[]> replyPdf = anonymous.getBytes(replyPath + ".pdf");
      assertThat(replyPdf.statusCode()).isEqualTo(200);
      assertThat(text(replyPdf.body())).contains("30-44/127").doesNotContain(NOTES.toArray(String[]::new));

      for (String path :
          List.of("/public/communications/" + followUp + "/letter.pdf", "/public/communications/" + followUp + "/letter",
              "/public/communications/" + followUp + "/replies/" + followUpReply + "/letter.pdf",
              "/public/communications/" + letter + "/replies/" + followUpReply + "/letter.pdf",
              "/public/communications/not-an-id/letter.pdf")) {
        assertThat(anonymous.get(path).status()).as(path).isEqualTo(404);
      }
    }
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }

  static String pageText(PDDocument document, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }
}
