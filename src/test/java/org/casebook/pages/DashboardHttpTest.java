package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

/** The dashboard's deadlines over real HTTP: a letter sent today shows its reply date, only to its case file's team. */
class DashboardHttpTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSentLetterShowsItsDeadlinesToTheTeamAlone(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId =
          casebook.importer()
              .importDocument(
                  TestCasebook.TESTER, "d.yaml",
                  "format: casebook/1\ncase: {key: d, title: Invented deadline case, risk: high, status: open, confidentiality: internal}\n",
                  null, false, Progress.NONE)
              .caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = http.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      Http outsider = http.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR));
      casebook.teams().addMember(caseId, casebook.accounts().findUser("editor").orElseThrow().id(), true);
      String mandate = editor.get("/api/v1/mandates").json().get(0).get("code").asText();

      Http.Response created = editor.post("/api/v1/communications", Http.json(Map.of(
          "type", "UA", "states", List.of("KAZ"), "mandates", List.of(mandate), "cases", List.of(caseId.toString()),
          "subject", "An invented <urgent> appeal", "confidentiality", "internal")));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String reference = editor.post("/api/v1/communications/" + created.json().get("id").asText() + "/send", "{\"version\": 1}")
          .json().get("reference").asText();

      Http.Response dashboard = editor.get("/");
      assertThat(dashboard.body())
          .contains("Reply expected", "Public date", reference, "An invented &lt;urgent&gt; appeal")
          .doesNotContain("<urgent>");
      assertThat(outsider.get("/").body()).doesNotContain(reference, "An invented");
      assertThat(editor.get("/?lang=ru").body()).contains("Ожидается ответ");
    }
  }
}
