package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The case list over real HTTP: its team filter, and the part htmx asks for when a filter changes. */
class CaseListHttpTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void filtersByTeamAndAnswersHtmxWithTheResultsAlone(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID alpha = caseFile(casebook, "alpha", "Alpha invented case");
      caseFile(casebook, "beta", "Beta invented case");
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http admin = http.withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
      Http editor = http.withToken(TestCasebook.token(casebook, "erlan", Role.EDITOR));
      UUID erlan = casebook.accounts().findUser("erlan").orElseThrow().id();
      casebook.teams().addMember(alpha, erlan, false);

      assertThat(admin.get("/cases").body()).contains("Alpha invented case", "Beta invented case", "<option value=\"" + erlan + "\">");
      assertThat(admin.get("/cases?team=" + erlan).body()).contains("Alpha invented case").doesNotContain("Beta invented case");
      assertThat(admin.get("/cases?team=mine").body()).doesNotContain("Alpha invented case", "Beta invented case");
      assertThat(admin.get("/api/v1/cases?team_member=" + erlan).json().get("total").asInt()).isEqualTo(1);

      Http.Response editorList = editor.get("/cases?team=mine");
      assertThat(editorList.body()).contains("Alpha invented case").doesNotContain("Beta invented case");
      assertThat(editorList.body()).doesNotContain("Team of").contains("<option value=\"mine\" selected>");
      assertThat(editor.get("/cases?team=" + UUID.randomUUID()).body()).as("a user id is no filter for non-administrators").contains("Alpha invented case");
      assertThat(editor.get("/cases?team=%27%3B--").status()).isEqualTo(200);

      Http.Response part = admin.with("HX-Request", "true").with("HX-Target", "case-results").get("/cases?team=" + erlan);
      assertThat(part.status()).isEqualTo(200);
      assertThat(part.body()).startsWith("<div id=\"case-results\">").contains("Alpha invented case").doesNotContain("<html", "Beta invented case");
      assertThat(part.raw().headers().firstValue("Vary").orElse("")).contains("HX-Request");
      assertThat(admin.get("/cases").body()).contains("hx-get=\"/cases\"", "hx-target=\"#case-results\"");
    }
  }

  private static UUID caseFile(Casebook casebook, String key, String title) {
    return casebook.importer()
        .importDocument(
            TestCasebook.TESTER, key + ".yaml",
            "format: casebook/1\ncase: {key: " + key + ", title: " + title + ", risk: low, status: open, confidentiality: internal}\n",
            null, false, Progress.NONE)
        .caseId();
  }
}
