package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.access.Role;
import org.casebook.accounts.Totp;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The account, administration and import pages over real HTTP: their forms change what they say,
 * secrets are shown once, and only those permitted may use them.
 */
class AccountPagesHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String BOUNDARY = "casebook-test-boundary";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token\">(cbk_[A-Za-z0-9_-]+)</code>");
  private static final Pattern REVOKE = Pattern.compile("action=\"(/account/tokens/[0-9a-f-]+/revoke)\"");
  private static final Pattern SECRET_GROUP = Pattern.compile("<code>([A-Z2-7=]{1,4})</code>");
  private static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([^<]+)</code></li>");

  @TempDir Path dataDir;

  @Test
  void changingThePasswordNeedsTheCurrentOneAndTheOldOneNoLongerSignsIn() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      casebook.accounts().createUser("ines", "Ines Adler", Role.EDITOR, TestCasebook.PASSWORD);
      Http http = new Http(server.port()).with("Accept-Language", "en");
      SignedIn ines = signIn(http, "ines", TestCasebook.PASSWORD);
      String newPassword = "a much longer passphrase 42";

      Http.Response wrong =
          ines.post("/account/password", "current_password", "not it at all", "new_password", newPassword, "repeat_password", newPassword);
      assertThat(wrong.status()).isEqualTo(422);
      assertThat(wrong.body()).contains("The current password is wrong.");
      Http.Response mismatch =
          ines.post("/account/password", "current_password", TestCasebook.PASSWORD, "new_password", newPassword, "repeat_password", "other");
      assertThat(mismatch.body()).contains("The two new passwords are not the same.");

      Http.Response changed =
          ines.post("/account/password", "current_password", TestCasebook.PASSWORD, "new_password", newPassword, "repeat_password", newPassword);
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.body()).contains("Your password was changed.");

      assertThat(http.postText("/sign-in", form("name", "ines", "password", TestCasebook.PASSWORD), FORM).status()).isEqualTo(401);
      assertThat(http.postText("/sign-in", form("name", "ines", "password", newPassword), FORM).status()).isEqualTo(303);
    }
  }

  @Test
  void aNewTokenIsShownOnceWorksOnTheApiAndStopsWhenRevoked() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      casebook.accounts().createUser("ines", "Ines Adler", Role.EDITOR, TestCasebook.PASSWORD);
      Http http = new Http(server.port()).with("Accept-Language", "en");
      SignedIn ines = signIn(http, "ines", TestCasebook.PASSWORD);

      Http.Response created = ines.post("/account/tokens", "name", "nightly <export>", "days", "30");
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      Matcher secret = NEW_TOKEN.matcher(created.body());
      assertThat(secret.find()).as(created.body()).isTrue();
      String token = secret.group(1);
      assertThat(created.body()).contains("nightly &lt;export&gt;").doesNotContain("nightly <export>");

      Http.Response account = ines.session.get("/account");
      assertThat(account.body()).contains("nightly &lt;export&gt;").doesNotContain(token);
      assertThat(http.withToken(token).get("/api/v1/cases").status()).isEqualTo(200);

      Matcher revoke = REVOKE.matcher(account.body());
      assertThat(revoke.find()).isTrue();
      assertThat(ines.post(revoke.group(1)).status()).isEqualTo(303);
      assertThat(http.withToken(token).get("/api/v1/cases").status()).isEqualTo(401);
      assertThat(ines.session.get("/account").body()).contains("Revoked");

      assertThat(ines.post("/account/tokens", "name", "too long", "days", "400").status()).isEqualTo(422);
    }
  }

  @Test
  void anAdministratorWithoutASecondFactorCanOnlyEnrolOneFromTheAccountPage() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      casebook.accounts().createUser("ada", "Ada Admin", Role.ADMINISTRATOR, TestCasebook.PASSWORD);
      Http http = new Http(server.port()).with("Accept-Language", "en");

      Http.Response signedIn = http.postText("/sign-in", form("name", "ada", "password", TestCasebook.PASSWORD), FORM);
      assertThat(signedIn.status()).isEqualTo(303);
      assertThat(signedIn.raw().headers().firstValue("Location")).hasValue("/account#second-factor");
      SignedIn ada = session(http, signedIn);
      assertThat(ada.session.get("/").status()).isEqualTo(403);
      assertThat(ada.session.get("/admin/users").status()).isEqualTo(403);
      Http.Response account = ada.session.get("/account");
      assertThat(account.status()).isEqualTo(200);
      assertThat(account.body()).contains("must have a second factor").doesNotContain("Change password");
      assertThat(ada.post("/account/tokens", "name", "sneaky", "days", "1").status()).isEqualTo(403);

      Http.Response enrolling = ada.post("/account/totp");
      assertThat(enrolling.status()).isEqualTo(200);
      assertThat(enrolling.body()).contains("otpauth://totp/Casebook:ada?secret=");
      StringBuilder secret = new StringBuilder();
      Matcher group = SECRET_GROUP.matcher(enrolling.body());
      while (group.find()) {
        secret.append(group.group(1));
      }
      assertThat(secret.length()).isGreaterThanOrEqualTo(32);

      Http.Response wrongCode = ada.post("/account/totp/confirm", "code", "000000".equals(currentCode(secret)) ? "111111" : "000000");
      assertThat(wrongCode.status()).isEqualTo(422);
      Http.Response confirmed = ada.post("/account/totp/confirm", "code", currentCode(secret));
      assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
      assertThat(confirmed.body()).contains("Two-factor sign-in is on.");
      assertThat(RECOVERY_CODE.matcher(confirmed.body()).results().count()).isEqualTo(10);

      assertThat(ada.session.get("/").status()).isEqualTo(200);
      assertThat(ada.session.get("/admin/users").status()).isEqualTo(200);
      assertThat(ada.session.get("/account").body()).contains("Two-factor sign-in is on.").doesNotContain("<li><code>");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void administrationPagesAreForAdministratorsAndEscapeWhatTheyShow(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = http.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      Http admin = http.withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));

      Http.Response refused = editor.get("/admin/users");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("text/html");
      assertThat(refused.body()).contains("Not permitted").doesNotContain("editor</th>");
      assertThat(editor.postText("/admin/users", form("name", "mallory", "display_name", "M", "role", "administrator", "password", TestCasebook.PASSWORD), FORM).status())
          .isEqualTo(403);
      assertThat(casebook.accounts().findUser("mallory")).isEmpty();
      assertThat(editor.get("/").body()).doesNotContain("href=\"/admin/users\"");

      String hostile = "<script>alert(1)</script>";
      Http.Response created =
          admin.postText("/admin/users", form("name", "nora", "display_name", hostile, "role", "viewer", "password", TestCasebook.PASSWORD), FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      assertThat(created.body()).contains("The account nora was created.", "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(hostile);
      UUID nora = casebook.accounts().findUser("nora").orElseThrow().id();

      assertThat(admin.postText("/admin/users/" + nora + "/disable", "", FORM).status()).isEqualTo(200);
      assertThat(casebook.accounts().user(nora).disabled()).isTrue();
      assertThat(http.postText("/sign-in", form("name", "nora", "password", TestCasebook.PASSWORD), FORM).status()).isEqualTo(401);
      assertThat(admin.postText("/admin/users/" + nora + "/enable", "", FORM).status()).isEqualTo(200);
      String reset = "another fine passphrase 7";
      assertThat(admin.postText("/admin/users/" + nora + "/password", form("password", reset), FORM).status()).isEqualTo(200);
      assertThat(http.postText("/sign-in", form("name", "nora", "password", reset), FORM).status()).isEqualTo(303);
      assertThat(admin.postText("/admin/users/" + nora + "/password", form("password", "short"), FORM).status()).isEqualTo(422);

      UUID self = casebook.accounts().findUser("admin").orElseThrow().id();
      assertThat(admin.get("/admin/users").body()).doesNotContain("/admin/users/" + self + "/disable").contains("Your own account");
      Http.Response own = admin.postText("/admin/users/" + self + "/disable", "", FORM);
      assertThat(own.status()).isEqualTo(422);
      assertThat(own.body()).contains("another administrator must disable it");
      assertThat(casebook.accounts().user(self).disabled()).isFalse();

      assertThat(actions(casebook, "user"))
          .containsSubsequence("admin user-create", "admin user-disable", "admin user-enable", "admin user-password-set");
    }
  }

  /** The audit log's "actor action" pairs about records of {@code kind}, oldest first. */
  private static java.util.List<String> actions(Casebook casebook, String kind) {
    return new org.casebook.audit.AuditLog(casebook.database().jdbi()).recent(1000).stream()
        .map(org.casebook.audit.AuditRecord::entry)
        .filter(entry -> kind.equals(entry.recordKind()))
        .sorted(java.util.Comparator.comparing(org.casebook.audit.AuditEntry::at))
        .map(entry -> entry.actor() + " " + entry.action())
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBrokenImportListsItsProblemsByLineAndWritesNothing(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = http.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      Http viewer = http.withToken(TestCasebook.token(casebook, "viewer", Role.VIEWER));
      assertThat(editor.get("/import").status()).isEqualTo(200);
      assertThat(viewer.get("/import").status()).isEqualTo(403);
      Map<String, Long> before = TestCasebook.counts(casebook);

      String broken =
          "format: casebook/1\n"
              + "case: {key: c1, title: Broken, risk: low, status: open, confidentiality: internal}\n"
              + "events:\n"
              + "  - key: e1\n"
              + "    type: <b>arrest</b>\n"
              + "    date: not a date\n";
      Http.Response refused = upload(editor, "<img src=x>.yaml", broken, false);
      assertThat(refused.status()).as(refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains("Nothing was written.", "Problems in the file", ".yaml:5", ".yaml:6");
      assertThat(refused.body()).doesNotContain("<img src=x>", "<b>arrest</b>");
      assertThat(TestCasebook.counts(casebook)).isEqualTo(before);

      String good = "format: casebook/1\ncase: {key: c2, title: Good, risk: low, status: open, confidentiality: internal}\n";
      Http.Response checked = upload(editor, "good.yaml", good, true);
      assertThat(checked.status()).as(checked.body()).isEqualTo(200);
      assertThat(checked.body()).contains("The file is correct").contains("Nothing was written.");
      assertThat(TestCasebook.counts(casebook)).isEqualTo(before);

      Http.Response imported = upload(editor, "good.yaml", good, false);
      assertThat(imported.status()).isEqualTo(200);
      Matcher caseLink = Pattern.compile("href=\"/cases/([0-9a-f-]{36})\"").matcher(imported.body());
      assertThat(caseLink.find()).as(imported.body()).isTrue();
      assertThat(editor.get("/cases/" + caseLink.group(1)).body()).contains("Good");

      Http.Response export = editor.get("/cases/" + caseLink.group(1) + "/export.yaml");
      assertThat(export.status()).isEqualTo(200);
      assertThat(export.raw().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
      assertThat(export.body()).contains("title: Good");
      assertThat(viewer.get("/cases/" + caseLink.group(1) + "/export.yaml").status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAdministratorManagesACaseTeamAndTheReferenceData(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = casebook.importer().importDocument(
          TestCasebook.TESTER, "c.yaml", "format: casebook/1\ncase: {key: c, title: Team case, risk: low, status: open, confidentiality: internal}\n",
          null, false, org.casebook.transfer.Progress.NONE).caseId();
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http admin = http.withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
      Http editor = http.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      UUID editorId = casebook.accounts().findUser("editor").orElseThrow().id();
      for (String path : new String[] {"/cases/" + caseId + "/team", "/admin/vocabularies", "/admin/catalogue"}) {
        assertThat(editor.get(path).status()).as(path).isEqualTo(403);
      }
      assertThat(editor.get("/cases/" + caseId).status()).isEqualTo(404);

      assertThat(admin.get("/cases/" + caseId + "/team").body()).contains("Nobody is on the team", "<option value=\"" + editorId + "\">");
      assertThat(admin.postText("/cases/" + caseId + "/team", form("user", editorId.toString()), FORM).status()).isEqualTo(303);
      assertThat(editor.get("/cases/" + caseId).status()).isEqualTo(200);
      assertThat(editor.get("/cases/" + caseId + "/export.yaml").status()).isEqualTo(403);
      assertThat(casebook.teams().members(caseId)).singleElement().satisfies(member -> assertThat(member.restrictedGrant()).isFalse());
      assertThat(admin.postText("/cases/" + caseId + "/team", form("user", editorId.toString(), "restricted_grant", "true"), FORM).status())
          .isEqualTo(303);
      assertThat(admin.get("/cases/" + caseId + "/team").body()).contains("Withdraw the restricted grant");
      assertThat(editor.get("/cases/" + caseId + "/export.yaml").status()).isEqualTo(200);
      assertThat(admin.postText("/cases/" + caseId + "/team/" + editorId + "/remove", "", FORM).status()).isEqualTo(303);
      assertThat(editor.get("/cases/" + caseId).status()).isEqualTo(404);

      Http.Response vocabularies = admin.get("/admin/vocabularies");
      assertThat(vocabularies.body()).contains("risk_level");
      Http.Response added =
          admin.postText(
              "/admin/vocabularies",
              form("vocabulary", "event_type", "code", "travel-ban-x", "label_en", "<i>Travel ban</i>", "label_ru", "Запрет на выезд"),
              FORM);
      assertThat(added.status()).as(added.body()).isEqualTo(200);
      assertThat(added.body()).contains("&lt;i&gt;Travel ban&lt;/i&gt;", "Запрет на выезд").doesNotContain("<i>Travel ban</i>");
      assertThat(admin.postText("/admin/vocabularies", form("vocabulary", "event_type", "code", "", "label_en", "", "label_ru", ""), FORM).status())
          .isEqualTo(422);

      Http.Response catalogue = admin.get("/admin/catalogue");
      assertThat(catalogue.status()).isEqualTo(200);
      Matcher code = Pattern.compile("<option value=\"([^\"]+)\">").matcher(catalogue.body());
      assertThat(code.find()).as(catalogue.body()).isTrue();
      Http.Response provision =
          admin.postText(
              "/admin/catalogue",
              form("code", code.group(1), "article", "999", "part", "", "title_en", "Test article", "title_ru", "Тестовая статья", "max_penalty_years", "2.5"),
              FORM);
      assertThat(provision.status()).as(provision.body()).isEqualTo(200);
      assertThat(provision.body()).contains(code.group(1) + " 999", "Test article");
      assertThat(admin.postText("/admin/catalogue", form("code", code.group(1), "article", "999", "title_en", "Again", "title_ru", "Снова"), FORM).status())
          .isEqualTo(422);

      assertThat(actions(casebook, "case-file")).containsSubsequence("admin team-add", "admin team-add", "admin team-remove");
      assertThat(actions(casebook, "provision")).containsExactly("admin provision-add");
      assertThat(new org.casebook.audit.AuditLog(casebook.database().jdbi()).recent(1000).stream().map(record -> record.entry()))
          .anySatisfy(entry -> assertThat(entry.action() + " " + entry.detail()).isEqualTo("vocabulary-term-add event_type:travel-ban-x"));
      assertThat(new org.casebook.audit.AuditLog(casebook.database().jdbi()).verify().intact()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theDashboardListsRecentChangesOnlyOfVisibleCaseFiles(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID seen = importCase(casebook, "seen", "Seen case", "Seen threat <b>");
      importCase(casebook, "hidden", "Hidden case", "Hidden threat");
      Http http = new Http(server.port()).with("Accept-Language", "en");
      Http editor = http.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      casebook.teams().addMember(seen, casebook.accounts().findUser("editor").orElseThrow().id(), false);

      Http.Response dashboard = editor.get("/");
      assertThat(dashboard.status()).isEqualTo(200);
      assertThat(dashboard.body())
          .contains("What changed recently", "Seen threat &lt;b&gt;", "href=\"/cases/" + seen + "\"", "changed by system:tester")
          .doesNotContain("Hidden", "Seen threat <b>");
    }
  }

  private static UUID importCase(Casebook casebook, String key, String title, String eventTitle) {
    String document =
        "format: casebook/1\ncase: {key: " + key + ", title: '" + title + "', risk: low, status: open, confidentiality: internal}\n"
            + "events:\n  - {key: e1, type: threat, date: 2024-03, title: '" + eventTitle + "'}\n";
    return casebook.importer().importDocument(TestCasebook.TESTER, key + ".yaml", document, null, false, org.casebook.transfer.Progress.NONE).caseId();
  }

  @Test
  void anUploadLargerThanTheApiAcceptsIsRefused() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http editor = new Http(server.port()).with("Accept-Language", "en").withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      String tooLarge = "# " + "x".repeat((int) WebServer.MAX_REQUEST_BYTES) + "\n";
      Http.Response refused = upload(editor, "large.yaml", tooLarge, false);
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.contentType()).startsWith("text/html");

      casebook.accounts().createUser("ines", "Ines Adler", Role.EDITOR, TestCasebook.PASSWORD);
      SignedIn ines = signIn(new Http(server.port()).with("Accept-Language", "en"), "ines", TestCasebook.PASSWORD);
      assertThat(upload(ines.session(), "large.yaml", tooLarge, false).status()).isEqualTo(422);
    }
  }

  private static String currentCode(CharSequence secret) {
    return Totp.code(secret.toString(), Totp.step(Instant.now()), Totp.DIGITS);
  }

  private static Http.Response upload(Http http, String fileName, String content, boolean dryRun) {
    StringBuilder body = new StringBuilder();
    if (dryRun) {
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\ntrue\r\n");
    }
    body.append("--").append(BOUNDARY)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName.replace("\"", "%22"))
        .append("\"\r\nContent-Type: application/yaml\r\n\r\n").append(content).append("\r\n--").append(BOUNDARY).append("--\r\n");
    return http.postText("/import", body.toString(), "multipart/form-data; boundary=" + BOUNDARY);
  }

  private static SignedIn signIn(Http http, String name, String password) {
    Http.Response signedIn = http.postText("/sign-in", form("name", name, "password", password), FORM);
    assertThat(signedIn.status()).isEqualTo(303);
    return session(http, signedIn);
  }

  private static SignedIn session(Http http, Http.Response signedIn) {
    String setCookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
    Http session = http.with("Cookie", setCookie.substring(0, setCookie.indexOf(';')));
    Matcher token = CSRF_FIELD.matcher(session.get("/account").body());
    assertThat(token.find()).isTrue();
    return new SignedIn(session, token.group(1));
  }

  /** A browser session: its cookie and the anti-forgery token its forms carry. */
  private record SignedIn(Http session, String csrfToken) {
    Http.Response post(String path, String... namesAndValues) {
      String[] withToken = new String[namesAndValues.length + 2];
      withToken[0] = "_csrf";
      withToken[1] = csrfToken;
      System.arraycopy(namesAndValues, 0, withToken, 2, namesAndValues.length);
      return session.postText(path, form(withToken), FORM);
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
