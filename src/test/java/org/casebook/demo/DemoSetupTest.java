package org.casebook.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.casebook.accounts.Totp;
import org.casebook.app.Casebook;
import org.casebook.config.Settings;
import org.casebook.testing.Http;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSetupTest {
  @TempDir Path folder;

  private Casebook open(Path dataDir) {
    return Casebook.open(
        Settings.resolve(Map.of(Settings.Key.DATA_DIR, dataDir.toString()), Map.of(), null), Clock.systemUTC());
  }

  @Test
  void setsUpTheCaseAndAnAccountForEachRoleThatCanSignIn() throws Exception {
    try (Casebook casebook = open(folder.resolve("demo"))) {
      DemoSetup.Result demo = new DemoSetup(Clock.systemUTC()).setUp(casebook);

      assertThat(demo.imported().created()).isGreaterThan(80);
      assertThat(demo.accounts()).extracting(DemoSetup.Account::name).containsExactly("demo-admin", "demo-editor", "demo-viewer");
      for (DemoSetup.Account account : demo.accounts()) {
        String code =
            account.totpSecret() == null
                ? null
                : Totp.code(account.totpSecret(), Totp.step(java.time.Instant.now()) + 1, Totp.DIGITS);
        assertThat(casebook.accounts().signIn(account.name(), account.password(), code, "127.0.0.1").principal().name())
            .isEqualTo(account.name());
      }
      DemoSetup.Result again = new DemoSetup(Clock.systemUTC()).setUp(casebook);
      assertThat(again.imported().created()).isZero();
      assertThat(again.accounts().get(1).password()).isNotEqualTo(demo.accounts().get(1).password());

      try (WebServer server = casebook.serve("127.0.0.1", 0, DemoSetup.isDemo(casebook))) {
        Http.Response health = new Http(server.port()).get("/health");
        assertThat(health.raw().headers().firstValue("X-Casebook-Demo")).hasValue("true");
        assertThat(health.json().get("demo").asBoolean()).isTrue();
      }
    }
  }

  @Test
  void refusesAFolderThatHoldsOtherData() {
    Path dataDir = folder.resolve("real");
    try (Casebook casebook = open(dataDir)) {
      casebook.accounts().createUser("someone", "Someone", org.casebook.access.Role.EDITOR, "a long enough password here");

      assertThatThrownBy(() -> new DemoSetup(Clock.systemUTC()).setUp(casebook))
          .isInstanceOf(DemoSetup.NotADemoFolder.class)
          .hasMessageContaining(dataDir.getFileName().toString());
      assertThat(DemoSetup.isDemo(casebook)).isFalse();
    }
  }
}
