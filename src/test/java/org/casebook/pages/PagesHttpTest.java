package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.common.Redaction;
import org.casebook.dates.PartialDate;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HTML pages over real HTTP: sign-in, the case page, the public site, escaping, assets. */
class PagesHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern EDTF = Pattern.compile("data-edtf=\"([^\"]+)\"");
  private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");
  private static final Pattern ABSOLUTE_URL = Pattern.compile("https?://[^\\s\"'<>)]+");

  /** The name of the SVG namespace: an identifier in drawings, never fetched. */
  private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

  @TempDir Path dataDir;

  @Test
  void signingInWithTheFormSetsTheSessionCookieAndSigningOutNeedsTheFormsToken() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      casebook.accounts().createUser("ines", "Ines Adler", Role.EDITOR, TestCasebook.PASSWORD);
      Http http = new Http(server.port()).with("Accept-Language", "en");

      Http.Response form = http.get("/sign-in");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.contentType()).startsWith("text/html");
      assertThat(form.body()).contains("<title>Sign in · Casebook</title>", "name=\"password\"", "name=\"code\"");

      Http.Response refused = http.postText("/sign-in", form("name", "ines", "password", "not the password at all"), FORM);
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.body()).contains("Wrong name, password or code").contains("value=\"ines\"");
      assertThat(refused.raw().headers().firstValue("Set-Cookie")).isEmpty();

      Http.Response signedIn =
          http.postText("/sign-in", form("name", "ines", "password", TestCasebook.PASSWORD, "next", "/cases"), FORM);
      assertThat(signedIn.status()).isEqualTo(303);
      assertThat(signedIn.raw().headers().firstValue("Location")).hasValue("/cases");
      String setCookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie).startsWith("casebook_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
      Http session = http.with("Cookie", setCookie.substring(0, setCookie.indexOf(';')));

      Http.Response dashboard = session.get("/");
      assertThat(dashboard.status()).isEqualTo(200);
      assertThat(dashboard.body()).contains("Signed in as Ines Adler").contains("<title>Dashboard · Casebook</title>");
      assertThat(dashboard.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
      Matcher token = CSRF_FIELD.matcher(dashboard.body());
      assertThat(token.find()).isTrue();

      Http.Response forged = session.postText("/sign-out", "", FORM);
      assertThat(forged.status()).isEqualTo(403);
      assertThat(forged.contentType()).startsWith("text/html");
      assertThat(session.get("/").status()).isEqualTo(200);

      Http.Response signedOut = session.postText("/sign-out", form("_csrf", token.group(1)), FORM);
      assertThat(signedOut.status()).isEqualTo(303);
      assertThat(signedOut.raw().headers().firstValue("Location")).hasValue("/public");
      Http.Response afterwards = session.get("/");
      assertThat(afterwards.status()).isEqualTo(303);
      assertThat(afterwards.raw().headers().firstValue("Location")).hasValue("/public");
      assertThat(session.get("/cases").status()).isEqualTo(401);
    }
  }

  @Test
  void theSignInFormNeverSendsAnyoneToAnotherSite() {
    assertThat(SignInPages.localPath("/cases/1?type=threat")).isEqualTo("/cases/1?type=threat");
    for (String hostile : new String[] {"https://evil.example", "//evil.example", "/\\evil.example", "evil", null, "/sign-in"}) {
      assertThat(SignInPages.localPath(hostile)).as(String.valueOf(hostile)).isEqualTo("/");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theCasePageShowsTheChronologyInOrderWithDatesInTheChosenLanguage(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http admin = new Http(server.port()).withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));

      Http.Response english = admin.with("Accept-Language", "en-GB,en;q=0.9").get("/cases/" + caseId);
      assertThat(english.status()).as(english.body()).isEqualTo(200);
      assertThat(english.body()).contains("<html lang=\"en\">", ">July 2016</time>", "Chronology", "KZ-CC 190(4)(2)");
      List<PartialDate> dates = new ArrayList<>();
      Matcher edtf = EDTF.matcher(english.body());
      while (edtf.find()) {
        dates.add(PartialDate.parse(edtf.group(1)));
      }
      assertThat(dates).hasSizeGreaterThan(50).isSorted();

      Http.Response russian = admin.get("/cases/" + caseId + "?lang=ru");
      assertThat(russian.body()).contains("<html lang=\"ru\">", ">июль 2016</time>", "Хронология").doesNotContain(">July 2016</time>");
      String languageCookie = russian.raw().headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(languageCookie).startsWith("casebook_lang=ru");
      assertThat(admin.with("Cookie", "casebook_lang=ru").get("/cases/" + caseId).body()).contains("июль 2016");
      assertThat(admin.with("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").get("/cases").body()).contains("Дела");

      Http.Response threats = admin.get("/cases/" + caseId + "?type=wanted-listing");
      Matcher filtered = EDTF.matcher(threats.body());
      int count = 0;
      while (filtered.find()) {
        count++;
      }
      assertThat(count).isPositive().isLessThan(dates.size());
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void thePublicPageShowsTheRedactionsAndAnUnpublishedCaseIsNotFoundLikeNoCase(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID published = TestCasebook.importDemo(casebook).caseId();
      UUID unpublished = importCase(casebook, "Unpublished case", "internal");
      Http anyone = new Http(server.port()).with("Accept-Language", "en");

      assertThat(anyone.get("/public").body()).contains("/public/cases/" + published).doesNotContain(unpublished.toString());
      Http.Response page = anyone.get("/public/cases/" + published);
      assertThat(page.status()).isEqualTo(200);
      String text = unescape(page.body());
      assertThat(text).contains(Redaction.MARK, "Dinara Smailova", "July 2016").doesNotContain("Smailova's lawyer");

      Http.Response hidden = anyone.get("/public/cases/" + unpublished);
      UUID none = UUID.randomUUID();
      Http.Response missing = anyone.get("/public/cases/" + none);
      assertThat(hidden.status()).isEqualTo(404);
      assertThat(missing.status()).isEqualTo(404);
      assertThat(hidden.body().replace(unpublished.toString(), "ID")).isEqualTo(missing.body().replace(none.toString(), "ID"));
      assertThat(hidden.contentType()).startsWith("text/html");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void hostileTextInRecordsStaysInert(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      String hostile = "<script>alert(1)</script>";
      String document =
          String.join(
              "\n",
              "format: casebook/1",
              "case: {key: hostile, title: '" + hostile + "', summary: '\" onmouseover=\"alert(2)', risk: high, status: open,"
                  + " subjects: [person], confidentiality: public}",
              "persons:",
              "  - {key: person, name: '" + hostile + "', confidentiality: public}",
              "sources:",
              "  - {key: source, title: '" + hostile + "', kind: news-article, confidentiality: public}",
              "events:",
              "  - {key: event, date: 2016-07, type: threat, title: '" + hostile + "', sources: [source], confidentiality: public}",
              "");
      UUID caseId = casebook.importer().importDocument(TestCasebook.TESTER, "hostile.yaml", document, null, false, org.casebook.transfer.Progress.NONE).caseId();
      Http admin = new Http(server.port()).withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));

      for (String path : new String[] {"/cases/" + caseId, "/public/cases/" + caseId, "/cases", "/public", "/"}) {
        Http.Response page = admin.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        assertThat(page.body()).as(path).doesNotContain(hostile);
        if (path.contains(caseId.toString())) {
          assertThat(page.body()).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
      }
      Http.Response search = admin.get("/cases?country=" + URLEncoder.encode("\"><b>x", StandardCharsets.UTF_8));
      assertThat(search.body()).doesNotContain("<b>x").contains("value=\"&#34;>&lt;b>x\"");
    }
  }

  @Test
  void assetsHaveContentHashedNamesLongCacheLifetimesAndAreCompressed() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port());
      Matcher assets = ASSET.matcher(http.get("/sign-in").body());
      List<String> paths = new ArrayList<>();
      while (assets.find()) {
        paths.add(assets.group(1));
      }
      assertThat(paths).hasSize(3);
      assertThat(paths).anyMatch(path -> path.matches("/assets/casebook-[0-9a-f]{12}\\.css"));
      assertThat(paths).anyMatch(path -> path.matches("/assets/casebook-[0-9a-f]{12}\\.js"));
      assertThat(paths).anyMatch(path -> path.matches("/assets/htmx-[0-9a-f]{12}\\.min\\.js"));
      for (String path : paths) {
        Http.Response asset = http.with("Accept-Encoding", "gzip").get(path);
        assertThat(asset.status()).as(path).isEqualTo(200);
        assertThat(asset.raw().headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=31536000, immutable");
        if (asset.raw().headers().firstValueAsLong("Content-Length").orElse(Long.MAX_VALUE) > 1500) {
          assertThat(asset.raw().headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
        }
        assertThat(asset.contentType()).as(path).matches("text/(css|javascript); charset=utf-8");
      }
      assertThat(http.get("/assets/casebook-000000000000.css").status()).isEqualTo(404);
      assertThat(http.get(paths.get(0)).body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import");
    }
  }

  @Test
  void errorsArePagesOutsideTheApiAndProblemDetailsInside() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port()).with("Accept-Language", "ru");
      Http.Response page = http.get("/no-such-page");
      assertThat(page.status()).isEqualTo(404);
      assertThat(page.contentType()).startsWith("text/html");
      assertThat(page.body()).contains("Страница не найдена");
      Http.Response api = http.get("/api/v1/no-such-thing");
      assertThat(api.status()).isEqualTo(404);
      assertThat(api.contentType()).startsWith("application/problem+json");
      assertThat(http.get("/cases/not-a-uuid").status()).isEqualTo(401);
      Http admin = http.withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
      assertThat(admin.get("/cases/not-a-uuid").status()).isEqualTo(404);
      assertThat(admin.get("/cases/" + UUID.randomUUID()).body()).contains("Страница не найдена");
    }
  }

  @Test
  void pagesReferToNoOtherHostExceptLinksInTheRecords() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      Http admin = new Http(server.port()).withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
      Set<String> recordLinks = new HashSet<>();
      admin
          .get("/api/v1/sources?case=" + caseId + "&size=500")
          .json()
          .get("items")
          .forEach(source -> {
            if (source.hasNonNull("url")) {
              recordLinks.add(source.get("url").asText());
            }
          });
      String summary = admin.get("/api/v1/cases/" + caseId).json().get("summary").asText();
      Matcher inSummary = ABSOLUTE_URL.matcher(summary);
      while (inSummary.find()) {
        recordLinks.add(inSummary.group());
      }
      recordLinks.add(SVG_NAMESPACE);
      Http anyone = new Http(server.port());
      List<Http.Response> pages =
          List.of(
              admin.get("/"), admin.get("/cases"), admin.get("/cases/" + caseId), admin.get("/cases/" + caseId + "?lang=ru"),
              anyone.get("/public"), anyone.get("/public/cases/" + caseId), anyone.get("/sign-in"), anyone.get("/nothing-here"));
      for (Http.Response page : pages) {
        String html = unescape(page.body());
        Matcher url = ABSOLUTE_URL.matcher(html);
        while (url.find()) {
          assertThat(recordLinks).as("an address on a page that no record holds").contains(url.group());
        }
        Matcher loads = Pattern.compile("<(script|link|img|iframe|form|source)\\b[^>]*>").matcher(page.body());
        while (loads.find()) {
          assertThat(loads.group()).as("what a page loads or posts to").doesNotContain("//");
        }
      }
    }
  }

  @Test
  void onlyWebAddressesBecomeLinks() {
    PageContext page = new PageContext(Messages.of(java.util.Locale.ENGLISH), null, false, "/", "", null, null);
    assertThat(page.safeLink("https://example.org/a")).isEqualTo("https://example.org/a");
    assertThat(page.safeLink(" javascript:alert(1)")).isNull();
    assertThat(page.safeLink("data:text/html,x")).isNull();
    assertThat(page.safeLink(null)).isNull();
  }

  private static UUID importCase(Casebook casebook, String title, String confidentiality) {
    String document =
        "format: casebook/1\ncase: {key: other, title: '" + title + "', risk: low, status: open, confidentiality: "
            + confidentiality + "}\n";
    return casebook.importer().importDocument(TestCasebook.TESTER, "other.yaml", document, null, false, org.casebook.transfer.Progress.NONE).caseId();
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

  private static String unescape(String html) {
    return html.replace("&#39;", "'").replace("&#34;", "\"").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
