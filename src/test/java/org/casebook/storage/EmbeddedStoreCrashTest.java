package org.casebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.config.Settings;
import org.casebook.testing.Http;
import org.casebook.testing.ServerProcess;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store keeps every transaction it has answered for: a server killed (SIGKILL, a
 * real process) just after an import was answered comes back with all of it, and one killed in
 * the middle of an import comes back with all of that import or none of it, and goes on working.
 *
 * <p>The moments of the kills are random; the seed is printed and can be given back with the
 * system property {@code casebook.crashSeed} to replay a run.
 */
class EmbeddedStoreCrashTest {
  private static final int EVENTS = 800;
  private static final int ROUNDS = 3;

  @TempDir Path dataDir;

  @Test
  void aKilledServerKeepsWhatItAnsweredForAndNothingHalfWritten() throws Exception {
    long seed = Long.getLong("casebook.crashSeed", new Random().nextLong());
    System.out.println("EmbeddedStoreCrashTest seed: " + seed + " (replay with -Dcasebook.crashSeed=" + seed + ")");
    Random random = new Random(seed);
    Settings settings = Settings.resolve(Map.of(Settings.Key.DATA_DIR, dataDir.toString()), Map.of(), null);
    String importer;
    try (Casebook casebook = Casebook.open(settings, Clock.systemUTC())) {
      importer = TestCasebook.token(casebook, "importer", Role.EDITOR);
    }
    long expected = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // Answered, then killed at once: everything answered for is kept.
        ServerProcess answered = ServerProcess.start(dataDir);
        Http.Response imported = new Http(answered.port()).withToken(importer).postText("/api/v1/import", caseFile("answered-" + round, random), "application/yaml");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        answered.kill();
        expected += EVENTS;

        // Killed in the middle of the next import: all of it or none.
        ServerProcess interrupted = ServerProcess.start(dataDir);
        assertThat(events(interrupted, importer)).as("round %d: the import answered before the kill is kept", round).isEqualTo(expected);
        Http http = new Http(interrupted.port()).withToken(importer);
        String document = caseFile("interrupted-" + round, random);
        CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> postQuietly(http, document));
        Thread.sleep(random.nextInt(1500));
        interrupted.kill();
        importing.handle((done, failure) -> null).get(30, TimeUnit.SECONDS);

        ServerProcess restarted = ServerProcess.start(dataDir);
        long after = events(restarted, importer);
        assertThat(after).as("round %d: all of the interrupted import or none of it", round).isIn(expected, expected + EVENTS);
        expected = after;
        restarted.stop();
      }
    } finally {
      Path log = dataDir.resolve("server.log");
      if (Files.exists(log)) {
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
          lines.filter(line -> line.contains("ERROR") || line.contains("Exception")).limit(40)
              .forEach(line -> System.out.println("EmbeddedStoreCrashTest, server: " + line));
        }
      }
    }
  }

  private static long events(ServerProcess server, String token) {
    Http.Response response = new Http(server.port()).withToken(token).get("/api/v1/events?size=1");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("total").asLong();
  }

  private static void postQuietly(Http http, String document) {
    try {
      http.postText("/api/v1/import", document, "application/yaml");
    } catch (AssertionError killed) {
      // The server died while answering: what it kept is checked after the restart.
    }
  }

  /** An invented case file with one person and many events about them. */
  private static String caseFile(String key, Random random) {
    StringBuilder yaml = new StringBuilder("format: casebook/1\ncase: {key: ").append(key)
        .append(", title: 'Задержания ").append(key).append("', risk: high, status: open}\npersons:\n  - {key: p, name: 'Айгерим Абенова ")
        .append(key).append("'}\nevents:\n");
    for (int event = 0; event < EVENTS; event++) {
      yaml.append("  - {key: e").append(event).append(", date: ").append(2000 + random.nextInt(24))
          .append(", type: detention, title: 'Detention ").append(event).append("', participants: [{person: p, role: victim}]}\n");
    }
    return yaml.toString();
  }
}
