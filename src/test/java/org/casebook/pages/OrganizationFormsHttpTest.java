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
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The organization forms over real HTTP, on both stores: adding one to a case file (as one of its
 * organizations or as at risk), refusals with messages by the field, hostile text, edit conflicts,
 * and who may use them.
 */
class OrganizationFormsHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String ESCAPED = "&lt;script>alert(1)&lt;/script>";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anOrganizationIsAddedAndListedInTheCaseFileInOneStep(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId);

      Http.Response form = editor.get("/cases/" + caseId + "/organizations/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("name=\"name\"", "name=\"other_names[1].name\"", "name=\"registrations[1].outcome\"", "name=\"memberships[1].person\"")
          .contains("Asel Nurova", "Non-governmental organisation", "Registration refused", "Founder", "name=\"subject\"");
      String asel = option(form.body(), "Asel Nurova");

      Http.Response created =
          editor.postText(
              "/cases/" + caseId + "/organizations",
              form(
                  "name", "Freedom Foundation", "kind", "ngo", "country", "kz",
                  "other_names[0].name", "", "other_names[0].kind", "", "other_names[0].language", "",
                  "other_names[1].name", "Фонд «Свобода»", "other_names[1].kind", "transliteration", "other_names[1].language", "ru",
                  "registrations[0].authority", "Ministry of Justice", "registrations[0].country", "kz", "registrations[0].date", "March 2019",
                  "registrations[0].number", "", "registrations[0].outcome", "refused",
                  "registrations[1].authority", "", "registrations[1].country", "", "registrations[1].date", "",
                  "registrations[1].number", "", "registrations[1].outcome", "",
                  "memberships[0].person", "", "memberships[0].role", "", "memberships[0].start", "", "memberships[0].end", "",
                  "memberships[1].person", asel, "memberships[1].role", "founder", "memberships[1].start", "about 2016",
                  "memberships[1].end", "",
                  "notes", "Met the founder in July.", "confidentiality", "internal"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/cases/" + caseId + "#organization-");
      String id = location.substring(location.indexOf("#organization-") + "#organization-".length());

      JsonNode organization = editor.get("/api/v1/organizations/" + id).json();
      assertThat(organization.get("name").asText()).isEqualTo("Freedom Foundation");
      assertThat(organization.get("country").asText()).isEqualTo("KZ");
      assertThat(organization.get("other_names")).hasSize(1);
      assertThat(organization.at("/other_names/0/name").asText()).isEqualTo("Фонд «Свобода»");
      assertThat(organization.get("registrations")).hasSize(1);
      assertThat(organization.at("/registrations/0/date").asText()).isEqualTo("2019-03");
      assertThat(organization.at("/registrations/0/country").asText()).isEqualTo("KZ");
      assertThat(organization.get("memberships")).hasSize(1);
      assertThat(organization.at("/memberships/0/person").asText()).isEqualTo(asel);
      assertThat(organization.at("/memberships/0/start").asText()).isEqualTo("2016~");

      JsonNode caseFile = editor.get("/api/v1/cases/" + caseId).json();
      assertThat(caseFile.get("organizations").toString()).contains(id);
      assertThat(caseFile.get("subjects").toString()).doesNotContain(id);

      Http.Response atRisk =
          editor.postText(
              "/cases/" + caseId + "/organizations",
              form("name", "Banned Movement", "kind", "movement", "subject", "true", "confidentiality", "internal"),
              FORM);
      assertThat(atRisk.status()).as(atRisk.body()).isEqualTo(303);
      String subject = atRisk.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#organization-", "");
      caseFile = editor.get("/api/v1/cases/" + caseId).json();
      assertThat(caseFile.get("subjects").toString()).contains(subject);
      assertThat(caseFile.get("organizations").toString()).contains(subject, id);

      String page = editor.with("Accept-Language", "en").get("/cases/" + caseId).body();
      assertThat(page)
          .contains("id=\"organization-" + id + "\"", "/cases/" + caseId + "/organizations/new", "Add organization")
          .contains("href=\"/organizations/" + id + "/edit?case=" + caseId + "\"", "Edit: Freedom Foundation");

      Http.Response edit = editor.get("/organizations/" + id + "/edit?case=" + caseId);
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body())
          .contains("name=\"version\" value=\"1\"", "name=\"case\" value=\"" + caseId + "\"", "value=\"Фонд «Свобода»\"")
          .contains("name=\"memberships[0].start\" type=\"text\" value=\"about 2016\"", "name=\"memberships[2].person\"")
          .doesNotContain("name=\"subject\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormComesBackWithTheMessageNextToTheFieldAndWhatWasTyped(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId).with("Accept-Language", "en");
      String asel = option(editor.get("/cases/" + caseId + "/organizations/new").body(), "Asel Nurova");

      Http.Response refused =
          editor.postText(
              "/cases/" + caseId + "/organizations",
              form(
                  "name", " ", "country", "Kazakhstan",
                  "memberships[0].person", "", "memberships[0].role", "", "memberships[0].start", "", "memberships[0].end", "",
                  "memberships[1].person", asel, "memberships[1].role", "", "memberships[1].start", "sometime early on",
                  "memberships[1].end", "",
                  "notes", "Typed with care", "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      String body = refused.body();
      assertThat(body).contains("<a href=\"#field-name\">", "id=\"field-name-error\"", "id=\"field-country-error\"");
      assertThat(body).containsPattern("id=\"field-name\"[^>]*aria-invalid=\"true\"");
      assertThat(body).contains("id=\"field-memberships-0-start-error\"", "id=\"field-memberships-0-role-error\"");
      assertThat(body).contains("value=\"sometime early on\"", "value=\"Kazakhstan\"", "Typed with care");
      assertThat(body).containsPattern("<option value=\"" + asel + "\" selected>Asel Nurova</option>");
      assertThat(editor.get("/api/v1/organizations?case=" + caseId).json().get("total").asInt()).as("only the imported one").isEqualTo(1);
      assertThat(editor.get("/api/v1/cases/" + caseId).json().get("version").asInt()).isEqualTo(1);

      Http.Response russian =
          editor.with("Accept-Language", "ru").postText("/cases/" + caseId + "/organizations", form("name", "", "confidentiality", "internal"), FORM);
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить", "Добавить организацию");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void markupComesBackEscapedAndSqlMetacharactersAreStoredVerbatim(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId).with("Accept-Language", "en");
      String sql = "O'Brien\"; DROP TABLE organizations; -- 100% _done_ \\";

      Http.Response refused =
          editor.postText(
              "/cases/" + caseId + "/organizations",
              form(
                  "name", HOSTILE, "country", HOSTILE, "notes", HOSTILE,
                  "other_names[0].name", HOSTILE, "other_names[0].kind", "alias", "other_names[0].language", HOSTILE,
                  "registrations[0].authority", HOSTILE, "registrations[0].country", HOSTILE, "registrations[0].date", HOSTILE,
                  "registrations[0].number", HOSTILE, "registrations[0].outcome", "registered",
                  "memberships[0].person", HOSTILE, "memberships[0].role", "member", "memberships[0].start", HOSTILE,
                  "memberships[0].end", HOSTILE, "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body()).doesNotContain(HOSTILE).contains("value=\"" + ESCAPED + "\"");
      assertThat(count(refused.body(), "value=\"" + ESCAPED + "\"")).isGreaterThanOrEqualTo(8);

      Http.Response created =
          editor.postText(
              "/cases/" + caseId + "/organizations",
              form(
                  "name", HOSTILE, "notes", sql,
                  "other_names[0].name", sql, "other_names[0].kind", "alias", "other_names[0].language", "",
                  "registrations[0].authority", HOSTILE, "registrations[0].country", "", "registrations[0].date", "",
                  "registrations[0].number", sql, "registrations[0].outcome", "registered",
                  "confidentiality", "internal"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String id = created.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#organization-", "");
      JsonNode organization = editor.get("/api/v1/organizations/" + id).json();
      assertThat(organization.get("name").asText()).isEqualTo(HOSTILE);
      assertThat(organization.get("notes").asText()).isEqualTo(sql);
      assertThat(organization.at("/other_names/0/name").asText()).isEqualTo(sql);
      assertThat(organization.at("/registrations/0/number").asText()).isEqualTo(sql);
      assertThat(editor.get("/api/v1/organizations?q=" + URLEncoder.encode("O'Brien", StandardCharsets.UTF_8)).json().get("total").asInt())
          .isEqualTo(1);

      String page = editor.get("/cases/" + caseId).body();
      assertThat(page).doesNotContain(HOSTILE).contains("&lt;script");
      String edit = editor.get("/organizations/" + id + "/edit?case=" + caseId).body();
      assertThat(edit).doesNotContain(HOSTILE).contains("value=\"" + ESCAPED + "\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId).with("Accept-Language", "en");
      String id = editor.get("/api/v1/organizations?case=" + caseId).json().at("/items/0/id").asText();

      Http.Response edit = editor.get("/organizations/" + id + "/edit?case=" + caseId);
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body()).contains("name=\"version\" value=\"1\"", "value=\"Legal Aid Bureau\"");

      String first = form("version", "1", "case", caseId.toString(), "name", "Legal Aid Bureau (renamed by a colleague)", "confidentiality", "internal");
      assertThat(editor.postText("/organizations/" + id, first, FORM).status()).isEqualTo(303);

      String mine = form("version", "1", "case", caseId.toString(), "name", "Legal Aid Bureau of Almaty", "country", "KZ", "confidentiality", "internal");
      Http.Response conflict = editor.postText("/organizations/" + id, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("Legal Aid Bureau (renamed by a colleague)", "Legal Aid Bureau of Almaty", "name=\"version\" value=\"2\"")
          .contains("Save my version over the current one", "name=\"case\" value=\"" + caseId + "\"");

      String again = form("version", "2", "case", caseId.toString(), "name", "Legal Aid Bureau of Almaty", "country", "KZ", "confidentiality", "internal");
      Http.Response saved = editor.postText("/organizations/" + id, again, FORM);
      assertThat(saved.status()).isEqualTo(303);
      assertThat(saved.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/cases/" + caseId + "#organization-" + id);
      JsonNode stored = editor.get("/api/v1/organizations/" + id).json();
      assertThat(stored.get("name").asText()).isEqualTo("Legal Aid Bureau of Almaty");
      assertThat(stored.get("version").asInt()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerIsRefusedTheFormsAndAnOutsiderDoesNotFindThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http base = new Http(server.port()).with("Accept-Language", "en");
      Http editor = editor(casebook, server, caseId);
      Http viewer = base.withToken(TestCasebook.token(casebook, "vera", Role.VIEWER));
      casebook.teams().addMember(caseId, casebook.accounts().findUser("vera").orElseThrow().id(), true);
      Http outsider = base.withToken(TestCasebook.token(casebook, "otto", Role.EDITOR));
      String id = editor.get("/api/v1/organizations?case=" + caseId).json().at("/items/0/id").asText();
      String update = form("version", "1", "case", caseId.toString(), "name", "Taken over", "confidentiality", "internal");

      assertThat(viewer.get("/cases/" + caseId).body()).doesNotContain("/organizations/new", "/organizations/" + id + "/edit");
      assertThat(viewer.get("/cases/" + caseId + "/organizations/new").status()).isEqualTo(403);
      assertThat(viewer.get("/organizations/" + id + "/edit?case=" + caseId).status()).isEqualTo(403);
      assertThat(viewer.postText("/cases/" + caseId + "/organizations", form("name", "x", "confidentiality", "internal"), FORM).status()).isEqualTo(403);
      assertThat(viewer.postText("/organizations/" + id, update, FORM).status()).isEqualTo(403);

      assertThat(outsider.get("/cases/" + caseId + "/organizations/new").status()).isEqualTo(404);
      assertThat(outsider.get("/organizations/" + id + "/edit?case=" + caseId).status()).isEqualTo(404);
      assertThat(outsider.postText("/cases/" + caseId + "/organizations", form("name", "x", "confidentiality", "internal"), FORM).status()).isEqualTo(404);
      assertThat(outsider.postText("/organizations/" + id, update, FORM).status()).isEqualTo(404);

      assertThat(base.get("/cases/" + caseId + "/organizations/new").status()).isEqualTo(401);
      assertThat(editor.get("/organizations/" + id + "/edit").status()).as("no case file to go back to").isEqualTo(404);
      assertThat(editor.get("/api/v1/organizations?case=" + caseId).json().get("total").asInt()).isEqualTo(1);
      assertThat(editor.get("/api/v1/organizations/" + id).json().get("name").asText()).isEqualTo("Legal Aid Bureau");
    }
  }

  /** An editor on the case file's team, with the restricted grant. */
  private static Http editor(Casebook casebook, WebServer server, UUID caseId) {
    Http editor = new Http(server.port()).withToken(TestCasebook.token(casebook, "edith", Role.EDITOR));
    casebook.teams().addMember(caseId, casebook.accounts().findUser("edith").orElseThrow().id(), true);
    return editor;
  }

  private static UUID importCase(Casebook casebook) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: c, title: Organizations case, risk: high, status: open, subjects: [asel], confidentiality: internal}",
            "persons:",
            "  - {key: asel, name: Asel Nurova, confidentiality: internal}",
            "organizations:",
            "  - {key: bureau, name: Legal Aid Bureau, confidentiality: internal}",
            "");
    return casebook.importer().importDocument(TestCasebook.TESTER, "organizations.yaml", document, null, false, Progress.NONE).caseId();
  }

  /** The value of the option whose label is {@code label}. */
  private static String option(String html, String label) {
    Matcher option = Pattern.compile("<option value=\"([^\"]*)\"[^>]*>" + Pattern.quote(label) + "</option>").matcher(html);
    assertThat(option.find()).as("an option " + label).isTrue();
    return option.group(1);
  }

  private static int count(String text, String part) {
    int found = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      found++;
    }
    return found;
  }

  private static String form(String... namesAndValues) {
    List<String> pairs = new ArrayList<>();
    for (int index = 0; index < namesAndValues.length; index += 2) {
      pairs.add(
          URLEncoder.encode(namesAndValues[index], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(namesAndValues[index + 1], StandardCharsets.UTF_8));
    }
    return String.join("&", pairs);
  }
}
