package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.pages.PersonFormsHttpTest.form;
import static org.casebook.pages.PersonFormsHttpTest.member;
import static org.casebook.pages.PersonFormsHttpTest.option;
import static org.casebook.pages.PersonFormsHttpTest.personNamed;
import static org.casebook.pages.PersonFormsHttpTest.total;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.UUID;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.common.Redaction;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The relationship forms over real HTTP: adding a relationship between two persons of a case file
 * and seeing it on the case page, refusals by the field, hostile text, edit conflicts, who may use
 * them, and notes kept from an editor without the restricted grant.
 */
class RelationshipFormsHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String HOSTILE = "<script>alert(1)</script>";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRelationshipChosenAmongTheCasePersonsIsShownOnTheCasePage(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Cases cases = importCases(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, cases.main(), true).with("Accept-Language", "en");

      Http.Response form = editor.get("/cases/" + cases.main() + "/relationships/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body()).contains("name=\"person\"", "name=\"other\"", "name=\"start\"", "Spouse of", "Lawyer of").doesNotContain("Elsewhere Person");
      String asel = option(form.body(), "Asel Nurova");
      String marat = option(form.body(), "Marat Nurov");

      Http.Response created =
          editor.postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "spouse", "other", marat, "start", "2010", "end", "", "notes", "Married in Almaty",
                  "confidentiality", "internal"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/cases/" + cases.main() + "#relationship-");
      String id = location.substring(location.indexOf("#relationship-") + "#relationship-".length());

      JsonNode stored = editor.get("/api/v1/relationships/" + id).json();
      assertThat(stored.get("person").asText()).isEqualTo(asel);
      assertThat(stored.get("other").asText()).isEqualTo(marat);
      assertThat(stored.get("type").asText()).isEqualTo("spouse");
      assertThat(stored.get("start").asText()).isEqualTo("2010");
      assertThat(stored.get("notes").asText()).isEqualTo("Married in Almaty");
      assertThat(total(editor, "/api/v1/relationships?person=" + marat)).isEqualTo(2);

      String page = editor.get("/cases/" + cases.main()).body();
      assertThat(page)
          .contains("<li id=\"relationship-" + id + "\">Asel Nurova is spouse of Marat Nurov, since 2010")
          .contains("href=\"/relationships/" + id + "/edit?case=" + cases.main() + "\"");
      assertThat(editor.with("Accept-Language", "ru").get("/cases/" + cases.main()).body())
          .contains("Asel Nurova — супруг(а): Marat Nurov, начало: 2010");

      Http.Response edit = editor.get("/relationships/" + id + "/edit?case=" + cases.main());
      assertThat(edit.body())
          .contains("name=\"version\" value=\"1\"", "value=\"2010\"", "Stored now as 2010 (EDTF)", ">Married in Almaty</textarea>")
          .containsPattern("<option value=\"" + asel + "\" selected>Asel Nurova</option>");
      Http.Response ended =
          editor.postText(
              "/relationships/" + id,
              form("version", "1", "case", cases.main().toString(), "person", asel, "type", "spouse", "other", marat,
                  "start", "2010", "end", "March 2019", "notes", "Married in Almaty", "confidentiality", "internal"),
              FORM);
      assertThat(ended.status()).isEqualTo(303);
      assertThat(ended.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/cases/" + cases.main() + "#relationship-" + id);
      assertThat(editor.get("/cases/" + cases.main()).body()).contains("Asel Nurova is spouse of Marat Nurov, 2010 to March 2019");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormComesBackWithTheMessagesNextToTheFieldsAndWhatWasTyped(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Cases cases = importCases(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, cases.main(), true).with("Accept-Language", "en");
      casebook.teams().addMember(cases.other(), casebook.accounts().findUser("emma").orElseThrow().id(), true);
      String asel = personNamed(editor, cases.main(), "Asel Nurova");
      String elsewhere = personNamed(editor, cases.other(), "Elsewhere Person");

      Http.Response refused =
          editor.postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "", "other", asel, "start", "early 2010", "end", "2019", "notes", "Typed notes",
                  "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .contains("<a href=\"#field-type\">", "<a href=\"#field-start\">", "<a href=\"#field-other\">", "id=\"field-start-error\"")
          .containsPattern("id=\"field-start\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"field-start-hint field-start-error\"")
          .containsPattern("id=\"field-type\"[^>]*aria-invalid=\"true\"")
          .contains("value=\"early 2010\"", "value=\"2019\"", ">Typed notes</textarea>")
          .containsPattern("<option value=\"" + asel + "\" selected>Asel Nurova</option>");

      Http.Response notOffered =
          editor.postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "colleague", "other", elsewhere, "confidentiality", "internal"),
              FORM);
      assertThat(notOffered.status()).isEqualTo(422);
      assertThat(notOffered.body()).containsPattern("id=\"field-other-error\">Not a person of this case file");

      Http.Response backwards =
          editor.postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "colleague", "other", personNamed(editor, cases.main(), "Marat Nurov"), "start", "2015", "end", "March 2012",
                  "confidentiality", "internal"),
              FORM);
      assertThat(backwards.status()).isEqualTo(422);
      assertThat(backwards.body()).contains("id=\"field-end-error\">Ends (2012-03) before it starts (2015).", "value=\"March 2012\"");
      Http.Response inRussian =
          editor.with("Accept-Language", "ru").postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "colleague", "other", personNamed(editor, cases.main(), "Marat Nurov"), "start", "2015", "end", "2012",
                  "confidentiality", "internal"),
              FORM);
      assertThat(inRussian.body()).contains("Заканчивается (2012) раньше, чем начинается (2015).");
      assertThat(editor.post("/api/v1/relationships", "{\"person\": \"" + asel + "\", \"type\": \"colleague\", \"other\": \""
              + personNamed(editor, cases.main(), "Marat Nurov") + "\", \"start\": \"2015-06\", \"end\": \"2015-05-31\"}").status())
          .isEqualTo(422);
      assertThat(editor.postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "colleague", "other", personNamed(editor, cases.main(), "Marat Nurov"), "start", "2015", "end", "2015",
                  "confidentiality", "internal"),
              FORM).status())
          .as("a relationship within one year").isEqualTo(303);
      assertThat(total(editor, "/api/v1/relationships")).as("the imported one and the one within a year").isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void markupComesBackEscapedAndSqlMetacharactersAreStoredVerbatim(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Cases cases = importCases(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, cases.main(), true);
      String asel = personNamed(editor, cases.main(), "Asel Nurova");
      String marat = personNamed(editor, cases.main(), "Marat Nurov");

      Http.Response refused =
          editor.postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "lawyer-of", "other", marat, "start", HOSTILE, "end", HOSTILE, "notes", HOSTILE,
                  "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .doesNotContain(HOSTILE)
          .contains("id=\"field-start\" name=\"start\" type=\"text\" value=\"&lt;script>alert(1)&lt;/script>\"")
          .contains("id=\"field-end\" name=\"end\" type=\"text\" value=\"&lt;script>alert(1)&lt;/script>\"")
          .contains(">&lt;script&gt;alert(1)&lt;/script&gt;</textarea>");

      String sql = "x'); DELETE FROM relationships;-- 100% _ \\ \"";
      Http.Response saved =
          editor.postText(
              "/cases/" + cases.main() + "/relationships",
              form("person", asel, "type", "lawyer-of", "other", marat, "notes", sql, "confidentiality", "internal"),
              FORM);
      assertThat(saved.status()).as(saved.body()).isEqualTo(303);
      String id = saved.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#relationship-", "");
      assertThat(editor.get("/api/v1/relationships/" + id).json().get("notes").asText()).isEqualTo(sql);

      Http.Response hostile =
          editor.postText(
              "/relationships/" + id,
              form("version", "1", "person", asel, "type", "lawyer-of", "other", marat, "notes", HOSTILE, "confidentiality", "internal"),
              FORM);
      assertThat(hostile.status()).isEqualTo(303);
      assertThat(editor.get("/api/v1/relationships/" + id).json().get("notes").asText()).isEqualTo(HOSTILE);
      assertThat(editor.get("/relationships/" + id + "/edit").body())
          .doesNotContain(HOSTILE)
          .contains(">&lt;script&gt;alert(1)&lt;/script&gt;</textarea>");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Cases cases = importCases(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, cases.main(), true).with("Accept-Language", "en");
      String asel = personNamed(editor, cases.main(), "Asel Nurova");
      String marat = personNamed(editor, cases.main(), "Marat Nurov");
      String id = editor.get("/api/v1/relationships?person=" + asel).json().at("/items/0/id").asText();

      String first = form("version", "1", "case", cases.main().toString(), "person", marat, "type", "lawyer-of", "other", asel,
          "notes", "Saved first by a colleague", "confidentiality", "internal");
      assertThat(editor.postText("/relationships/" + id, first, FORM).status()).isEqualTo(303);

      String mine = form("version", "1", "case", cases.main().toString(), "person", marat, "type", "lawyer-of", "other", asel,
          "start", "summer 2021", "notes", "My careful wording", "confidentiality", "internal");
      Http.Response conflict = editor.postText("/relationships/" + id, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("Saved first by a colleague", "My careful wording", "summer 2021", "name=\"version\" value=\"2\"")
          .contains("Save my version over the current one", "Lawyer of");

      assertThat(editor.postText("/relationships/" + id, mine.replace("version=1", "version=2"), FORM).status()).isEqualTo(303);
      JsonNode stored = editor.get("/api/v1/relationships/" + id).json();
      assertThat(stored.get("notes").asText()).isEqualTo("My careful wording");
      assertThat(stored.get("start").asText()).isEqualTo("2021-06/2021-08");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerIsRefusedTheFormsAndAnOutsiderDoesNotFindThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Cases cases = importCases(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, cases.main(), true);
      Http viewer = member(casebook, server, "vera", Role.VIEWER, cases.main(), true);
      Http outsider = new Http(server.port()).withToken(TestCasebook.token(casebook, "otto", Role.EDITOR));
      String asel = personNamed(editor, cases.main(), "Asel Nurova");
      String marat = personNamed(editor, cases.main(), "Marat Nurov");
      String id = editor.get("/api/v1/relationships?person=" + asel).json().at("/items/0/id").asText();
      String change = form("version", "1", "person", asel, "type", "colleague", "other", marat, "confidentiality", "internal");

      assertThat(viewer.get("/cases/" + cases.main()).body()).contains("Marat Nurov is lawyer of Asel Nurova").doesNotContain("/relationships/");
      assertThat(viewer.get("/cases/" + cases.main() + "/relationships/new").status()).isEqualTo(403);
      assertThat(viewer.postText("/cases/" + cases.main() + "/relationships", change, FORM).status()).isEqualTo(403);
      assertThat(viewer.get("/relationships/" + id + "/edit").status()).isEqualTo(403);
      assertThat(viewer.postText("/relationships/" + id, change, FORM).status()).isEqualTo(403);

      assertThat(outsider.get("/cases/" + cases.main() + "/relationships/new").status()).isEqualTo(404);
      assertThat(outsider.postText("/cases/" + cases.main() + "/relationships", change, FORM).status()).isEqualTo(404);
      assertThat(outsider.get("/relationships/" + id + "/edit").status()).isEqualTo(404);
      Http.Response outsiderChange = outsider.postText("/relationships/" + id, change, FORM);
      assertThat(outsiderChange.status()).isEqualTo(404);
      assertThat(outsiderChange.body()).doesNotContain("Asel Nurova", "Family friends");

      assertThat(new Http(server.port()).get("/relationships/" + id + "/edit").status()).isEqualTo(401);
      assertThat(editor.get("/api/v1/relationships/" + id).json().get("type").asText()).isEqualTo("lawyer-of");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anEditorWithoutTheGrantNeitherSeesNorChangesTheNotes(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Cases cases = importCases(casebook);
      Http granted = member(casebook, server, "emma", Role.EDITOR, cases.main(), true).with("Accept-Language", "en");
      Http ungranted = member(casebook, server, "ulan", Role.EDITOR, cases.main(), false).with("Accept-Language", "en");
      String asel = personNamed(granted, cases.main(), "Asel Nurova");
      String marat = personNamed(granted, cases.main(), "Marat Nurov");
      String id = granted.get("/api/v1/relationships?person=" + asel).json().at("/items/0/id").asText();

      Http.Response form = ungranted.get("/relationships/" + id + "/edit?case=" + cases.main());
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("The notes are withheld from you", "name=\"withheld\" value=\"notes\"")
          .doesNotContain("Family friends", Redaction.MARK, "name=\"notes\"");

      Http.Response saved =
          ungranted.postText(
              "/relationships/" + id,
              form("version", "1", "case", cases.main().toString(), "person", marat, "type", "lawyer-of", "other", asel,
                  "start", "2020", "withheld", "notes", "confidentiality", "internal"),
              FORM);
      assertThat(saved.status()).as(saved.body()).isEqualTo(303);
      JsonNode stored = granted.get("/api/v1/relationships/" + id).json();
      assertThat(stored.get("start").asText()).isEqualTo("2020");
      assertThat(stored.get("notes").asText()).isEqualTo("Family friends");

      Http.Response markAsNotes =
          granted.postText(
              "/relationships/" + id,
              form("version", "2", "person", marat, "type", "lawyer-of", "other", asel, "notes", Redaction.MARK, "confidentiality", "internal"),
              FORM);
      assertThat(markAsNotes.status()).isEqualTo(422);
      assertThat(markAsNotes.body()).containsPattern("id=\"field-notes-error\">[^<]*mark that stands for withheld text");
      assertThat(granted.get("/api/v1/relationships/" + id).json().get("notes").asText()).isEqualTo("Family friends");
    }
  }

  /** The case file the tests work on, and another one with a person of its own. */
  private record Cases(UUID main, UUID other) {}

  private static Cases importCases(Casebook casebook) {
    String main =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: c, title: Relationships case, risk: high, status: open, subjects: [asel], confidentiality: internal}",
            "persons:",
            "  - {key: asel, name: Asel Nurova, confidentiality: internal}",
            "  - {key: marat, name: Marat Nurov, confidentiality: internal}",
            "relationships:",
            "  - {person: marat, type: lawyer-of, other: asel, notes: Family friends, confidentiality: internal}",
            "");
    String other =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: elsewhere, title: Another case, risk: low, status: open, subjects: [elsewhere-person], confidentiality: internal}",
            "persons:",
            "  - {key: elsewhere-person, name: Elsewhere Person, confidentiality: internal}",
            "");
    return new Cases(
        casebook.importer().importDocument(TestCasebook.TESTER, "main.yaml", main, null, false, Progress.NONE).caseId(),
        casebook.importer().importDocument(TestCasebook.TESTER, "other.yaml", other, null, false, Progress.NONE).caseId());
  }
}
