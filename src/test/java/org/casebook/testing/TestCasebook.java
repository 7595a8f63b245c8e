package org.casebook.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.casebook.app.Casebook;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import org.casebook.accounts.Totp;
import org.casebook.accounts.User;
import org.casebook.config.Settings;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.transfer.ImportResult;
import org.casebook.transfer.Progress;

/** A whole Casebook over a fresh test store, with its files in a temporary folder. */
public final class TestCasebook {
  /** The demo case file in the project's demo/ folder (tests run from the project root). */
  public static final Path DEMO = Path.of("demo", "smailova.yaml");

  public static final Caller TESTER = Caller.system("tester");

  private TestCasebook() {}

  public static Casebook open(TestStore store, Path dataDir) {
    return open(store, dataDir, Clock.systemUTC());
  }

  /** A Casebook whose time comes from {@code clock}. */
  public static Casebook open(TestStore store, Path dataDir, Clock clock) {
    Database database = store.open();
    Settings settings =
        Settings.resolve(Map.of(Settings.Key.DATA_DIR, dataDir.toString(), Settings.Key.PORT, "0"), Map.of(), null);
    return Casebook.on(database, settings, clock);
  }

  /** A password that meets the policy, for test accounts. */
  public static final String PASSWORD = "correct horse battery staple";

  /** Creates an account with {@code role} and returns a new API token of it. */
  public static String token(Casebook casebook, String name, Role role) {
    User user = casebook.accounts().createUser(name, name, role, PASSWORD);
    if (role.requiresTotp()) {
      String secret = casebook.accounts().enrollTotp(user.id()).secret();
      casebook.accounts().confirmTotp(user.id(), Totp.code(secret, Totp.step(java.time.Instant.now()), Totp.DIGITS));
    }
    return casebook.accounts().createApiToken(user.id(), "tests", java.time.Duration.ofDays(1)).rawToken();
  }

  public static ImportResult importDemo(Casebook casebook) {
    return casebook.importer().importFile(TESTER, DEMO, false, Progress.NONE);
  }

  /** The number of rows in each record table, to show that a refused write changed nothing. */
  public static Map<String, Long> counts(Casebook casebook) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    casebook
        .database()
        .jdbi()
        .useHandle(
            handle -> {
              for (String table :
                  java.util.List.of(
                      "case_files", "persons", "person_names", "organizations", "relationships", "sources",
                      "events", "event_participants", "proceedings", "proceeding_charges",
                      "proceeding_status_changes", "case_persons")) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
              }
            });
    return counts;
  }
}
