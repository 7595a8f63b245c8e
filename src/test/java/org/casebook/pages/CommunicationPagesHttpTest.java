package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.common.PageRequest;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationStore;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.SettableClock;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The communication pages over real HTTP, on the demo's seed round: the list, one letter with its
 * reply and its follow-up, the claims matrix, the case page's section, and what an outsider and a
 * reader without the restricted grant are shown.
 */
class CommunicationPagesHttpTest {
  static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theSeedLetterItsReplyAndItsMatrixAreShownToTheTeam(TestStore store) {
    SettableClock clock = SettableClock.at("2025-02-03T10:00:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = member(casebook, http, "editor", Role.EDITOR, caseId, true);
      Http outsider = http.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR));
      Map<String, UUID> round = round(casebook, caseId);
      UUID letter = round.get("AL KAZ 1/2024");
      UUID followUp = round.get("AL MNE 2/2024");

      Http.Response list = editor.get("/communications");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body()).contains("href=\"/communications\"", "AL KAZ 1/2024", "AL MNE 2/2024", "/communications/" + letter);
      Http.Response kaz = editor.get("/communications?state=kaz&type=AL&year=2024");
      assertThat(kaz.body()).contains("AL KAZ 1/2024").doesNotContain("AL MNE 2/2024");
      assertThat(editor.get("/communications?status=closed").body()).doesNotContain("AL KAZ 1/2024");

      String mandate = editor.get("/api/v1/mandates").json().get(0).get("name_en").asText();
      Http.Response page = editor.get("/communications/" + letter);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body())
          .contains("AL KAZ 1/2024", "Allegation letter", "joint communication", "Follow-up sent", "KAZ",
              "Public from", "30-44/127", "Translation", "/cases/" + caseId, "Followed up by AL MNE 2/2024",
              "/communications/" + followUp, "<ol class=\"questions\">", "/communications/" + letter + "/matrix")
          .contains(escaped(mandate));
      assertThat(editor.get("/communications/" + followUp).body()).contains("Follows up AL KAZ 1/2024");
      assertThat(editor.get("/communications/" + letter + "?lang=ru").body()).contains("Письмо об утверждениях");

      Http.Response matrix = editor.get("/communications/" + letter + "/matrix");
      assertThat(matrix.status()).isEqualTo(200);
      assertThat(count(matrix.body(), "<th scope=\"row\">")).isEqualTo(12);
      assertThat(matrix.body())
          .contains("<caption>", "Denies", "Confirms", "Partly addresses", "Does not address", "are untrue",
              "Allegations: 12. Stances: Confirms: 3; Denies: 3; Partly addresses: 3; Does not address: 3; Not assessed: 0.");

      assertThat(editor.get("/cases/" + caseId).body()).contains("/communications/" + letter, "AL KAZ 1/2024");

      assertThat(outsider.get("/communications/" + letter).status()).isEqualTo(404);
      assertThat(outsider.get("/communications/" + letter + "/matrix").status()).isEqualTo(404);
      assertThat(outsider.get("/communications").body()).doesNotContain("AL KAZ 1/2024");
      assertThat(http.get("/communications").status()).isEqualTo(401);
      assertThat(editor.get("/communications/not-an-id").status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void hostileTextIsEscapedAndRestrictedNotesAreWithheld(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = member(casebook, http, "editor", Role.EDITOR, caseId, true);
      Http viewer = member(casebook, http, "viewer", Role.VIEWER, caseId, false);
      UUID draft = hostileDraft(editor, caseId);

      Http.Response page = editor.get("/communications/" + draft);
      assertThat(page.body())
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Robert'); DROP TABLE communications;--", "NOTE-CANARY")
          .doesNotContain("<script>alert(1)</script>");
      assertThat(editor.get("/api/v1/communications/" + draft).json().get("subject").asText())
          .isEqualTo("<script>alert(1)</script> Robert'); DROP TABLE communications;--");
      Http.Response seen = viewer.get("/communications/" + draft);
      assertThat(seen.status()).isEqualTo(200);
      assertThat(seen.body()).contains("&lt;script&gt;").doesNotContain("NOTE-CANARY");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theLifecycleButtonsSendRefuseWithTheReasonAndPublishOnceThePublicDateHasCome(TestStore store) {
    SettableClock clock = SettableClock.at("2025-02-03T10:00:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = member(casebook, http, "editor", Role.EDITOR, caseId, true);
      Http viewer = member(casebook, http, "viewer", Role.VIEWER, caseId, false);
      UUID draft = hostileDraft(editor, caseId);
      String path = "/communications/" + draft;

      assertThat(editor.get(path).body()).contains("action=\"" + path + "/send\"").doesNotContain(path + "/publish");
      assertThat(viewer.get(path).body()).doesNotContain("lifecycle-actions", path + "/send");
      assertThat(viewer.postText(path + "/send", form("version", "1"), FORM).status()).isEqualTo(403);

      Http.Response sent = editor.postText(path + "/send", form("version", "1"), FORM);
      assertThat(sent.status()).as(sent.body()).isEqualTo(303);
      assertThat(sent.raw().headers().firstValue("Location").orElseThrow()).isEqualTo(path);
      Http.Response page = editor.get(path);
      assertThat(page.body())
          .contains("UA KAZ 1/2025", "Sent", "Reply expected", "Public date", path + "/close", path + "/follow-up")
          .doesNotContain(path + "/publish", path + "/send");
      int version = editor.get("/api/v1" + path).json().get("version").asInt();

      Http.Response early = editor.postText(path + "/publish", form("version", String.valueOf(version)), FORM);
      assertThat(early.status()).isEqualTo(422);
      assertThat(early.body()).contains("id=\"refused-publish\"", "2025-04-04");
      Http.Response stale = editor.postText(path + "/close", form("version", String.valueOf(version - 1)), FORM);
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.body()).contains("changed this communication in the meantime");
      assertThat(editor.get("/api/v1" + path).json().get("status").asText()).isEqualTo("sent");

      clock.set("2025-04-04T00:00:00Z");
      editor = freshToken(casebook, http, "editor");
      assertThat(editor.get(path).body()).contains(path + "/publish");
      Http.Response published = editor.postText(path + "/publish", form("version", String.valueOf(version)), FORM);
      assertThat(published.status()).as(published.body()).isEqualTo(303);
      assertThat(editor.get(path).body()).contains("Published").doesNotContain(path + "/publish");

      Http.Response register = http.get("/public/communications/" + draft);
      assertThat(register.status()).isEqualTo(200);
      assertThat(register.body())
          .contains("UA KAZ 1/2025", "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt; question")
          .doesNotContain("<script>alert(1)</script>", "NOTE-CANARY");
      assertThat(http.get("/public/communications?text=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)).body())
          .contains("UA KAZ 1/2025").doesNotContain("<script>alert");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void thePublicRegisterShowsALetterFromItsPublicDateOnWithoutProtectedNames(TestStore store) {
    SettableClock clock = SettableClock.at("2025-02-03T10:00:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http anonymous = new Http(server.port()).with("Accept-Language", "en");
      Map<String, UUID> round = round(casebook, caseId);
      UUID letter = round.get("AL KAZ 1/2024");
      UUID followUp = round.get("AL MNE 2/2024");
      String mandate = casebook.records().communications().get(TestCasebook.TESTER, letter).mandates().get(0);

      Http.Response list = anonymous.get("/public/communications");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body())
          .contains("href=\"/public/communications\"", "AL KAZ 1/2024", "/public/communications/" + letter,
              "Replies by State", "<th scope=\"row\">KAZ</th>", "100 %", "70 days")
          .doesNotContain("AL MNE 2/2024", "/communications/" + followUp);
      assertThat(anonymous.get("/public/communications?state=MNE").body()).doesNotContain("AL KAZ 1/2024");
      assertThat(anonymous.get("/public/communications?replied=no").body()).doesNotContain("AL KAZ 1/2024");
      assertThat(anonymous.get("/public/communications?replied=yes&type=AL&year=2024&mandate=" + mandate + "&text=KAZ").body())
          .contains("AL KAZ 1/2024");
      assertThat(anonymous.get("/public/communications?year=2023").body()).doesNotContain("AL KAZ 1/2024");

      Http.Response page = anonymous.get("/public/communications/" + letter);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body())
          .contains("AL KAZ 1/2024", "30-44/127", "<ol class=\"questions\">", "Denies", "are untrue")
          .doesNotContain("Ms. Smailova&#39;s lawyer", "Ms. Smailova's lawyer", "Civil activist", "Former member of Parliament",
              "/cases/" + caseId);
      assertThat(anonymous.get("/public/communications/" + followUp).status()).isEqualTo(404);
      assertThat(anonymous.get("/public/communications/not-an-id").status()).isEqualTo(404);
      assertThat(anonymous.get("/public/communications?lang=ru").body()).contains("Открытый реестр сообщений");

      clock.set("2024-05-16T23:59:59Z");
      assertThat(anonymous.get("/public/communications").body()).doesNotContain("AL KAZ 1/2024");
      assertThat(anonymous.get("/public/communications/" + letter).status()).isEqualTo(404);
      clock.set("2024-05-17T00:00:00Z");
      assertThat(anonymous.get("/public/communications").body()).contains("AL KAZ 1/2024");
      assertThat(anonymous.get("/public/communications/" + letter).status()).isEqualTo(200);
    }
  }

  static UUID hostileDraft(Http editor, UUID caseId) {
    String mandate = editor.get("/api/v1/mandates").json().get(0).get("code").asText();
    Http.Response created = editor.post("/api/v1/communications", Http.json(Map.of(
        "type", "UA", "states", List.of("KAZ"), "mandates", List.of(mandate), "cases", List.of(caseId.toString()),
        "subject", "<script>alert(1)</script> Robert'); DROP TABLE communications;--",
        "questions", List.of("<b>bold</b> question"), "notes", "NOTE-CANARY", "confidentiality", "public")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return UUID.fromString(created.json().get("id").asText());
  }

  /** A new token of an account, for after the test clock has moved past the day its first token lasts. */
  static Http freshToken(Casebook casebook, Http http, String name) {
    UUID user = casebook.accounts().findUser(name).orElseThrow().id();
    return http.withToken(casebook.accounts().createApiToken(user, "later", java.time.Duration.ofDays(1)).rawToken());
  }

  static Http member(Casebook casebook, Http http, String name, Role role, UUID caseId, boolean restricted) {
    Http member = http.withToken(TestCasebook.token(casebook, name, role));
    casebook.teams().addMember(caseId, casebook.accounts().findUser(name).orElseThrow().id(), restricted);
    return member;
  }

  static Map<String, UUID> round(Casebook casebook, UUID caseId) {
    Map<String, UUID> byReference = new java.util.LinkedHashMap<>();
    for (Communication communication :
        casebook.records().communications().list(
            TestCasebook.TESTER, new CommunicationStore.Filter(caseId, null, null, null, null, null, null, false),
            PageRequest.first()).items()) {
      byReference.put(communication.reference(), communication.id());
    }
    return byReference;
  }

  static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
  }

  static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
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
