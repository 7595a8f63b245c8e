package org.casebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.config.Settings;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.ServerProcess;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the server (SIGKILL, a real process) in the middle of a large import, and again while
 * its indexer applies another, leaves index and database in agreement once it has started again:
 * the import is all or nothing, and the index catches up from the outbox.
 *
 * <p>The server keeps its records in PostgreSQL here (the test's own, as in the storage tests),
 * which survives a kill with every committed transaction and none of the others; the embedded H2
 * store is held to the same by {@code storage.EmbeddedStoreCrashTest}.
 *
 * <p>The moment of the first kill is random; the seed is printed and can be given back with the
 * system property {@code casebook.crashSeed} to replay a run.
 */
class SearchCrashTest {
  private static final int EVENTS = 1500;
  private static final int PERSONS = 150;

  @TempDir Path dataDir;

  @Test
  void killingTheServerMidImportLeavesIndexAndDatabaseInAgreement() throws Exception {
    try {
      killAndRestart();
    } finally {
      Path log = dataDir.resolve("server.log");
      if (java.nio.file.Files.exists(log)) {
        try (var lines = java.nio.file.Files.lines(log, StandardCharsets.UTF_8)) {
          lines.filter(line -> line.contains("SearchIndexer") || line.contains("ERROR") || line.startsWith("\tat ") || line.startsWith("caused by"))
              .limit(200)
              .forEach(line -> System.out.println("SearchCrashTest, server: " + line));
        }
      }
    }
  }

  private void killAndRestart() throws Exception {
    long seed = Long.getLong("casebook.crashSeed", new Random().nextLong());
    System.out.println("SearchCrashTest seed: " + seed + " (replay with -Dcasebook.crashSeed=" + seed + ")");
    Random random = new Random(seed);
    TestStore.Server database = TestStore.freshPostgresSchema();
    Settings settings =
        Settings.resolve(
            Map.of(
                Settings.Key.DATA_DIR, dataDir.toString(), Settings.Key.DB_URL, database.url(),
                Settings.Key.DB_USER, database.user(), Settings.Key.DB_PASSWORD, database.password()),
            Map.of(),
            null);
    String importer;
    String administrator;
    try (Casebook casebook = Casebook.open(settings, Clock.systemUTC())) {
      importer = TestCasebook.token(casebook, "importer", Role.EDITOR);
      administrator = TestCasebook.token(casebook, "administrator", Role.ADMINISTRATOR);
    }
    String document = largeCaseFile(random);

    // 1. Killed at a random moment while the import runs (or its indexing, if it was quick).
    ServerProcess first = ServerProcess.start(dataDir, database);
    Http http = new Http(first.port()).withToken(importer);
    CompletableFuture<Http.Response> importing = CompletableFuture.supplyAsync(() -> postQuietly(http, document));
    Thread.sleep(300 + random.nextInt(2500));
    first.kill();
    importing.handle((response, failure) -> null).get(30, TimeUnit.SECONDS);

    // 2. Started again: the import is there entirely or not at all, and the index follows.
    ServerProcess second = ServerProcess.start(dataDir, database);
    long events = awaitAgreement(new Http(second.port()).withToken(administrator));
    assertThat(events).as("all of the import or none of it").isIn(0L, (long) EVENTS);
    Http again = new Http(second.port()).withToken(importer);
    String another = document.replace("{key: crash, title: Ряд событий", "{key: crash-again, title: Новый ряд событий");
    Http.Response imported = again.postText("/api/v1/import", another, "application/yaml");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    // 3. Killed while the indexer applies the second import: at once, or a moment later.
    Thread.sleep(random.nextInt(800));
    second.kill();

    ServerProcess third = ServerProcess.start(dataDir, database);
    long after = awaitAgreement(new Http(third.port()).withToken(administrator));
    assertThat(after).as("the second import, committed before the kill, is kept").isEqualTo(events + EVENTS);
    System.out.println("SearchCrashTest: the first import was " + (events == 0 ? "rolled back" : "committed") + " when the server was killed");
    third.stop();

    try (Casebook casebook = Casebook.open(settings, Clock.systemUTC())) {
      SearchIndexer.Agreement agreement = casebook.searchIndexer().compare();
      assertThat(agreement.index().counts()).isEqualTo(counts(agreement));
      assertThat(agreement.index().fingerprints()).isEqualTo(fingerprints(agreement));
      assertThat(agreement.index().counts().get(RecordKind.EVENT)).isEqualTo(after);
      assertThat(casebook.searchIndexer().catchUp().agrees()).isTrue();
    }
  }

  /**
   * Waits until, for someone who sees everything, search counts as many records of each kind as
   * the record lists do; returns the number of events.
   */
  private static long awaitAgreement(Http http) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (true) {
      long listed = total(http, "/api/v1/events?size=1");
      long found = total(http, "/api/v1/search?kind=event&size=1");
      long persons = total(http, "/api/v1/persons?size=1");
      long foundPersons = total(http, "/api/v1/search?kind=person&size=1");
      long cases = total(http, "/api/v1/cases?size=1");
      long foundCases = total(http, "/api/v1/search?kind=case&size=1");
      if (listed >= 0 && listed == found && persons == foundPersons && cases == foundCases) {
        return listed;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "index and database still disagree: " + found + " events found, " + listed + " listed; " + foundPersons
                + " persons found, " + persons + " listed; " + foundCases + " case files found, " + cases + " listed");
      }
      Thread.sleep(200);
    }
  }

  /** The total of a list or search, or -1 (printed) when the server failed to answer it. */
  private static long total(Http http, String path) {
    Http.Response response = http.get(path);
    if (response.status() != 200) {
      System.out.println("SearchCrashTest: " + path + " answered " + response.status() + ": " + response.body());
      return -1;
    }
    return response.json().get("total").asLong();
  }

  private static Map<RecordKind, Long> counts(SearchIndexer.Agreement agreement) {
    Map<RecordKind, Long> counts = new java.util.EnumMap<>(RecordKind.class);
    agreement.database().forEach((kind, expected) -> counts.put(kind, expected.count()));
    return counts;
  }

  private static Map<RecordKind, Long> fingerprints(SearchIndexer.Agreement agreement) {
    Map<RecordKind, Long> sums = new java.util.EnumMap<>(RecordKind.class);
    agreement.database().forEach((kind, expected) -> sums.put(kind, expected.fingerprint()));
    return sums;
  }

  private static Http.Response postQuietly(Http http, String document) {
    try {
      return http.postText("/api/v1/import", document, "application/yaml");
    } catch (AssertionError killed) {
      return null;
    }
  }

  /** A case file with many persons (in both scripts) and events that name them. */
  private static String largeCaseFile(Random random) {
    StringBuilder yaml = new StringBuilder("format: casebook/1\ncase: {key: crash, title: Ряд событий, risk: high, status: open}\npersons:\n");
    String[] given = {"Aigerim", "Айгерим", "Nurlan", "Нурлан", "Saule", "Сауле", "Yerlan", "Ерлан"};
    String[] family = {"Abenova", "Абенова", "Tokayev", "Токаев", "Seitkali", "Сейткали", "Zhaksybekov", "Жаксыбеков"};
    for (int person = 0; person < PERSONS; person++) {
      yaml.append("  - {key: p").append(person).append(", name: '").append(given[random.nextInt(given.length)]).append(' ')
          .append(family[random.nextInt(family.length)]).append(' ').append(person).append("'}\n");
    }
    yaml.append("events:\n");
    for (int event = 0; event < EVENTS; event++) {
      yaml.append("  - {key: e").append(event).append(", date: ").append(2000 + random.nextInt(24)).append('-')
          .append(String.format(java.util.Locale.ROOT, "%02d", 1 + random.nextInt(12)))
          .append(", type: detention, title: 'Detention number ").append(event)
          .append("', description: 'Ряд событий: задержание активиста в Алматы, протокол ").append(random.nextInt(100_000))
          .append(".', participants: [{person: p").append(random.nextInt(PERSONS)).append(", role: victim}]}\n");
    }
    return yaml.toString();
  }
}
