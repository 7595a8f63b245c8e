package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The person forms over real HTTP: adding a person to a case file (at risk or not) in one step,
 * refusals by the field, hostile text, edit conflicts, who may use them, and a protected person's
 * identity kept from an editor without the restricted grant.
 */
class PersonFormsHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String HOSTILE = "<script>alert(1)</script>";
  /** {@link #HOSTILE} escaped in an attribute value, and in text. */
  private static final String ESCAPED = "&lt;script>alert(1)&lt;/script>";

  private static final String ESCAPED_TEXT = "&lt;script&gt;alert(1)&lt;/script&gt;";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPersonAddedAtRiskIsListedInTheCaseFileAndAnchoredOnItsPage(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, caseId, true);

      Http.Response form = editor.get("/cases/" + caseId + "/persons/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("name=\"name\"", "name=\"other_names[0].name\"", "name=\"other_names[1].kind\"", "Transliteration")
          .contains("name=\"birth_date\"", "name=\"citizenship\"", "name=\"protected\"", "name=\"subject\"", "Male");

      Http.Response created =
          editor.postText(
              "/cases/" + caseId + "/persons",
              form("name", "Marat Nurov", "other_names[0].name", "Марат Нуров", "other_names[0].kind", "transliteration",
                  "other_names[0].language", "ru", "other_names[1].name", "", "other_names[1].kind", "", "other_names[1].language", "",
                  "sex", "male", "birth_date", "July 1980", "citizenship", "kz, ru", "occupation", "Lawyer",
                  "subject", "true", "notes", "Reached through his sister", "confidentiality", "internal"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/cases/" + caseId + "#person-");
      String personId = location.substring(location.indexOf("#person-") + "#person-".length());

      JsonNode person = editor.get("/api/v1/persons/" + personId).json();
      assertThat(person.get("name").asText()).isEqualTo("Marat Nurov");
      assertThat(person.at("/other_names/0/name").asText()).isEqualTo("Марат Нуров");
      assertThat(person.at("/other_names/0/language").asText()).isEqualTo("ru");
      assertThat(person.get("other_names")).hasSize(1);
      assertThat(person.get("birth_date").asText()).isEqualTo("1980-07");
      assertThat(person.get("citizenship").toString()).isEqualTo("[\"KZ\",\"RU\"]");
      assertThat(person.get("notes").asText()).isEqualTo("Reached through his sister");
      JsonNode caseFile = editor.get("/api/v1/cases/" + caseId).json();
      assertThat(ids(caseFile.get("subjects"))).contains(personId);
      assertThat(ids(caseFile.get("persons"))).contains(personId);
      assertThat(caseFile.get("version").asInt()).isEqualTo(2);

      Http.Response relative =
          editor.postText("/cases/" + caseId + "/persons", form("name", "Aigul Nurova", "confidentiality", "internal"), FORM);
      assertThat(relative.status()).isEqualTo(303);
      String relativeId = relative.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#person-", "");
      JsonNode linked = editor.get("/api/v1/cases/" + caseId).json();
      assertThat(ids(linked.get("persons"))).contains(relativeId);
      assertThat(ids(linked.get("subjects"))).doesNotContain(relativeId);

      String page = editor.get("/cases/" + caseId).body();
      assertThat(page)
          .contains("id=\"person-" + personId + "\"", "href=\"/persons/" + personId + "/edit?case=" + caseId + "\"")
          .contains("href=\"/cases/" + caseId + "/persons/new\"", "href=\"/cases/" + caseId + "/relationships/new\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormComesBackWithTheMessagesNextToTheFieldsAndWhatWasTyped(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, caseId, true).with("Accept-Language", "en");
      long persons = total(editor, "/api/v1/persons?case=" + caseId);

      Http.Response refused =
          editor.postText(
              "/cases/" + caseId + "/persons",
              form("name", " ", "other_names[0].name", "", "other_names[0].kind", "", "other_names[0].language", "",
                  "other_names[1].name", "Marat N.", "other_names[1].kind", "", "other_names[1].language", "ru",
                  "birth_date", "early 1980", "citizenship", "KZ, Kazakhstan", "occupation", "Lawyer", "subject", "true",
                  "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      String body = refused.body();
      assertThat(body)
          .contains("<a href=\"#field-name\">", "<a href=\"#field-birth-date\">", "<a href=\"#field-citizenship\">")
          .contains("id=\"field-name-error\"", "id=\"field-birth-date-error\"", "id=\"field-other-names-0-kind-error\"")
          .containsPattern("id=\"field-name\"[^>]*aria-invalid=\"true\"")
          .containsPattern("id=\"field-birth-date\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"field-birth-date-hint field-birth-date-error\"")
          .contains("value=\"early 1980\"", "value=\"Lawyer\"", "value=\"KZ, Kazakhstan\"", "value=\"Marat N.\"")
          .containsPattern("id=\"field-subject\"[^>]*checked");
      assertThat(total(editor, "/api/v1/persons?case=" + caseId)).isEqualTo(persons);
      assertThat(editor.get("/api/v1/cases/" + caseId).json().get("version").asInt()).isEqualTo(1);

      Http.Response russian =
          editor.with("Accept-Language", "ru").postText("/cases/" + caseId + "/persons", form("name", "", "birth_date", "начало 1980"), FORM);
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить", "value=\"начало 1980\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void markupComesBackEscapedAndSqlMetacharactersAreStoredVerbatim(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, caseId, true);

      Http.Response refused =
          editor.postText(
              "/cases/" + caseId + "/persons",
              form("name", HOSTILE, "other_names[0].name", HOSTILE, "other_names[0].kind", "alias", "other_names[0].language", HOSTILE,
                  "birth_date", HOSTILE, "citizenship", HOSTILE, "occupation", HOSTILE, "notes", HOSTILE, "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body()).doesNotContain(HOSTILE).contains("value=\"" + ESCAPED + "\"", ">" + ESCAPED_TEXT + "</textarea>");

      Http.Response saved =
          editor.postText(
              "/cases/" + caseId + "/persons",
              form("name", HOSTILE, "other_names[0].name", HOSTILE, "other_names[0].kind", "alias", "occupation", HOSTILE,
                  "notes", HOSTILE, "confidentiality", "internal"),
              FORM);
      assertThat(saved.status()).as(saved.body()).isEqualTo(303);
      String personId = saved.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#person-", "");
      assertThat(editor.get("/api/v1/persons/" + personId).json().get("name").asText()).isEqualTo(HOSTILE);
      assertThat(editor.get("/cases/" + caseId).body()).doesNotContain(HOSTILE).contains("<span class=\"name\">" + ESCAPED_TEXT + "</span>");
      String edit = editor.get("/persons/" + personId + "/edit?case=" + caseId).body();
      assertThat(edit).doesNotContain(HOSTILE).contains("value=\"" + ESCAPED + "\"", ">" + ESCAPED_TEXT + "</textarea>");

      String sql = "Robert'); DROP TABLE persons;-- 100% _x_ \\ \"quoted\"";
      Http.Response metacharacters =
          editor.postText(
              "/cases/" + caseId + "/persons",
              form("name", sql, "other_names[0].name", sql, "other_names[0].kind", "alias", "occupation", sql, "notes", sql,
                  "confidentiality", "internal"),
              FORM);
      assertThat(metacharacters.status()).as(metacharacters.body()).isEqualTo(303);
      String sqlId = metacharacters.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#person-", "");
      JsonNode stored = editor.get("/api/v1/persons/" + sqlId).json();
      assertThat(stored.get("name").asText()).isEqualTo(sql);
      assertThat(stored.at("/other_names/0/name").asText()).isEqualTo(sql);
      assertThat(stored.get("occupation").asText()).isEqualTo(sql);
      assertThat(stored.get("notes").asText()).isEqualTo(sql);
      assertThat(total(editor, "/api/v1/persons?q=" + URLEncoder.encode("100% _x_", StandardCharsets.UTF_8))).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, caseId, true).with("Accept-Language", "en");
      String personId = personNamed(editor, caseId, "Asel Nurova");

      Http.Response edit = editor.get("/persons/" + personId + "/edit?case=" + caseId);
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body())
          .contains("name=\"version\" value=\"1\"", "name=\"case\" value=\"" + caseId + "\"", "value=\"Asel Nurova\"")
          .contains("value=\"Асель Нурова\"", "value=\"March 1985\"", "Stored now as 1985-03 (EDTF)", "value=\"KZ\"");

      String first = form("version", "1", "case", caseId.toString(), "name", "Asel Nurova", "occupation", "Saved first by a colleague",
          "birth_date", "March 1985", "citizenship", "KZ", "confidentiality", "internal");
      Http.Response saved = editor.postText("/persons/" + personId, first, FORM);
      assertThat(saved.status()).isEqualTo(303);
      assertThat(saved.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/cases/" + caseId + "#person-" + personId);

      String mine = form("version", "1", "case", caseId.toString(), "name", "Asel Nurova", "occupation", "My careful wording",
          "birth_date", "spring 1985", "citizenship", "KZ", "confidentiality", "internal");
      Http.Response conflict = editor.postText("/persons/" + personId, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("Saved first by a colleague", "My careful wording", "spring 1985", "name=\"version\" value=\"2\"")
          .contains("Save my version over the current one");

      String again = mine.replace("version=1", "version=2");
      assertThat(editor.postText("/persons/" + personId, again, FORM).status()).isEqualTo(303);
      JsonNode stored = editor.get("/api/v1/persons/" + personId).json();
      assertThat(stored.get("occupation").asText()).isEqualTo("My careful wording");
      assertThat(stored.get("birth_date").asText()).isEqualTo("1985-03/1985-05");
      assertThat(stored.get("other_names")).as("other names left out of the form are removed").isEmpty();

      Http.Response withoutCase =
          editor.postText("/persons/" + personId, form("version", "3", "name", "Asel Nurova", "confidentiality", "internal"), FORM);
      assertThat(withoutCase.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/cases/" + caseId + "#person-" + personId);
      Http.Response unlinkedCase =
          editor.postText(
              "/persons/" + personId,
              form("version", "4", "case", UUID.randomUUID().toString(), "name", "Asel Nurova", "confidentiality", "internal"),
              FORM);
      assertThat(unlinkedCase.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/cases/" + caseId + "#person-" + personId);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerIsRefusedTheFormsAndAnOutsiderDoesNotFindThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = member(casebook, server, "emma", Role.EDITOR, caseId, true);
      Http viewer = member(casebook, server, "vera", Role.VIEWER, caseId, true);
      Http outsider = new Http(server.port()).withToken(TestCasebook.token(casebook, "otto", Role.EDITOR));
      Http anonymous = new Http(server.port());
      String personId = personNamed(editor, caseId, "Asel Nurova");
      long persons = total(editor, "/api/v1/persons");
      String change = form("version", "1", "name", "Changed", "confidentiality", "internal");

      assertThat(viewer.get("/cases/" + caseId).body()).doesNotContain("/persons/new", "/persons/" + personId + "/edit");
      assertThat(viewer.get("/cases/" + caseId + "/persons/new").status()).isEqualTo(403);
      assertThat(viewer.postText("/cases/" + caseId + "/persons", form("name", "Someone"), FORM).status()).isEqualTo(403);
      assertThat(viewer.get("/persons/" + personId + "/edit").status()).isEqualTo(403);
      assertThat(viewer.postText("/persons/" + personId, change, FORM).status()).isEqualTo(403);

      assertThat(outsider.get("/cases/" + caseId + "/persons/new").status()).isEqualTo(404);
      assertThat(outsider.postText("/cases/" + caseId + "/persons", form("name", "Someone", "confidentiality", "internal"), FORM).status())
          .isEqualTo(404);
      assertThat(outsider.get("/persons/" + personId + "/edit").status()).isEqualTo(404);
      Http.Response outsiderChange = outsider.postText("/persons/" + personId, change, FORM);
      assertThat(outsiderChange.status()).isEqualTo(404);
      assertThat(outsiderChange.body()).doesNotContain("Asel Nurova");

      assertThat(anonymous.get("/cases/" + caseId + "/persons/new").status()).isEqualTo(401);
      assertThat(anonymous.get("/persons/" + personId + "/edit").status()).isEqualTo(401);

      assertThat(total(editor, "/api/v1/persons")).isEqualTo(persons);
      assertThat(editor.get("/api/v1/persons/" + personId).json().get("name").asText()).isEqualTo("Asel Nurova");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anEditorWithoutTheGrantNeitherSeesNorChangesAProtectedIdentity(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http granted = member(casebook, server, "emma", Role.EDITOR, caseId, true).with("Accept-Language", "en");
      Http ungranted = member(casebook, server, "ulan", Role.EDITOR, caseId, false).with("Accept-Language", "en");
      String protectedId = personNamed(granted, caseId, "Dana Protected");
      String witnessId = personNamed(granted, caseId, "Bolat Witness");

      assertThat(ungranted.get("/cases/" + caseId).body()).contains("Edit the person whose name is withheld");
      Http.Response form = ungranted.get("/persons/" + protectedId + "/edit?case=" + caseId);
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .doesNotContain("Dana Protected", "Дана", "A secret address", "teacher", Redaction.MARK)
          .doesNotContain("name=\"name\"", "name=\"notes\"", "name=\"protected\"")
          .contains("This person is protected", "name=\"withheld\" value=\"identity\"");

      Http.Response saved =
          ungranted.postText(
              "/persons/" + protectedId,
              form("version", "1", "case", caseId.toString(), "withheld", "identity", "confidentiality", "public"),
              FORM);
      assertThat(saved.status()).as(saved.body()).isEqualTo(303);
      JsonNode kept = granted.get("/api/v1/persons/" + protectedId).json();
      assertThat(kept.get("name").asText()).isEqualTo("Dana Protected");
      assertThat(kept.at("/other_names/0/name").asText()).isEqualTo("Дана");
      assertThat(kept.get("occupation").asText()).isEqualTo("teacher");
      assertThat(kept.get("notes").asText()).isEqualTo("A secret address");
      assertThat(kept.get("protected").asBoolean()).isTrue();
      assertThat(kept.get("confidentiality").asText()).isEqualTo("public");

      Http.Response forged =
          ungranted.postText(
              "/persons/" + protectedId,
              form("version", "2", "name", Redaction.MARK, "notes", Redaction.MARK, "confidentiality", "internal"),
              FORM);
      assertThat(forged.status()).isEqualTo(303);
      assertThat(granted.get("/api/v1/persons/" + protectedId).json().get("name").asText()).isEqualTo("Dana Protected");

      Http.Response markAsName =
          granted.postText("/persons/" + protectedId, form("version", "3", "name", Redaction.MARK, "protected", "true", "confidentiality", "internal"), FORM);
      assertThat(markAsName.status()).isEqualTo(422);
      assertThat(markAsName.body()).containsPattern("id=\"field-name-error\">[^<]*mark that stands for withheld text");
      assertThat(granted.get("/api/v1/persons/" + protectedId).json().get("name").asText()).isEqualTo("Dana Protected");
      Http.Response newMark =
          granted.postText("/cases/" + caseId + "/persons", form("name", Redaction.MARK, "confidentiality", "internal"), FORM);
      assertThat(newMark.status()).isEqualTo(422);

      Http.Response witness = ungranted.get("/persons/" + witnessId + "/edit?case=" + caseId);
      assertThat(witness.body())
          .contains("value=\"Bolat Witness\"", "The notes are withheld from you", "name=\"withheld\" value=\"notes\"")
          .doesNotContain("Met at the border", Redaction.MARK, "name=\"notes\"", "name=\"protected\"");
      casebook.teams().addMember(caseId, casebook.accounts().findUser("ulan").orElseThrow().id(), true);
      Http.Response grantedMeanwhile =
          ungranted.postText(
              "/persons/" + witnessId,
              form("version", "1", "case", caseId.toString(), "name", "Bolat Witness", "occupation", "driver", "withheld", "notes",
                  "confidentiality", "internal"),
              FORM);
      assertThat(grantedMeanwhile.status()).as(grantedMeanwhile.body()).isEqualTo(303);
      JsonNode witnessStored = granted.get("/api/v1/persons/" + witnessId).json();
      assertThat(witnessStored.get("occupation").asText()).isEqualTo("driver");
      assertThat(witnessStored.get("notes").asText()).isEqualTo("Met at the border");
    }
  }

  /** A user of {@code role} on the case file's team, with or without the restricted grant. */
  static Http member(Casebook casebook, WebServer server, String name, Role role, UUID caseId, boolean grant) {
    String token = TestCasebook.token(casebook, name, role);
    casebook.teams().addMember(caseId, casebook.accounts().findUser(name).orElseThrow().id(), grant);
    return new Http(server.port()).withToken(token);
  }

  private static UUID importCase(Casebook casebook) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: c, title: People case, risk: high, status: open, subjects: [asel], confidentiality: internal}",
            "persons:",
            "  - {key: asel, name: Asel Nurova, other_names: [{name: Асель Нурова, kind: transliteration, language: ru}],",
            "     birth_date: 1985-03, citizenship: [KZ], confidentiality: internal}",
            "  - {key: dana, name: Dana Protected, other_names: [{name: Дана, kind: alias}], occupation: teacher,",
            "     protected: true, notes: A secret address, confidentiality: internal}",
            "  - {key: bolat, name: Bolat Witness, notes: Met at the border, confidentiality: internal}",
            "");
    return casebook.importer().importDocument(TestCasebook.TESTER, "people.yaml", document, null, false, Progress.NONE).caseId();
  }

  /** The id of the person of the case file named {@code name}, read through the API. */
  static String personNamed(Http http, UUID caseId, String name) {
    for (JsonNode person : http.get("/api/v1/persons?case=" + caseId).json().get("items")) {
      if (person.get("name").asText().equals(name)) {
        return person.get("id").asText();
      }
    }
    throw new AssertionError("no person named " + name);
  }

  static long total(Http http, String path) {
    return http.get(path).json().get("total").asLong();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /** The value of the option whose label is {@code label}. */
  static String option(String html, String label) {
    Matcher option = Pattern.compile("<option value=\"([^\"]*)\"[^>]*>" + Pattern.quote(label) + "</option>").matcher(html);
    assertThat(option.find()).as("an option " + label).isTrue();
    return option.group(1);
  }

  static String form(String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int index = 0; index < namesAndValues.length; index += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(namesAndValues[index], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(namesAndValues[index + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }
}
