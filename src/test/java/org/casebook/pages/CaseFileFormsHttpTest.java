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
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The case file forms over real HTTP: opening a case file, refusals by the field, conflicts. */
class CaseFileFormsHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCaseFileIsOpenedChangedAndAStaleChangeShowsBothVersions(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http editor = new Http(server.port()).withToken(TestCasebook.token(casebook, "emma", Role.EDITOR)).with("Accept-Language", "en");
      assertThat(editor.get("/cases").body()).contains("href=\"/cases/new\"");
      assertThat(editor.get("/cases/new").status()).isEqualTo(200);

      Http.Response refused = editor.postText("/cases", form("title", "", "countries", "KZ, Kazakhstan", "risk", "high", "status", "open"), FORM);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .contains("<a href=\"#field-title\">", "<a href=\"#field-countries\">", "value=\"KZ, Kazakhstan\"")
          .containsPattern("id=\"field-countries\"[^>]*aria-invalid=\"true\"");

      Http.Response opened = editor.postText("/cases", form("title", "A new case", "countries", "kz ru", "risk", "high", "status", "open", "confidentiality", "internal"), FORM);
      assertThat(opened.status()).as(opened.body()).isEqualTo(303);
      String location = opened.raw().headers().firstValue("Location").orElseThrow();
      UUID caseId = UUID.fromString(location.substring("/cases/".length()));
      assertThat(editor.get("/api/v1/cases/" + caseId).json().get("countries").toString()).isEqualTo("[\"KZ\",\"RU\"]");
      assertThat(editor.get(location).body()).contains("href=\"/cases/" + caseId + "/edit\"");

      assertThat(editor.get("/cases/" + caseId + "/edit").body()).contains("name=\"version\" value=\"1\"", "value=\"KZ, RU\"");
      String first = form("version", "1", "title", "Renamed by a colleague", "countries", "KZ", "risk", "high", "status", "open", "confidentiality", "internal");
      assertThat(editor.postText("/cases/" + caseId, first, FORM).status()).isEqualTo(303);
      String mine = form("version", "1", "title", "My title", "countries", "KZ", "risk", "critical", "status", "open", "confidentiality", "internal");
      Http.Response conflict = editor.postText("/cases/" + caseId, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body()).contains("Renamed by a colleague", "My title", "Critical", "name=\"version\" value=\"2\"");

      Http viewer = new Http(server.port()).withToken(TestCasebook.token(casebook, "vic", Role.VIEWER));
      assertThat(viewer.get("/cases/new").status()).isEqualTo(403);
      assertThat(viewer.get("/cases").body()).doesNotContain("/cases/new");
    }
  }

  @Test
  void aRefusalIsExplainedInTheLanguageOfThePage() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http editor = new Http(server.port()).withToken(TestCasebook.token(casebook, "emma", Role.EDITOR)).with("Accept-Language", "ru");
      Http.Response refused = editor.postText("/cases", form("title", "", "countries", "Kazakhstan", "risk", "high", "status", "open"), FORM);

      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .contains("Обязательное поле.", "«KAZAKHSTAN» — не код страны")
          .doesNotContain("is required", "is not a country code");
    }
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
