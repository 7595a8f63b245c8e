package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Removing records from the pages: a reason is required, a stale page removes nothing, only writers may. */
class VoidPagesHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String HOSTILE = "<script>alert(1)</script>'; DROP TABLE events; --";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anEditorRemovesRecordsWithAReasonAndNothingElseRemovesThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = caseFile(casebook);
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = http.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      Http viewer = http.withToken(TestCasebook.token(casebook, "viewer", Role.VIEWER));
      Http outsider = http.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR));
      casebook.teams().addMember(caseId, casebook.accounts().findUser("editor").orElseThrow().id(), false);
      casebook.teams().addMember(caseId, casebook.accounts().findUser("viewer").orElseThrow().id(), false);
      UUID event = UUID.fromString(editor.get("/api/v1/events?case=" + caseId).json().get("items").get(0).get("id").asText());
      UUID person = UUID.fromString(editor.get("/api/v1/persons?case=" + caseId).json().get("items").get(0).get("id").asText());

      assertThat(editor.get("/events/" + event + "/edit").body()).contains("href=\"/events/" + event + "/void?case=" + caseId + "\"");
      Http.Response confirm = editor.get("/events/" + event + "/void");
      assertThat(confirm.status()).isEqualTo(200);
      assertThat(confirm.body()).contains("Remove An invented search", "name=\"version\" value=\"1\"", "name=\"reason\"");
      assertThat(viewer.get("/events/" + event + "/void").status()).isEqualTo(403);
      assertThat(viewer.postText("/events/" + event + "/void", form("version", "1", "reason", "no"), FORM).status()).isEqualTo(403);
      assertThat(outsider.get("/events/" + event + "/void").status()).isEqualTo(404);
      assertThat(outsider.postText("/events/" + event + "/void", form("version", "1", "reason", "no"), FORM).status()).isEqualTo(404);

      Http.Response noReason = editor.postText("/events/" + event + "/void", form("version", "1", "reason", " "), FORM);
      assertThat(noReason.status()).isEqualTo(422);
      assertThat(noReason.body()).containsPattern("id=\"field-reason-error\">Required.");
      Http.Response stale = editor.postText("/events/" + event + "/void", form("version", "0", "reason", HOSTILE), FORM);
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.body()).contains("Nothing was removed", "name=\"version\" value=\"1\"", "&lt;script&gt;").doesNotContain(HOSTILE);
      assertThat(editor.get("/api/v1/events/" + event).json().get("audit").has("voided_at")).isFalse();

      Http.Response removed = editor.postText("/events/" + event + "/void", form("version", "1", "reason", HOSTILE), FORM);
      assertThat(removed.status()).isEqualTo(303);
      assertThat(removed.raw().headers().firstValue("Location")).hasValue("/cases/" + caseId);
      assertThat(editor.get("/cases/" + caseId).body()).doesNotContain("An invented search");
      assertThat(editor.get("/api/v1/events/" + event).json().get("audit").get("void_reason").asText()).isEqualTo(HOSTILE);
      assertThat(editor.get("/events/" + event + "/void").status()).as("a removed record cannot be removed again").isEqualTo(404);

      Http.Response personRemoved = editor.postText("/persons/" + person + "/void", form("version", "1", "reason", "duplicate", "case", caseId.toString()), FORM);
      assertThat(personRemoved.raw().headers().firstValue("Location")).hasValue("/cases/" + caseId);
      assertThat(editor.get("/cases/" + caseId).body()).doesNotContain("Invented Witness");

      int caseVersion = editor.get("/api/v1/cases/" + caseId).json().get("version").asInt();
      Http.Response caseRemoved = editor.postText("/cases/" + caseId + "/void", form("version", String.valueOf(caseVersion), "reason", "opened twice"), FORM);
      assertThat(caseRemoved.raw().headers().firstValue("Location")).hasValue("/cases");
      assertThat(editor.get("/cases").body()).doesNotContain("Invented void case");
    }
  }

  private static UUID caseFile(Casebook casebook) {
    String yaml =
        "format: casebook/1\n"
            + "case: {key: v, title: Invented void case, risk: low, status: open, confidentiality: internal}\n"
            + "persons:\n"
            + "  - {key: w, name: Invented Witness, confidentiality: internal}\n"
            + "events:\n"
            + "  - {key: e, date: 2020-05, type: surveillance, title: An invented search, confidentiality: internal}\n";
    return casebook.importer().importDocument(TestCasebook.TESTER, "v.yaml", yaml, null, false, Progress.NONE).caseId();
  }

  private static String form(String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int index = 0; index < namesAndValues.length; index += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(namesAndValues[index]).append('=').append(URLEncoder.encode(namesAndValues[index + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }
}
