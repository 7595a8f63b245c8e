package org.casebook.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.audit.AuditLog;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in and out over HTTP: cookies, anti-forgery tokens, throttling, the second factor, headers. */
class SignInHttpTest {
  @TempDir Path dataDir;

  @Test
  void aSessionWorksOnlyWithItsAntiForgeryTokenAndIsUselessAfterSignOut() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      casebook.accounts().createUser("ines", "Ines", Role.EDITOR, TestCasebook.PASSWORD);
      Http http = new Http(server.port());

      Http.Response signedIn = http.post("/api/v1/session", Http.json(Map.of("name", "ines", "password", TestCasebook.PASSWORD)));
      assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
      String setCookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie).contains("casebook_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      String csrf = signedIn.json().get("csrf_token").asText();
      Http session = http.with("Cookie", cookie);

      assertThat(session.get("/api/v1/me").json().get("name").asText()).isEqualTo("ines");
      assertThat(session.post("/api/v1/persons", Http.json(Map.of("name", "Forged"))).status()).isEqualTo(403);
      assertThat(session.with("X-CSRF-Token", "wrong").post("/api/v1/persons", Http.json(Map.of("name", "Forged"))).status())
          .isEqualTo(403);
      assertThat(session.with("X-CSRF-Token", csrf).post("/api/v1/persons", Http.json(Map.of("name", "Real"))).status())
          .isEqualTo(201);

      assertThat(session.with("X-CSRF-Token", csrf).postEmpty("/api/v1/session/sign-out").status()).isEqualTo(204);
      assertThat(session.get("/api/v1/me").status()).isEqualTo(403);
      assertThat(session.with("X-CSRF-Token", csrf).post("/api/v1/persons", Http.json(Map.of("name", "After"))).status())
          .isEqualTo(403);
      assertThat(new AuditLog(casebook.database().jdbi()).verify().intact()).isTrue();
    }
  }

  @Test
  void wrongPasswordsAreThrottledWithoutNamingTheAccount() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      casebook.accounts().createUser("ines", "Ines", Role.EDITOR, TestCasebook.PASSWORD);
      Http http = new Http(server.port());
      String wrong = Http.json(Map.of("name", "ines", "password", "not the password at all"));

      for (int attempt = 1; attempt <= 5; attempt++) {
        Http.Response refused = http.post("/api/v1/session", wrong);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).isEqualTo("wrong name, password or code");
      }
      Http.Response throttled = http.post("/api/v1/session", Http.json(Map.of("name", "ines", "password", TestCasebook.PASSWORD)));
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(http.post("/api/v1/session", Http.json(Map.of("name", "nobody", "password", "x"))).json().get("detail").asText())
          .doesNotContain("nobody");
    }
  }

  @Test
  void anAdministratorMustEnrolASecondFactorAndThenUseIt() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      casebook.accounts().createUser("root", "Root", Role.ADMINISTRATOR, TestCasebook.PASSWORD);
      Http http = new Http(server.port());

      Http.Response first = http.post("/api/v1/session", Http.json(Map.of("name", "root", "password", TestCasebook.PASSWORD)));
      assertThat(first.json().get("must_enroll_totp").asBoolean()).isTrue();
      String cookie = first.raw().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      Http session = http.with("Cookie", cookie).with("X-CSRF-Token", first.json().get("csrf_token").asText());
      assertThat(session.get("/api/v1/users").status()).isEqualTo(403);

      String secret = session.postEmpty("/api/v1/me/totp").json().get("secret").asText();
      String code = Totp.code(secret, Totp.step(Instant.now()), Totp.DIGITS);
      Http.Response confirmed = session.post("/api/v1/me/totp/confirm", Http.json(Map.of("code", code)));
      assertThat(confirmed.json().get("recovery_codes").size()).isEqualTo(10);

      assertThat(http.post("/api/v1/session", Http.json(Map.of("name", "root", "password", TestCasebook.PASSWORD))).status())
          .isEqualTo(401);
      String next = Totp.code(secret, Totp.step(Instant.now()) + 1, Totp.DIGITS);
      Http.Response withCode =
          http.post("/api/v1/session", Http.json(Map.of("name", "root", "password", TestCasebook.PASSWORD, "code", next)));
      assertThat(withCode.status()).isEqualTo(200);
      assertThat(withCode.json().get("must_enroll_totp").asBoolean()).isFalse();
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndNoServerVersion() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      for (String path : new String[] {"/health", "/api/v1/cases", "/no-such-page"}) {
        var headers = new Http(server.port()).get(path).raw().headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
            .contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Server")).isEmpty();
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
      }
    }
  }
}
