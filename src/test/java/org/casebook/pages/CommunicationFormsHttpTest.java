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
 * The communication forms over real HTTP: writing a new communication and changing one, refusals
 * by the field, edit conflicts, who gets the forms, removing one; and the letter drafted from a
 * case file, with nothing restricted in it.
 */
class CommunicationFormsHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String SQL = "Robert'); DROP TABLE communications;-- \" % _ \\";
  private static final String DEFENDERS = "sr-human-rights-defenders";
  private static final String ASSEMBLY = "sr-assembly-association";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCommunicationWrittenInTheFormIsStoredWithEveryField(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server);

      Http.Response form = editor.get("/communications/new?case=" + caseId);
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("Special Rapporteur on the situation of human rights defenders", "name=\"standards\"", "name=\"questions\"")
          .contains("Back to the case file Forms case", "name=\"case\" value=\"" + caseId + "\"", "value=\"KAZ\"")
          .containsPattern("<option value=\"" + caseId + "\" selected>Forms case</option>")
          .contains("Asel Nurova", "A news report");

      Http.Response created = editor.postText("/communications", form(
          "case", caseId.toString(), "type", "UA", "confidentiality", "internal", "states", "kaz, mne",
          "other_addressees", "Acme Mining Ltd\n\n", "mandates", DEFENDERS, "mandates", ASSEMBLY,
          "cases", caseId.toString(), "persons", option(form.body(), "Asel Nurova"),
          "subject", SQL, "summary", "A summary", "text", "The full letter", "concerns", "Our concerns",
          "questions", "First question?\r\n\r\nSecond question?\n",
          "standards", "Article 19 of the International Covenant on Civil and Political Rights\nArticles 1, 2, 5, 6, 9 and 12 of the Declaration on Human Rights Defenders",
          "sources", option(form.body(), "A news report"), "follow_up_of", "", "notes", "Team notes"), FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/communications/");
      String id = location.substring("/communications/".length());

      JsonNode stored = editor.get("/api/v1/communications/" + id).json();
      assertThat(stored.get("type").asText()).isEqualTo("UA");
      assertThat(texts(stored.get("states"))).containsExactly("KAZ", "MNE");
      assertThat(texts(stored.get("other_addressees"))).containsExactly("Acme Mining Ltd");
      assertThat(texts(stored.get("mandates"))).containsExactly(DEFENDERS, ASSEMBLY);
      assertThat(texts(stored.get("cases"))).containsExactly(caseId.toString());
      assertThat(stored.get("persons")).hasSize(1);
      assertThat(stored.get("subject").asText()).isEqualTo(SQL);
      assertThat(texts(stored.get("questions"))).containsExactly("First question?", "Second question?");
      assertThat(texts(stored.get("standards"))).containsExactly(
          "Article 19 of the International Covenant on Civil and Political Rights",
          "Articles 1, 2, 5, 6, 9 and 12 of the Declaration on Human Rights Defenders");
      assertThat(stored.get("sources")).hasSize(1);
      assertThat(stored.get("notes").asText()).isEqualTo("Team notes");
      assertThat(stored.get("status").asText()).isEqualTo("draft");

      String page = editor.with("Accept-Language", "en").get(location).body();
      assertThat(page).contains("International standards", "Article 19 of the International Covenant on Civil and Political Rights")
          .contains("href=\"/communications/" + id + "/edit\"");
      assertThat(editor.with("Accept-Language", "en").get("/communications").body()).contains("href=\"/communications/new\"");
      assertThat(editor.with("Accept-Language", "en").get("/cases/" + caseId).body())
          .contains("action=\"/cases/" + caseId + "/communications/draft\"", "href=\"/communications/new?case=" + caseId + "\"");

      Http.Response edit = editor.with("Accept-Language", "en").get("/communications/" + id + "/edit");
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body()).contains("name=\"version\" value=\"1\"", "First question?\nSecond question?", "Team notes")
          .contains(escaped(SQL));
      Http.Response changed = editor.postText("/communications/" + id, form(
          "version", "1", "type", "UA", "confidentiality", "internal", "states", "KAZ", "mandates", DEFENDERS,
          "cases", caseId.toString(), "subject", "A changed subject", "questions", "Only question?",
          "standards", "Article 21 of the International Covenant on Civil and Political Rights", "notes", "Team notes"), FORM);
      assertThat(changed.status()).as(changed.body()).isEqualTo(303);
      JsonNode after = editor.get("/api/v1/communications/" + id).json();
      assertThat(after.get("version").asInt()).isEqualTo(2);
      assertThat(texts(after.get("states"))).containsExactly("KAZ");
      assertThat(texts(after.get("standards"))).containsExactly("Article 21 of the International Covenant on Civil and Political Rights");
      assertThat(after.get("persons")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theStandardsOfARestrictedCommunicationAreSealedAtRestAndTheOthersStoredVerbatim(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server);
      String secret = "SEALED-STANDARD-CANARY";
      for (String[] letter : List.of(new String[] {"restricted", secret}, new String[] {"internal", SQL})) {
        Http.Response created = editor.postText("/communications", form(
            "type", "AL", "confidentiality", letter[0], "cases", caseId.toString(), "subject", "Standards " + letter[0],
            "standards", letter[1]), FORM);
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String id = created.raw().headers().firstValue("Location").orElseThrow().substring("/communications/".length());
        assertThat(texts(editor.get("/api/v1/communications/" + id).json().get("standards"))).containsExactly(letter[1]);
      }
      List<String> stored = casebook.database().jdbi().withHandle(handle ->
          handle.createQuery("SELECT standard FROM communication_standards").mapTo(String.class).list());
      assertThat(stored).hasSize(2).contains(SQL).noneMatch(value -> value.contains(secret));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormComesBackWithEachMessageNextToItsFieldAndWhatWasTyped(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server).with("Accept-Language", "en");

      Http.Response refused = editor.postText("/communications", form(
          "type", "XX", "confidentiality", "internal", "states", "KAZ, XYZ", "mandates", "no-such-mandate",
          "cases", caseId.toString(), "subject", "", "summary", HOSTILE, "questions", HOSTILE + "\nA second",
          "standards", "Article 19", "follow_up_of", "not-an-id"), FORM);
      assertThat(refused.status()).isEqualTo(422);
      String body = refused.body();
      for (String field : List.of("type", "states", "mandates", "subject", "follow_up_of")) {
        assertThat(body).as(field).contains("<a href=\"#field-" + field.replace('_', '-') + "\">", "id=\"field-" + field.replace('_', '-') + "-error\"");
      }
      assertThat(body).contains("\"XYZ\" is not a State", "value=\"KAZ, XYZ\"", "Article 19");
      assertThat(body).containsPattern("id=\"field-states\"[^>]*aria-invalid=\"true\"");
      assertThat(body).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;\nA second");
      assertThat(editor.get("/api/v1/communications").json().get("total").asInt()).isZero();

      Http.Response russian = editor.with("Accept-Language", "ru").postText("/communications", form(
          "type", "AL", "confidentiality", "internal", "states", "XYZ", "cases", caseId.toString(), "subject", "x"), FORM);
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить", "«XYZ» — не государство");

      Http.Response tooMany = editor.postText("/communications", form(
          "type", "AL", "confidentiality", "internal", "cases", caseId.toString(), "subject", "x",
          "questions", "q\n".repeat(101)), FORM);
      assertThat(tooMany.status()).isEqualTo(422);
      assertThat(tooMany.body()).contains("id=\"field-questions-error\"", "at most 100 are allowed");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server).with("Accept-Language", "en");
      String id = createLetter(editor, caseId, "The first subject");

      String first = form("version", "1", "type", "AL", "confidentiality", "internal", "states", "KAZ", "cases", caseId.toString(),
          "subject", "Saved first by a colleague", "standards", "Article 19 of the International Covenant on Civil and Political Rights");
      assertThat(editor.postText("/communications/" + id, first, FORM).status()).isEqualTo(303);

      String mine = form("version", "1", "type", "AL", "confidentiality", "internal", "states", "KAZ", "cases", caseId.toString(),
          "subject", "My careful wording", "standards", "Article 22 of the International Covenant on Civil and Political Rights");
      Http.Response conflict = editor.postText("/communications/" + id, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("Saved first by a colleague", "My careful wording", "Article 19 of the", "Article 22 of the")
          .contains("name=\"version\" value=\"2\"", "Save my version over the current one", "Forms case");

      String again = mine.replace("version=1", "version=2");
      assertThat(editor.postText("/communications/" + id, again, FORM).status()).isEqualTo(303);
      JsonNode stored = editor.get("/api/v1/communications/" + id).json();
      assertThat(stored.get("subject").asText()).isEqualTo("My careful wording");
      assertThat(texts(stored.get("standards"))).containsExactly("Article 22 of the International Covenant on Civil and Political Rights");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSentCommunicationKeepsItsTypeAndStatesAndCanBeRemovedWithAReason(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server).with("Accept-Language", "en");
      String id = createLetter(editor, caseId, "To be sent");
      assertThat(editor.post("/api/v1/communications/" + id + "/send", "{\"version\": 1}").status()).isEqualTo(200);

      Http.Response edit = editor.get("/communications/" + id + "/edit");
      assertThat(edit.body()).contains("its type and States make its reference", "AL KAZ 1/")
          .contains("type=\"hidden\" name=\"states\" value=\"KAZ\"").doesNotContain("id=\"field-states\"");
      Http.Response moved = editor.postText("/communications/" + id, form(
          "version", "2", "type", "UA", "confidentiality", "internal", "states", "MNE", "mandates", DEFENDERS,
          "cases", caseId.toString(), "subject", "To be sent"), FORM);
      assertThat(moved.status()).isEqualTo(422);
      assertThat(moved.body()).contains("the States of a sent communication cannot change", "id=\"field-states-error\"");
      Http.Response completed = editor.postText("/communications/" + id, form(
          "version", "2", "type", "AL", "confidentiality", "internal", "states", "KAZ", "mandates", DEFENDERS,
          "cases", caseId.toString(), "subject", "To be sent", "text", "The full text, published later"), FORM);
      assertThat(completed.status()).as(completed.body()).isEqualTo(303);
      assertThat(editor.get("/api/v1/communications/" + id).json().get("text").asText()).isEqualTo("The full text, published later");

      Http.Response confirm = editor.get("/communications/" + id + "/void");
      assertThat(confirm.status()).isEqualTo(200);
      assertThat(confirm.body()).contains("To be sent", "href=\"/communications/" + id + "\"");
      Http.Response removed = editor.postText("/communications/" + id + "/void", form("version", "3", "reason", "Entered twice"), FORM);
      assertThat(removed.status()).isEqualTo(303);
      assertThat(removed.raw().headers().firstValue("Location")).contains("/communications");
      assertThat(editor.get("/communications/" + id).status()).isEqualTo(404);
      assertThat(editor.get("/communications/" + id + "/edit").status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerGetsNoFormNoDraftAndNoLinksToThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http base = new Http(server.port()).with("Accept-Language", "en");
      Http viewer = base.withToken(TestCasebook.token(casebook, "vera", Role.VIEWER));
      casebook.teams().addMember(caseId, casebook.accounts().findUser("vera").orElseThrow().id(), false);
      Http editor = editor(casebook, server);
      String id = createLetter(editor, caseId, "Seen by the viewer");

      assertThat(viewer.get("/communications/" + id).status()).isEqualTo(200);
      assertThat(viewer.get("/communications/" + id).body()).doesNotContain("/edit", "/void");
      assertThat(viewer.get("/communications").body()).doesNotContain("/communications/new");
      assertThat(viewer.get("/cases/" + caseId).body()).doesNotContain("/communications/draft", "/communications/new");
      assertThat(viewer.get("/communications/new").status()).isEqualTo(403);
      assertThat(viewer.get("/communications/" + id + "/edit").status()).isEqualTo(403);
      assertThat(viewer.postText("/communications", form("type", "AL", "subject", "x"), FORM).status()).isEqualTo(403);
      assertThat(viewer.postText("/communications/" + id, form("version", "1", "type", "AL", "subject", "x"), FORM).status()).isEqualTo(403);
      assertThat(viewer.postText("/cases/" + caseId + "/communications/draft", "", FORM).status()).isEqualTo(403);
      assertThat(base.get("/communications/new").status()).isEqualTo(401);
      assertThat(base.postText("/cases/" + caseId + "/communications/draft", "", FORM).status()).isIn(401, 403);

      Http outsider = base.withToken(TestCasebook.token(casebook, "otto", Role.EDITOR));
      assertThat(outsider.get("/communications/" + id + "/edit").status()).isEqualTo(404);
      assertThat(outsider.postText("/cases/" + caseId + "/communications/draft", "", FORM).status()).isEqualTo(404);
      assertThat(editor.get("/api/v1/communications").json().get("total").asInt()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aLetterDraftedFromTheDemoCaseTellsTheAllegationsInOrderAndNothingRestricted(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http editor = editor(casebook, server).with("Accept-Language", "ru");
      String secretWitness = "Zarina Qwertova";
      Http.Response witness = editor.postText("/cases/" + caseId + "/persons", form(
          "name", secretWitness, "protected", "true", "subject", "true", "confidentiality", "internal"), FORM);
      assertThat(witness.status()).as(witness.body()).isEqualTo(303);
      assertThat(editor.postText("/cases/" + caseId + "/events", form(
          "date", "2024-02-03", "type", "threat", "title", "Threat against a witness",
          "description", "Zarina Qwertova was threatened after she spoke to zarina qwertova's neighbours.",
          "confidentiality", "internal"), FORM).status()).isEqualTo(303);
      assertThat(editor.postText("/cases/" + caseId + "/events", form(
          "date", "2024-02-04", "type", "detention", "title", "RESTRICTED-CANARY detention",
          "description", "RESTRICTED-CANARY description", "confidentiality", "restricted"), FORM).status()).isEqualTo(303);

      Http.Response drafted = editor.postText("/cases/" + caseId + "/communications/draft", "", FORM);
      assertThat(drafted.status()).as(drafted.body()).isEqualTo(303);
      String location = drafted.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).matches("/communications/[0-9a-f-]{36}/edit\\?case=" + caseId);
      String id = location.substring("/communications/".length(), location.indexOf("/edit"));
      Http.Response form = editor.get(location);
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body()).contains("Dinara Smailova", "Назад к делу");

      JsonNode draft = editor.get("/api/v1/communications/" + id).json();
      assertThat(draft.get("status").asText()).isEqualTo("draft");
      assertThat(draft.get("type").asText()).isEqualTo("AL");
      assertThat(draft.get("confidentiality").asText()).isEqualTo("internal");
      assertThat(texts(draft.get("states"))).startsWith("KAZ");
      assertThat(texts(draft.get("mandates"))).containsExactly(DEFENDERS);
      assertThat(texts(draft.get("cases"))).containsExactly(caseId.toString());
      assertThat(draft.get("subject").asText()).contains("Dinara Smailova", "criminal case opened");
      String text = draft.get("text").asText();
      assertThat(text).startsWith("Topic: ").contains("Background", "Dinara Smailova (Human rights defender; founder and director of NeMolchi.KZ)");
      assertThat(inOrder(text, "July 2016: ", "3 February 2017: ", "21 September 2017: ", "16 October 2023: ", "27 December 2023: ")).isTrue();
      List<String> dates = allegationDates(text);
      assertThat(dates).hasSizeGreaterThan(20).contains("July 2016", "December 2016", "October 2019 to December 2019", "about 2024");
      assertThat(text).contains("(Sources: ", "Charges:", "KZ-CC 190(4)(2)");
      assertThat(draft.get("sources").size()).isGreaterThan(0);
      assertThat(texts(draft.get("questions")))
          .hasSizeGreaterThanOrEqualTo(5)
          .anySatisfy(question -> assertThat(question).contains("legal basis of the criminal proceedings", "KZ-CC 190(4)(2)"))
          .anySatisfy(question -> assertThat(question).contains("fair trial"))
          .anySatisfy(question -> assertThat(question).contains("human rights defenders in Kazakhstan"));
      assertThat(texts(draft.get("standards")))
          .startsWith("Articles 1, 2, 5, 6, 9 and 12 of the Declaration on Human Rights Defenders")
          .contains(
              "Article 12 of the International Covenant on Civil and Political Rights",
              "Article 14 of the International Covenant on Civil and Political Rights",
              "Article 19 of the International Covenant on Civil and Political Rights",
              "General Assembly resolution 68/181 on protecting women human rights defenders");

      String all = draft.toString();
      assertThat(all).doesNotContain("RESTRICTED-CANARY", "Zarina", "zarina", "Qwertova", "Ms. Smailova's lawyer")
          .doesNotContain("Appeared on subpoenas on her behalf", "Applicant of 16 May 2022");
      assertThat(text).contains("[name withheld] was threatened after she spoke to [name withheld]'s neighbours.");
      List<String> persons = texts(draft.get("persons"));
      JsonNode casePersons = editor.get("/api/v1/persons?case=" + caseId).json().get("items");
      for (JsonNode person : casePersons) {
        if (persons.contains(person.get("id").asText())) {
          assertThat(person.get("protected").asBoolean()).isFalse();
          assertThat(person.get("confidentiality").asText()).isNotEqualTo("restricted");
        }
      }
      assertThat(persons).hasSize(1);

      JsonNode seeded = editor.get("/api/v1/communications?case=" + caseId).json().get("items");
      JsonNode letter = null;
      for (JsonNode communication : seeded) {
        if ("AL KAZ 1/2024".equals(communication.path("reference").asText())) {
          letter = communication;
        }
      }
      assertThat(letter).isNotNull();
      assertThat(texts(letter.get("standards"))).containsExactly(
          "Her rights to freedom of peaceful assembly and association",
          "Due process guarantees, including her legal representation's access to material related to her case");
      assertThat(editor.with("Accept-Language", "en").get("/communications/" + letter.get("id").asText()).body())
          .contains("International standards", "Her rights to freedom of peaceful assembly and association");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRestrictedCaseFileIsNotDraftedFrom(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      String document = String.join("\n",
          "format: casebook/1",
          "case: {key: r, title: A restricted case, risk: high, status: open, countries: [KZ], confidentiality: restricted}",
          "");
      UUID caseId = casebook.importer().importDocument(TestCasebook.TESTER, "r.yaml", document, null, false, Progress.NONE).caseId();
      Http editor = editor(casebook, server).with("Accept-Language", "en");
      Http.Response refused = editor.postText("/cases/" + caseId + "/communications/draft", "", FORM);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(editor.get("/api/v1/communications").json().get("total").asInt()).isZero();
    }
  }

  private static String createLetter(Http editor, UUID caseId, String subject) {
    Http.Response created = editor.postText("/communications", form(
        "type", "AL", "confidentiality", "internal", "states", "KAZ", "mandates", DEFENDERS, "cases", caseId.toString(),
        "subject", subject), FORM);
    assertThat(created.status()).as(created.body()).isEqualTo(303);
    return created.raw().headers().firstValue("Location").orElseThrow().substring("/communications/".length());
  }

  /** The dates of the allegations, in the order the draft tells them. */
  private static List<String> allegationDates(String text) {
    String allegations = text.substring(text.indexOf("According to the information received:"), text.indexOf("Charges:"));
    List<String> dates = new ArrayList<>();
    Matcher line = Pattern.compile("(?m)^([^:\\n]+): ").matcher(allegations);
    while (line.find()) {
      dates.add(line.group(1));
    }
    return dates;
  }

  private static boolean inOrder(String text, String... parts) {
    int at = -1;
    for (String part : parts) {
      int next = text.indexOf(part, at + 1);
      if (next < 0) {
        return false;
      }
      at = next;
    }
    return true;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&#34;").replace("'", "&#39;");
  }

  private static Http editor(Casebook casebook, WebServer server) {
    return new Http(server.port()).withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
  }

  private static UUID importCase(Casebook casebook) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: c, title: Forms case, risk: high, status: open, countries: [KZ], subjects: [asel], confidentiality: internal}",
            "persons:",
            "  - {key: asel, name: Asel Nurova, confidentiality: internal}",
            "sources:",
            "  - {key: news, title: A news report, kind: news-article, confidentiality: internal}",
            "");
    return casebook.importer().importDocument(TestCasebook.TESTER, "forms.yaml", document, null, false, Progress.NONE).caseId();
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
