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

/** The pickers' search over real HTTP: matches among what the reader may see, choices kept, text escaped. */
class PickerPagesHttpTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void offersMatchingPersonsTheReaderMaySeeAndKeepsTheChosenOnes(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID ours = caseFile(casebook, "ours", "Invented Asel Nurlanova", "Invented Bolat <b>Serikov</b>", "Invented Org Alpha");
      caseFile(casebook, "theirs", "Invented Asel Hidden", "Invented Other Person", "Invented Org Beta");
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = http.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      casebook.teams().addMember(ours, casebook.accounts().findUser("editor").orElseThrow().id(), false);

      Http.Response asel = editor.get("/pickers/persons?q=asel&empty=true");
      assertThat(asel.status()).isEqualTo(200);
      assertThat(asel.body().strip()).startsWith("<option value=\"\">None</option>").contains("Invented Asel Nurlanova").doesNotContain("Hidden", "Bolat");

      String bolat = idOf(editor.get("/pickers/persons?q=serikov").body());
      assertThat(editor.get("/pickers/persons?q=serikov").body()).contains("Invented Bolat &lt;b&gt;Serikov&lt;/b&gt;").doesNotContain("<b>");
      Http.Response keeping = editor.get("/pickers/persons?q=nurlanova&participants%5B0%5D.person=" + bolat);
      assertThat(keeping.body())
          .contains("<option value=\"" + bolat + "\" selected>Invented Bolat", "Invented Asel Nurlanova")
          .doesNotContain("<option value=\"\">");
      assertThat(editor.get("/pickers/persons?q=%27%20OR%201%3D1%20--").body()).contains("Nothing found");
      assertThat(editor.get("/pickers/persons?q=x&p=" + UUID.randomUUID()).body()).contains("Nothing found");

      assertThat(editor.get("/pickers/organizations?q=org").body()).contains("Invented Org Alpha").doesNotContain("Beta");
      assertThat(http.get("/pickers/persons?q=asel").status()).isIn(401, 403);
    }
  }

  private static String idOf(String options) {
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("value=\"([0-9a-f-]{36})\"").matcher(options);
    assertThat(id.find()).as(options).isTrue();
    return id.group(1);
  }

  private static UUID caseFile(Casebook casebook, String key, String first, String second, String organization) {
    String yaml =
        "format: casebook/1\n"
            + "case: {key: " + key + ", title: Case " + key + ", risk: low, status: open, confidentiality: internal}\n"
            + "persons:\n"
            + "  - {key: " + key + "-a, name: \"" + first + "\", confidentiality: internal}\n"
            + "  - {key: " + key + "-b, name: \"" + second + "\", confidentiality: internal}\n"
            + "organizations:\n"
            + "  - {key: " + key + "-o, name: \"" + organization + "\", confidentiality: internal}\n";
    return casebook.importer().importDocument(TestCasebook.TESTER, key + ".yaml", yaml, null, false, Progress.NONE).caseId();
  }
}
