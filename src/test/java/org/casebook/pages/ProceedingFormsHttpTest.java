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
 * The proceeding forms over real HTTP, on both stores: adding a proceeding with charges picked from
 * the catalogue, parties and a dated history; refusals by the field; hostile input; edit conflicts;
 * who may use the forms.
 */
class ProceedingFormsHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String HOSTILE = "<script>alert(1)</script>";
  /** The markup as jte writes it into an attribute, and into text. */
  private static final String ESCAPED = "&lt;script>alert(1)&lt;/script>";
  private static final String ESCAPED_TEXT = "&lt;script&gt;alert(1)&lt;/script&gt;";
  private static final String SQL = "Robert'); DROP TABLE proceedings; -- \" % _ \\";
  private static final Pattern SVG = Pattern.compile("(?s)<svg.*?</svg>");
  private static final Pattern LANE = Pattern.compile("(?s)<g class=\"lane\">\\s*<title>([^<]*)</title>(.*?)\\n</g>");

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aProceedingWithAChargeAPartyAndTwoStatusChangesAppearsInTheTableAndTheDrawing(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId, true);

      Http.Response form = editor.get("/cases/" + caseId + "/proceedings/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("<optgroup label=\"KZ-CC — Criminal Code of the Republic of Kazakhstan\">")
          .contains(">KZ-CC 274 — Dissemination of knowingly false information</option>")
          .contains("name=\"charges[1].paragraph\"", "name=\"parties[1].role\"", "name=\"history[1].sources\"")
          .doesNotContain("name=\"charges[2].provision\"")
          .contains("Asel Nurova", "Freedom Watch Almaty", "A news report", "Suspect", "Opened");

      Http.Response created =
          editor.postText(
              "/cases/" + caseId + "/proceedings",
              form(
                  "kind", "criminal", "title", "Criminal case on false information", "authority", "Almaty police",
                  "jurisdiction", "kz", "number", "No. 2023-0117",
                  "charges[0].provision", "", "charges[0].part", "", "charges[0].paragraph", "",
                  "charges[1].provision", "KZ-CC 274", "charges[1].part", "2", "charges[1].paragraph", "3",
                  "parties[0].person", option(form.body(), "Asel Nurova"), "parties[0].organization", "", "parties[0].name", "",
                  "parties[0].role", "suspect",
                  "parties[1].person", "", "parties[1].organization", "", "parties[1].name", "", "parties[1].role", "",
                  "history[0].date", "July 2016", "history[0].status", "opened", "history[0].note", "",
                  "history[0].sources", option(form.body(), "A news report"),
                  "history[1].date", "3 февраля 2017 г.", "history[1].status", "charged", "history[1].note", "at the police station",
                  "history[2].date", "", "history[2].status", "", "history[2].note", "",
                  "outcome.summary", "Fined", "outcome.fine.amount", "560 000", "outcome.fine.currency", "kzt",
                  "notes", "Lawyer's phone in the file", "confidentiality", "internal"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/cases/" + caseId + "#proceeding-");
      String id = location.substring(location.indexOf("#proceeding-") + "#proceeding-".length());

      JsonNode stored = editor.get("/api/v1/proceedings/" + id).json();
      assertThat(stored.at("/charges/0/citation").asText()).isEqualTo("KZ-CC 274(2)(3)");
      assertThat(stored.get("charges")).hasSize(1);
      assertThat(stored.at("/parties/0/role").asText()).isEqualTo("suspect");
      assertThat(stored.get("parties")).hasSize(1);
      assertThat(stored.at("/history/0/date").asText()).isEqualTo("2016-07");
      assertThat(stored.at("/history/0/sources/0").asText()).isEqualTo(option(form.body(), "A news report"));
      assertThat(stored.at("/history/1/date").asText()).isEqualTo("2017-02-03");
      assertThat(stored.at("/history/1/note").asText()).isEqualTo("at the police station");
      assertThat(stored.at("/outcome/fine/amount").decimalValue()).isEqualByComparingTo("560000");
      assertThat(stored.at("/outcome/fine/currency").asText()).isEqualTo("KZT");
      assertThat(stored.get("jurisdiction").asText()).isEqualTo("KZ");

      String casePage = editor.get("/cases/" + caseId).body();
      assertThat(casePage)
          .contains("href=\"/cases/" + caseId + "/proceedings/new\"", "href=\"/proceedings/" + id + "/edit\"")
          .containsPattern("<tr id=\"proceeding-" + id + "\">\\s*<th scope=\"row\">Criminal case on false information")
          .contains("KZ-CC 274(2)(3)</span> Dissemination of knowingly false information");
      Matcher svg = SVG.matcher(casePage);
      assertThat(svg.find()).as("the drawing of the proceedings").isTrue();
      List<String> lanes = new ArrayList<>();
      Matcher lane = LANE.matcher(svg.group());
      while (lane.find()) {
        lanes.add(lane.group(1));
        if (lane.group(1).equals("Criminal case on false information")) {
          assertThat(lane.group(2)).contains("<title>Opened: July 2016</title>", "<title>Charged: 3 February 2017</title>");
        }
      }
      assertThat(lanes).contains("Criminal case on false information");

      Http.Response edit = editor.get("/proceedings/" + id + "/edit");
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body())
          .contains("name=\"version\" value=\"1\"", "value=\"July 2016\"", "value=\"3 February 2017\"", "value=\"560000\"")
          .containsPattern("<option value=\"KZ-CC 274\" selected>KZ-CC 274 — ")
          .containsPattern("name=\"charges\\[0]\\.part\" type=\"text\" value=\"2\"")
          .containsPattern("name=\"charges\\[0]\\.paragraph\" type=\"text\" value=\"3\"")
          .contains("name=\"charges[2].provision\"")
          .doesNotContain("name=\"charges[3].provision\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormShowsEachMessageNextToItsFieldAndKeepsEverythingTyped(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId, true);

      Http.Response refused =
          editor.postText(
              "/cases/" + caseId + "/proceedings",
              form(
                  "kind", "criminal", "title", "", "authority", "Almaty police",
                  "charges[0].provision", "KZ-CC 999", "charges[0].part", "1", "charges[0].paragraph", "",
                  "charges[1].provision", "KZ-CC 274", "charges[1].part", "", "charges[1].paragraph", "3",
                  "history[0].date", "2016", "history[0].status", "opened", "history[0].note", "kept note",
                  "history[1].date", "", "history[1].status", "", "history[1].note", "",
                  "history[2].date", "the day after the storm", "history[2].status", "charged", "history[2].note", "",
                  "outcome.summary", "", "outcome.fine.amount", "12 тыс.", "outcome.fine.currency", "KZT",
                  "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      String body = refused.body();
      assertThat(body).contains("<a href=\"#field-title\">");
      assertInvalid(body, "field-title", "Required.");
      assertInvalid(body, "field-charges-0-provision", "Article 999 of KZ-CC is not in the legal catalogue");
      assertInvalid(body, "field-charges-1-paragraph", "A paragraph is cited within a part");
      assertInvalid(body, "field-history-1-date", "the day after the storm");
      assertInvalid(body, "field-outcome-fine-amount", "is not an amount");
      assertThat(body)
          .contains("<option value=\"KZ-CC 999\" selected>KZ-CC 999 (not in the list)</option>")
          .containsPattern("<option value=\"KZ-CC 274\" selected>KZ-CC 274 — ")
          .contains("value=\"Almaty police\"", "value=\"kept note\"", "value=\"the day after the storm\"", "value=\"12 тыс.\"")
          .containsPattern("name=\"history\\[0]\\.date\" type=\"text\" value=\"2016\"")
          .contains("name=\"history[3].date\"")
          .doesNotContain("name=\"history[4].date\"");
      assertThat(body).doesNotContain("aria-invalid=\"true\" aria-describedby=\"field-history-0");
      assertThat(editor.get("/api/v1/proceedings?case=" + caseId).json().get("total").asInt()).isZero();

      Http.Response russian =
          editor.with("Accept-Language", "ru").postText(
              "/cases/" + caseId + "/proceedings",
              form("kind", "criminal", "title", "Дело", "outcome.fine.amount", "1,000,000", "outcome.fine.currency", "KZT",
                  "confidentiality", "internal"),
              FORM);
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить", "«1,000,000» — не сумма");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void markupComesBackEscapedAndSqlMetacharactersAreStoredVerbatim(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId, true);

      Http.Response refused = editor.postText("/cases/" + caseId + "/proceedings", everyTextField(HOSTILE), FORM);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body()).doesNotContain(HOSTILE).contains("value=\"" + ESCAPED + "\"", ">" + ESCAPED_TEXT + "</textarea>");
      assertThat(refused.body()).contains("<option value=\"" + ESCAPED + "\" selected>");

      String hostile =
          form("kind", "criminal", "title", HOSTILE, "authority", HOSTILE, "number", HOSTILE,
              "parties[0].name", HOSTILE, "parties[0].role", "judge",
              "history[0].date", "2016", "history[0].status", "opened", "history[0].note", HOSTILE,
              "outcome.summary", HOSTILE, "notes", HOSTILE, "confidentiality", "internal");
      Http.Response created = editor.postText("/cases/" + caseId + "/proceedings", hostile, FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String id = created.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#proceeding-", "");
      for (String path : List.of("/cases/" + caseId, "/proceedings/" + id + "/edit")) {
        String page = editor.get(path).body();
        assertThat(page).as(path).doesNotContain(HOSTILE).contains(ESCAPED_TEXT);
      }

      Http.Response sql =
          editor.postText(
              "/cases/" + caseId + "/proceedings",
              form("kind", "criminal", "title", SQL, "authority", SQL, "number", SQL,
                  "parties[0].name", SQL, "parties[0].role", "judge",
                  "history[0].date", "2016", "history[0].status", "opened", "history[0].note", SQL,
                  "outcome.summary", SQL, "notes", SQL, "confidentiality", "restricted"),
              FORM);
      assertThat(sql.status()).as(sql.body()).isEqualTo(303);
      String sqlId = sql.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#proceeding-", "");
      JsonNode stored = editor.get("/api/v1/proceedings/" + sqlId).json();
      for (String pointer : List.of("/title", "/authority", "/number", "/parties/0/name", "/history/0/note", "/outcome/summary", "/notes")) {
        assertThat(stored.at(pointer).asText()).as(pointer).isEqualTo(SQL);
      }
      assertThat(editor.get("/api/v1/proceedings?case=" + caseId).json().get("total").asInt()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId, true);
      String id = createProceeding(editor, caseId);

      assertThat(editor.get("/proceedings/" + id + "/edit").body()).contains("name=\"version\" value=\"1\"");
      String first =
          form("version", "1", "kind", "criminal", "title", "Renamed by a colleague", "charges[0].provision", "KZ-CC 274",
              "history[0].date", "2016", "history[0].status", "opened", "notes", "Notes of a colleague", "confidentiality", "internal");
      assertThat(editor.postText("/proceedings/" + id, first, FORM).status()).isEqualTo(303);

      String mine =
          form("version", "1", "kind", "administrative", "title", "My careful wording", "charges[0].provision", "KZ-CC 190",
              "charges[0].part", "4", "charges[0].paragraph", "2",
              "history[0].date", "2016", "history[0].status", "opened",
              "history[1].date", "summer 2017", "history[1].status", "dismissed",
              "outcome.fine.amount", "1250,50", "outcome.fine.currency", "KZT",
              "notes", "My notes", "confidentiality", "internal");
      Http.Response conflict = editor.postText("/proceedings/" + id, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      String section = conflict.body().substring(conflict.body().indexOf("<section class=\"conflict\""), conflict.body().indexOf("</section>"));
      assertThat(section)
          .contains("Renamed by a colleague", "My careful wording", "Criminal", "Administrative")
          .contains("KZ-CC 274", "KZ-CC 190(4)(2)", "summer 2017", "Dismissed", "1250,50 KZT", "Notes of a colleague", "My notes");
      assertThat(conflict.body())
          .contains("name=\"version\" value=\"2\"", "value=\"My careful wording\"", "value=\"summer 2017\"", "Save my version over the current one");

      String again = mine.replace("version=1", "version=2");
      assertThat(editor.postText("/proceedings/" + id, again, FORM).status()).isEqualTo(303);
      JsonNode stored = editor.get("/api/v1/proceedings/" + id).json();
      assertThat(stored.get("title").asText()).isEqualTo("My careful wording");
      assertThat(stored.at("/charges/0/citation").asText()).isEqualTo("KZ-CC 190(4)(2)");
      assertThat(stored.at("/charges/0/max_penalty_years").decimalValue()).isEqualByComparingTo("10");
      assertThat(stored.at("/history/1/date").asText()).isEqualTo("2017-06/2017-08");
      assertThat(stored.at("/outcome/fine/amount").decimalValue()).isEqualByComparingTo("1250.50");
      assertThat(stored.get("notes").asText()).isEqualTo("My notes");
      assertThat(stored.get("version").asInt()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void viewersAreRefusedOutsidersFindNothingAndNotesStayWithTheGrant(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server, caseId, true);
      String id = createProceeding(editor, caseId);
      Http base = new Http(server.port()).with("Accept-Language", "en");
      Http viewer = base.withToken(TestCasebook.token(casebook, "vera", Role.VIEWER));
      casebook.teams().addMember(caseId, casebook.accounts().findUser("vera").orElseThrow().id(), false);
      Http outsider = base.withToken(TestCasebook.token(casebook, "otto", Role.EDITOR));
      String change = form("version", "1", "kind", "criminal", "title", "Changed", "confidentiality", "internal");

      assertThat(viewer.get("/cases/" + caseId).body()).doesNotContain("/proceedings/new", "/proceedings/" + id + "/edit");
      assertThat(viewer.get("/cases/" + caseId + "/proceedings/new").status()).isEqualTo(403);
      assertThat(viewer.get("/proceedings/" + id + "/edit").status()).isEqualTo(403);
      assertThat(viewer.postText("/cases/" + caseId + "/proceedings", change, FORM).status()).isEqualTo(403);
      assertThat(viewer.postText("/proceedings/" + id, change, FORM).status()).isEqualTo(403);

      assertThat(outsider.get("/cases/" + caseId + "/proceedings/new").status()).isEqualTo(404);
      assertThat(outsider.get("/proceedings/" + id + "/edit").status()).isEqualTo(404);
      assertThat(outsider.postText("/cases/" + caseId + "/proceedings", change, FORM).status()).isEqualTo(404);
      assertThat(outsider.postText("/proceedings/" + id, change, FORM).status()).isEqualTo(404);
      assertThat(base.get("/proceedings/" + id + "/edit").status()).isEqualTo(401);
      assertThat(editor.get("/api/v1/proceedings/" + id).json().get("title").asText()).isEqualTo("Criminal case on false information");

      Http ungranted = editor(casebook, server, caseId, false);
      Http.Response edit = ungranted.get("/proceedings/" + id + "/edit");
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body()).doesNotContain("name=\"notes\"", "The lawyer's number").contains("The notes are withheld from you");
      assertThat(ungranted.postText("/proceedings/" + id, change, FORM).status()).isEqualTo(303);
      JsonNode stored = editor.get("/api/v1/proceedings/" + id).json();
      assertThat(stored.get("title").asText()).isEqualTo("Changed");
      assertThat(stored.get("notes").asText()).isEqualTo("The lawyer's number");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void savingTheDemoProceedingsUnchangedChangesNothingButTheirVersion(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http admin = new Http(server.port()).withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
      JsonNode proceedings = admin.get("/api/v1/proceedings?case=" + caseId).json().get("items");
      assertThat(proceedings).hasSize(9);
      for (Http reader : List.of(admin.with("Accept-Language", "en"), admin.with("Accept-Language", "ru"))) {
        for (JsonNode listed : proceedings) {
          String id = listed.get("id").asText();
          JsonNode before = admin.get("/api/v1/proceedings/" + id).json();
          Http.Response saved = reader.postText("/proceedings/" + id, filledIn(reader.get("/proceedings/" + id + "/edit").body()), FORM);
          assertThat(saved.status()).as(id + ": " + saved.body()).isEqualTo(303);
          JsonNode after = admin.get("/api/v1/proceedings/" + id).json();
          assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
          assertThat(withoutHeader(after)).as(before.get("title").asText()).isEqualTo(withoutHeader(before));
        }
      }
    }
  }

  /** What a browser posts for the form on {@code html} as it stands: each field with its values. */
  private static String filledIn(String html) {
    int start = html.indexOf("<form class=\"form record-form");
    String form = html.substring(start, html.indexOf("</form>", start));
    List<String> fields = new ArrayList<>();
    Matcher input = Pattern.compile("<input [^>]*\\bname=\"([^\"]*)\"[^>]*\\bvalue=\"([^\"]*)\"").matcher(form);
    while (input.find()) {
      fields.add(unescape(input.group(1)));
      fields.add(unescape(input.group(2)));
    }
    Matcher textarea = Pattern.compile("(?s)<textarea [^>]*\\bname=\"([^\"]*)\"[^>]*>(.*?)</textarea>").matcher(form);
    while (textarea.find()) {
      fields.add(unescape(textarea.group(1)));
      fields.add(unescape(textarea.group(2)));
    }
    Matcher select = Pattern.compile("(?s)<select [^>]*\\bname=\"([^\"]*)\"[^>]*>(.*?)</select>").matcher(form);
    while (select.find()) {
      Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(select.group(2));
      boolean multiple = select.group().substring(0, select.group().indexOf('>')).contains(" multiple");
      boolean any = false;
      while (option.find()) {
        fields.add(unescape(select.group(1)));
        fields.add(unescape(option.group(1)));
        any = true;
      }
      if (!any && !multiple) {
        fields.add(unescape(select.group(1)));
        fields.add("");
      }
    }
    return form(fields.toArray(String[]::new));
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static JsonNode withoutHeader(JsonNode record) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = record.deepCopy();
    copy.remove(List.of("version", "audit"));
    return copy;
  }

  /** A form with markup in every text field, some of which the form cannot accept. */
  private static String everyTextField(String text) {
    List<String> fields = new ArrayList<>();
    for (String field :
        List.of("kind", "title", "authority", "jurisdiction", "number", "notes", "charges[0].provision", "charges[0].part",
            "charges[0].paragraph", "parties[0].name", "history[0].date", "history[0].note", "outcome.summary",
            "outcome.fine.amount", "outcome.fine.currency")) {
      fields.add(field);
      fields.add(text);
    }
    fields.add("confidentiality");
    fields.add("internal");
    return form(fields.toArray(String[]::new));
  }

  private static void assertInvalid(String body, String controlId, String message) {
    assertThat(body).containsPattern("id=\"" + controlId + "\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"[^\"]*" + controlId + "-error\"");
    Matcher error = Pattern.compile("<span class=\"field-error\" id=\"" + controlId + "-error\">([^<]*)</span>").matcher(body);
    assertThat(error.find()).as("a message next to " + controlId).isTrue();
    assertThat(error.group(1)).contains(message);
  }

  private static String createProceeding(Http editor, UUID caseId) {
    Http.Response created =
        editor.postText(
            "/cases/" + caseId + "/proceedings",
            form("kind", "criminal", "title", "Criminal case on false information", "charges[0].provision", "KZ-CC 274",
                "history[0].date", "2016", "history[0].status", "opened", "notes", "The lawyer's number",
                "confidentiality", "internal"),
            FORM);
    assertThat(created.status()).as(created.body()).isEqualTo(303);
    return created.raw().headers().firstValue("Location").orElseThrow().replaceFirst(".*#proceeding-", "");
  }

  /** An editor on the case file's team, with or without the restricted grant. */
  private static Http editor(Casebook casebook, WebServer server, UUID caseId, boolean grant) {
    String name = grant ? "emma" : "edgar";
    String token = TestCasebook.token(casebook, name, Role.EDITOR);
    casebook.teams().addMember(caseId, casebook.accounts().findUser(name).orElseThrow().id(), grant);
    return new Http(server.port()).withToken(token).with("Accept-Language", "en");
  }

  private static UUID importCase(Casebook casebook) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: c, title: Proceedings case, risk: high, status: open, subjects: [asel], confidentiality: internal}",
            "persons:",
            "  - {key: asel, name: Asel Nurova, confidentiality: internal}",
            "organizations:",
            "  - {key: watch, name: Freedom Watch Almaty, confidentiality: internal}",
            "sources:",
            "  - {key: news, title: A news report, kind: news-article, confidentiality: internal}",
            "");
    return casebook.importer().importDocument(TestCasebook.TESTER, "proceedings.yaml", document, null, false, Progress.NONE).caseId();
  }

  /** The value of the option whose label is {@code label}. */
  private static String option(String html, String label) {
    Matcher option = Pattern.compile("<option value=\"([^\"]*)\"[^>]*>" + Pattern.quote(label) + "</option>").matcher(html);
    assertThat(option.find()).as("an option " + label).isTrue();
    return option.group(1);
  }

  private static String form(String... namesAndValues) {
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
