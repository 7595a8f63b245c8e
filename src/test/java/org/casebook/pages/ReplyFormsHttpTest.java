package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.pages.CommunicationPagesHttpTest.FORM;
import static org.casebook.pages.CommunicationPagesHttpTest.escaped;
import static org.casebook.pages.CommunicationPagesHttpTest.member;
import static org.casebook.pages.CommunicationPagesHttpTest.round;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The reply forms over real HTTP, on the demo's letters: recording a reply (which records {@code
 * reply-received} on the letter), with a document chosen from the case file's sources or uploaded
 * as a new one; refusals by the field; an edit conflict; removing a reply; who is refused.
 */
class ReplyFormsHttpTest {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String SQL = "Note 7/2025'); DROP TABLE replies;--";
  private static final String BOUNDARY = "casebook-reply-form-boundary-81c4";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aReplyRecordedThroughTheFormIsShownAndMovesTheLetterToReplyReceived(TestStore store) {
    try (Casebook casebook = open(store);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http editor = editor(casebook, server, caseId);
      UUID letter = round(casebook, caseId).get("AL KAZ 1/2024");
      assertThat(editor.get("/api/v1/communications/" + letter).json().get("status").asText()).isEqualTo("follow-up-sent");

      Http.Response page = editor.get("/communications/" + letter);
      assertThat(page.body()).contains("href=\"/communications/" + letter + "/replies/new\"", "Record a reply");
      Http.Response form = editor.get("/communications/" + letter + "/replies/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("enctype=\"multipart/form-data\"", "name=\"received\"", "name=\"documents[0].source\"", "name=\"upload_file\"",
              "Being translated", "Translation", "AL KAZ 1/2024", "name=\"notes\"");
      String source = option(form.body(), "Reply of the Government of Kazakhstan to AL KAZ 1/2024 (note verbale No. 30-44/127)");

      Http.Response created =
          editor.postText(
              "/communications/" + letter + "/replies",
              form("received", "12 January 2025", "sender", HOSTILE, "sender_reference", SQL, "language", "ru",
                  "translation_status", "being-translated", "summary", "A second note, " + HOSTILE,
                  "documents[0].source", source, "documents[0].role", "translation", "documents[0].language", "en",
                  "documents[1].source", "", "documents[1].role", "", "documents[1].language", "",
                  "notes", "Read by the team", "confidentiality", "internal", "upload_role", "original"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/communications/" + letter + "#reply-");
      String reply = location.substring(location.indexOf("#reply-") + "#reply-".length());

      JsonNode stored = editor.get("/api/v1/replies/" + reply).json();
      assertThat(stored.get("received").asText()).isEqualTo("2025-01-12");
      assertThat(stored.get("sender").asText()).isEqualTo(HOSTILE);
      assertThat(stored.get("sender_reference").asText()).isEqualTo(SQL);
      assertThat(stored.get("translation_status").asText()).isEqualTo("being-translated");
      assertThat(stored.at("/documents/0/source").asText()).isEqualTo(source);
      assertThat(stored.at("/documents/0/role").asText()).isEqualTo("translation");
      assertThat(stored.get("documents")).hasSize(1);
      assertThat(editor.get("/api/v1/communications/" + letter).json().get("status").asText()).isEqualTo("reply-received");

      Http.Response shown = editor.get("/communications/" + letter);
      assertThat(shown.body())
          .contains("id=\"reply-" + reply + "\"", "href=\"/replies/" + reply + "/edit\"", SQL, "&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain(HOSTILE);
      Http.Response matrix = editor.get("/communications/" + letter + "/matrix");
      assertThat(matrix.body()).contains("Reply of 12 January 2025 " + SQL);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormComesBackWithEachMessageAtItsFieldAndWhatWasTyped(TestStore store) {
    try (Casebook casebook = open(store);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http editor = editor(casebook, server, caseId);
      UUID letter = round(casebook, caseId).get("AL KAZ 1/2024");
      String path = "/communications/" + letter + "/replies";
      int replies = editor.get("/api/v1/replies?communication=" + letter).json().get("total").asInt();
      String source = option(editor.get(path + "/new").body(), "Reply of the Government of Kazakhstan to AL KAZ 1/2024 (note verbale No. 30-44/127)");

      Map<String, String[]> refusals =
          Map.of(
              "received", new String[] {"received", "", "Required."},
              "a month", new String[] {"received", "May 2024", "is not one day"},
              "the future", new String[] {"received", "3 March 2025", "after today"},
              "before it was sent", new String[] {"received", "1 March 2024", "before the communication was sent"},
              "language", new String[] {"language", "not a tag!", "is not a language code"});
      for (Map.Entry<String, String[]> refusal : refusals.entrySet()) {
        String field = refusal.getValue()[0];
        String typed = refusal.getValue()[1];
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("received", "12 January 2025");
        values.put("summary", HOSTILE);
        values.put("sender_reference", SQL);
        values.put("translation_status", "received");
        values.put("confidentiality", "internal");
        values.put(field, typed);
        Http.Response refused = editor.postText(path, form(values), FORM);
        assertThat(refused.status()).as(refusal.getKey()).isEqualTo(422);
        assertThat(refused.body())
            .as(refusal.getKey())
            .contains("<a href=\"#field-" + field + "\">", "id=\"field-" + field + "-error\"", refusal.getValue()[2])
            .containsPattern("id=\"field-" + field + "\"[^>]*aria-invalid=\"true\"")
            .contains("value=\"" + escaped(SQL) + "\"", "&lt;script&gt;alert(1)&lt;/script&gt;</textarea>")
            .doesNotContain(HOSTILE);
      }

      Http.Response noRole =
          editor.postText(
              path, form("received", "12 January 2025", "documents[0].source", source, "documents[0].role", "", "documents[0].language", "en",
                  "confidentiality", "internal"),
              FORM);
      assertThat(noRole.status()).isEqualTo(422);
      assertThat(noRole.body()).containsPattern("id=\"field-documents-0-role\"[^>]*aria-invalid=\"true\"");

      Http.Response russian = editor.with("Accept-Language", "ru").postText(path, form("received", "май 2024", "confidentiality", "internal"), FORM);
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить", "не один день");
      assertThat(editor.with("Accept-Language", "ru").postText(path, form("received", "1 March 2024", "confidentiality", "internal"), FORM).body())
          .contains("2024-03-01 — раньше, чем сообщение было отправлено (2024-03-18).");
      assertThat(editor.with("Accept-Language", "ru").postText(path, form("received", "3 March 2025", "confidentiality", "internal"), FORM).body())
          .contains("2025-03-03 — позже сегодняшнего дня");

      UUID draft = CommunicationPagesHttpTest.hostileDraft(editor, caseId);
      assertThat(editor.get("/communications/" + draft).body()).doesNotContain("/replies/new");
      Http.Response toDraft =
          editor.postText("/communications/" + draft + "/replies", form("received", "12 January 2025", "confidentiality", "internal"), FORM);
      assertThat(toDraft.status()).isEqualTo(422);
      assertThat(toDraft.body()).contains("This communication is still a draft; a reply is recorded to a communication that was sent.");
      assertThat(editor.get("/api/v1/replies?communication=" + letter).json().get("total").asInt()).isEqualTo(replies);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) {
    try (Casebook casebook = open(store);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http editor = editor(casebook, server, caseId);
      UUID letter = round(casebook, caseId).get("AL KAZ 1/2024");
      String reply = editor.get("/api/v1/replies?communication=" + letter).json().at("/items/0/id").asText();
      String document = editor.get("/api/v1/replies/" + reply).json().at("/documents/0/source").asText();

      Http.Response edit = editor.get("/replies/" + reply + "/edit");
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body())
          .contains("name=\"version\" value=\"1\"", "value=\"27 May 2024\"", "value=\"30-44/127\"", "Stored now as 2024-05-27",
              "href=\"/replies/" + reply + "/void\"")
          .containsPattern("<option value=\"" + document + "\" selected>");

      String first = form("version", "1", "received", "27 May 2024", "sender_reference", "30-44/127", "summary", "Saved first by a colleague",
          "translation_status", "published", "documents[0].source", document, "documents[0].role", "original",
          "documents[0].language", "en", "notes", "Kept notes", "confidentiality", "public");
      assertThat(editor.postText("/replies/" + reply, first, FORM).status()).isEqualTo(303);

      String mine = form("version", "1", "received", "27 May 2024", "sender_reference", "30-44/127", "summary", "My careful summary",
          "translation_status", "translated", "documents[0].source", document, "documents[0].role", "original",
          "documents[0].language", "en", "notes", "Kept notes", "confidentiality", "public");
      Http.Response conflict = editor.postText("/replies/" + reply, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("Saved first by a colleague", "My careful summary", "Translated", "Published", "name=\"version\" value=\"2\"",
              "Save my version over the current one");

      String again = mine.replace("version=1", "version=2");
      Http.Response saved = editor.postText("/replies/" + reply, again, FORM);
      assertThat(saved.status()).isEqualTo(303);
      assertThat(saved.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/communications/" + letter + "#reply-" + reply);
      JsonNode stored = editor.get("/api/v1/replies/" + reply).json();
      assertThat(stored.get("summary").asText()).isEqualTo("My careful summary");
      assertThat(stored.get("translation_status").asText()).isEqualTo("translated");
      assertThat(stored.get("notes").asText()).isEqualTo("Kept notes");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDocumentUploadedWithTheFormBecomesASourceOfTheCaseFileAndARefusedFormStoresNone(TestStore store) {
    try (Casebook casebook = open(store);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http editor = editor(casebook, server, caseId);
      UUID letter = round(casebook, caseId).get("AL MNE 2/2024");
      int sources = editor.get("/api/v1/sources?case=" + caseId).json().get("total").asInt();
      String text = "Note verbale of the Government of Montenegro (invented test text).";

      List<String[]> refused =
          List.of(
              new String[] {"received", ""}, new String[] {"confidentiality", "internal"}, new String[] {"upload_title", "Montenegro note"},
              new String[] {"upload_role", "original"}, new String[] {"upload_language", "en"}, new String[] {"upload_case", caseId.toString()});
      Http.Response refusal = multipart(editor, "/communications/" + letter + "/replies", refused, "note.txt", text);
      assertThat(refusal.status()).as(refusal.body()).isEqualTo(422);
      assertThat(refusal.body()).contains("id=\"field-received-error\"", "The file note.txt was not kept", "value=\"Montenegro note\"");
      assertThat(editor.get("/api/v1/sources?case=" + caseId).json().get("total").asInt()).isEqualTo(sources);

      List<String[]> fields =
          List.of(
              new String[] {"received", "2 February 2025"}, new String[] {"sender_reference", "MNE/2025/3"},
              new String[] {"confidentiality", "internal"}, new String[] {"upload_title", "Montenegro note"},
              new String[] {"upload_role", "original"}, new String[] {"upload_language", "en"}, new String[] {"upload_case", caseId.toString()});
      Http.Response created = multipart(editor, "/communications/" + letter + "/replies", fields, "note.txt", text);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      String reply = location.substring(location.indexOf("#reply-") + "#reply-".length());
      JsonNode document = editor.get("/api/v1/replies/" + reply).json().at("/documents/0");
      assertThat(document.get("role").asText()).isEqualTo("original");
      JsonNode source = editor.get("/api/v1/sources/" + document.get("source").asText()).json();
      assertThat(source.get("title").asText()).isEqualTo("Montenegro note");
      assertThat(source.get("kind").asText()).isEqualTo("government-reply");
      assertThat(editor.get("/api/v1/sources?case=" + caseId).json().get("total").asInt()).isEqualTo(sources + 1);
      assertThat(editor.get("/api/v1/sources/" + document.get("source").asText() + "/file").body()).contains("Montenegro (invented test text)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerGetsNoFormAndAReplyIsRemovedWithAReason(TestStore store) {
    try (Casebook casebook = open(store);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = editor(casebook, server, caseId);
      Http viewer = member(casebook, http, "viewer", Role.VIEWER, caseId, false);
      Http outsider = http.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR));
      UUID letter = round(casebook, caseId).get("AL KAZ 1/2024");
      String reply = editor.get("/api/v1/replies?communication=" + letter).json().at("/items/0/id").asText();

      assertThat(viewer.get("/communications/" + letter).body()).doesNotContain("/replies/new", "/replies/" + reply + "/edit");
      assertThat(viewer.get("/communications/" + letter + "/replies/new").status()).isEqualTo(403);
      assertThat(viewer.get("/replies/" + reply + "/edit").status()).isEqualTo(403);
      assertThat(viewer.postText("/communications/" + letter + "/replies", form("received", "12 January 2025"), FORM).status()).isEqualTo(403);
      assertThat(viewer.postText("/replies/" + reply, form("version", "1", "received", "12 January 2025"), FORM).status()).isEqualTo(403);
      assertThat(http.get("/communications/" + letter + "/replies/new").status()).isEqualTo(401);
      assertThat(outsider.get("/communications/" + letter + "/replies/new").status()).isEqualTo(404);
      assertThat(outsider.get("/replies/" + reply + "/edit").status()).isEqualTo(404);

      Http.Response confirm = editor.get("/replies/" + reply + "/void");
      assertThat(confirm.status()).isEqualTo(200);
      assertThat(confirm.body()).contains("Remove 30-44/127", "href=\"/communications/" + letter + "\"");
      Http.Response removed = editor.postText("/replies/" + reply + "/void", form("version", "1", "reason", "Recorded twice"), FORM);
      assertThat(removed.status()).isEqualTo(303);
      assertThat(removed.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/communications/" + letter);
      assertThat(editor.get("/communications/" + letter).body()).doesNotContain("id=\"reply-" + reply + "\"");
      assertThat(editor.get("/replies/" + reply + "/edit").status()).isEqualTo(404);
    }
  }

  private Casebook open(TestStore store) {
    return TestCasebook.open(store, dataDir, SettableClock.at("2025-02-03T10:00:00Z"));
  }

  private static Http editor(Casebook casebook, WebServer server, UUID caseId) {
    return member(casebook, new Http(server.port()).with("Accept-Language", "en"), "editor", Role.EDITOR, caseId, true);
  }

  /** The value of the option whose label is {@code label}. */
  static String option(String html, String label) {
    Matcher option = Pattern.compile("<option value=\"([^\"]*)\"[^>]*>" + Pattern.quote(escaped(label)) + "</option>").matcher(html);
    assertThat(option.find()).as("an option " + label).isTrue();
    return option.group(1);
  }

  static String form(String... namesAndValues) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int index = 0; index < namesAndValues.length; index += 2) {
      values.put(namesAndValues[index], namesAndValues[index + 1]);
    }
    return form(values);
  }

  static String form(Map<String, String> values) {
    StringBuilder form = new StringBuilder();
    values.forEach((name, value) -> {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    });
    return form.toString();
  }

  /** Posts {@code fields} and a text file as {@code upload_file}, as a browser posts the reply form. */
  private static Http.Response multipart(Http http, String path, List<String[]> fields, String fileName, String file) {
    StringBuilder body = new StringBuilder();
    for (String[] field : fields) {
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
          .append(field[1]).append("\r\n");
    }
    body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"upload_file\"; filename=\"").append(fileName)
        .append("\"\r\nContent-Type: text/plain\r\n\r\n").append(file).append("\r\n--").append(BOUNDARY).append("--\r\n");
    return http.postText(path, body.toString(), "multipart/form-data; boundary=" + BOUNDARY);
  }
}
