package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.pages.CommunicationPagesHttpTest.FORM;
import static org.casebook.pages.CommunicationPagesHttpTest.count;
import static org.casebook.pages.CommunicationPagesHttpTest.member;
import static org.casebook.pages.CommunicationPagesHttpTest.round;
import static org.casebook.pages.ReplyFormsHttpTest.form;
import static org.casebook.pages.ReplyFormsHttpTest.option;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
 * The claim forms over real HTTP, on the demo's letter AL KAZ 1/2024 and its twelve allegations:
 * adding a row to the claims matrix with the reply's stance, refusals by the field, an edit
 * conflict, removing a row, who is refused.
 */
class ClaimFormsHttpTest {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String SQL = "Robert'); DROP TABLE claims;--";
  private static final String REPLY_DOCUMENT = "Reply of the Government of Kazakhstan to AL KAZ 1/2024 (note verbale No. 30-44/127)";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAllegationAddedThroughTheFormIsANewRowOfTheMatrix(TestStore store) {
    try (Casebook casebook = open(store);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http editor = editor(casebook, server, caseId);
      UUID letter = round(casebook, caseId).get("AL KAZ 1/2024");
      String reply = editor.get("/api/v1/replies?communication=" + letter).json().at("/items/0/id").asText();

      Http.Response matrix = editor.get("/communications/" + letter + "/matrix");
      assertThat(matrix.body()).contains("href=\"/communications/" + letter + "/claims/new\"", "Add an allegation", "Edit allegation 12");
      Http.Response form = editor.get("/communications/" + letter + "/claims/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("name=\"text\"", "<legend>Reply of 27 May 2024 30-44/127</legend>", "name=\"responses[0].stance\"",
              "Partly addresses", "Not assessed", "name=\"notes\"");
      String source = option(form.body(), REPLY_DOCUMENT);

      Http.Response created =
          editor.postText(
              "/communications/" + letter + "/claims",
              form("text", HOSTILE + " " + SQL, "date", "March 2024", "quote", "The letter’s own words", "sources", source,
                  "responses[0].stance", "denies", "responses[0].quote", "The allegations are untrue", "responses[0].sources", source,
                  "notes", "Assessed by the team", "confidentiality", "internal"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/communications/" + letter + "/matrix#claim-");
      String claim = location.substring(location.indexOf("#claim-") + "#claim-".length());

      JsonNode stored = editor.get("/api/v1/claims/" + claim).json();
      assertThat(stored.get("text").asText()).isEqualTo(HOSTILE + " " + SQL);
      assertThat(stored.get("order").asInt()).isEqualTo(13);
      assertThat(stored.get("date").asText()).isEqualTo("2024-03");
      assertThat(stored.at("/responses/0/reply").asText()).isEqualTo(reply);
      assertThat(stored.at("/responses/0/stance").asText()).isEqualTo("denies");
      assertThat(stored.at("/responses/0/sources/0").asText()).isEqualTo(source);

      Http.Response shown = editor.get("/communications/" + letter + "/matrix");
      assertThat(count(shown.body(), "<th scope=\"row\">")).isEqualTo(13);
      assertThat(shown.body())
          .contains("id=\"claim-" + claim + "\"", "href=\"/claims/" + claim + "/edit\"", "&lt;script&gt;alert(1)&lt;/script&gt; " + SQL,
              "The allegations are untrue", "Allegations: 13. Stances: Confirms: 3; Denies: 4;")
          .doesNotContain(HOSTILE);
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
      String path = "/communications/" + letter + "/claims";

      Map<String, String[]> refusals =
          Map.of(
              "text", new String[] {"text", "", "Required."},
              "date", new String[] {"date", "someday soon", "someday soon"},
              "stance", new String[] {"responses[0].stance", "", "Required."});
      for (Map.Entry<String, String[]> refusal : refusals.entrySet()) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("text", "An allegation");
        values.put("quote", HOSTILE + " " + SQL);
        values.put("responses[0].stance", "confirms");
        values.put("responses[0].quote", "The reply's words");
        values.put("confidentiality", "internal");
        values.put(refusal.getValue()[0], refusal.getValue()[1]);
        Http.Response refused = editor.postText(path, form(values), FORM);
        String control = Form.controlId(refusal.getValue()[0]);
        assertThat(refused.status()).as(refusal.getKey()).isEqualTo(422);
        assertThat(refused.body())
            .as(refusal.getKey())
            .contains("<a href=\"#" + control + "\">", "id=\"" + control + "-error\"", refusal.getValue()[2])
            .containsPattern("id=\"" + control + "\"[^>]*aria-invalid=\"true\"")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; " + SQL + "</textarea>", "The reply's words</textarea>")
            .doesNotContain(HOSTILE);
      }
      Http.Response russian = editor.with("Accept-Language", "ru").postText(path, form("text", "", "confidentiality", "internal"), FORM);
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить");
      assertThat(editor.get("/api/v1/claims?communication=" + letter).json().get("total").asInt()).isEqualTo(12);
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
      JsonNode first = editor.get("/api/v1/claims?communication=" + letter).json().at("/items/0");
      String claim = first.get("id").asText();
      String source = first.at("/sources/0").asText();

      Http.Response edit = editor.get("/claims/" + claim + "/edit");
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body())
          .contains("name=\"version\" value=\"1\"", "reopened, 16 times", "href=\"/claims/" + claim + "/void\"")
          .containsPattern("<option value=\"partly-addresses\" selected>");

      String colleague = form("version", "1", "text", "Saved first by a colleague", "sources", source, "responses[0].stance", "partly-addresses",
          "confidentiality", "public");
      assertThat(editor.postText("/claims/" + claim, colleague, FORM).status()).isEqualTo(303);
      String mine = form("version", "1", "text", "My careful wording", "sources", source, "responses[0].stance", "denies",
          "responses[0].quote", "Six criminal cases", "confidentiality", "public");
      Http.Response conflict = editor.postText("/claims/" + claim, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("Saved first by a colleague", "My careful wording", "Reply of 27 May 2024 30-44/127: Stance", "Denies",
              "name=\"version\" value=\"2\"", "Save my version over the current one");

      Http.Response saved = editor.postText("/claims/" + claim, mine.replace("version=1", "version=2"), FORM);
      assertThat(saved.status()).isEqualTo(303);
      JsonNode stored = editor.get("/api/v1/claims/" + claim).json();
      assertThat(stored.get("text").asText()).isEqualTo("My careful wording");
      assertThat(stored.get("order").asInt()).as("keeps its place").isEqualTo(1);
      assertThat(stored.at("/responses/0/stance").asText()).isEqualTo("denies");
      assertThat(stored.at("/responses/0/quote").asText()).isEqualTo("Six criminal cases");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerGetsNoFormAndARowIsRemovedWithAReason(TestStore store) {
    try (Casebook casebook = open(store);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = editor(casebook, server, caseId);
      Http viewer = member(casebook, http, "viewer", Role.VIEWER, caseId, false);
      Http outsider = http.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR));
      UUID letter = round(casebook, caseId).get("AL KAZ 1/2024");
      String claim = editor.get("/api/v1/claims?communication=" + letter).json().at("/items/0/id").asText();

      assertThat(viewer.get("/communications/" + letter + "/matrix").body()).doesNotContain("/claims/new", "/claims/" + claim + "/edit");
      assertThat(viewer.get("/communications/" + letter + "/claims/new").status()).isEqualTo(403);
      assertThat(viewer.get("/claims/" + claim + "/edit").status()).isEqualTo(403);
      assertThat(viewer.postText("/communications/" + letter + "/claims", form("text", "x"), FORM).status()).isEqualTo(403);
      assertThat(viewer.postText("/claims/" + claim, form("version", "1", "text", "x"), FORM).status()).isEqualTo(403);
      assertThat(http.get("/communications/" + letter + "/claims/new").status()).isEqualTo(401);
      assertThat(outsider.get("/communications/" + letter + "/claims/new").status()).isEqualTo(404);
      assertThat(outsider.get("/claims/" + claim + "/edit").status()).isEqualTo(404);

      Http.Response confirm = editor.get("/claims/" + claim + "/void");
      assertThat(confirm.status()).isEqualTo(200);
      assertThat(confirm.body()).contains("Remove this allegation", "href=\"/communications/" + letter + "/matrix\"");
      Http.Response removed = editor.postText("/claims/" + claim + "/void", form("version", "1", "reason", "Split into two " + HOSTILE), FORM);
      assertThat(removed.status()).isEqualTo(303);
      assertThat(removed.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/communications/" + letter + "/matrix");
      assertThat(count(editor.get("/communications/" + letter + "/matrix").body(), "<th scope=\"row\">")).isEqualTo(11);
      assertThat(editor.get("/api/v1/claims/" + claim).json().at("/audit/void_reason").asText()).isEqualTo("Split into two " + HOSTILE);
    }
  }

  private Casebook open(TestStore store) {
    return TestCasebook.open(store, dataDir, SettableClock.at("2025-02-03T10:00:00Z"));
  }

  private static Http editor(Casebook casebook, WebServer server, UUID caseId) {
    return member(casebook, new Http(server.port()).with("Accept-Language", "en"), "editor", Role.EDITOR, caseId, true);
  }
}
