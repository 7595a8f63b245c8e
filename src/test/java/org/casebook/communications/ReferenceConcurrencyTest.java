package org.casebook.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.common.VoidRequest;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.SettableClock;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * References stay unique and gapless when many letters to the same State are sent at once, through
 * the service from parallel threads and through parallel HTTP requests, on both databases.
 */
class ReferenceConcurrencyTest {
  private static final int LETTERS = 20;

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void twentyLettersSentInParallelThreadsAreNumberedOneToTwenty(TestStore store) throws Exception {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      CommunicationService communications = casebook.records().communications();
      UUID caseId = Drafts.caseFile(casebook, "parallel");
      List<UUID> drafts = new ArrayList<>();
      for (int index = 0; index < LETTERS; index++) {
        drafts.add(communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", caseId, "Letter " + index)).id());
      }

      List<String> references =
          inParallel(drafts.stream()
              .map(id -> (Callable<String>) () ->
                  communications.send(TestCasebook.TESTER, id, new TransitionRequest(1, null, null)).reference())
              .toList());

      assertThat(references).containsExactlyInAnyOrderElementsOf(expected("AL KAZ", 1, LETTERS));
      UUID voided = drafts.get(0);
      communications.voidCommunication(TestCasebook.TESTER, voided, new VoidRequest(2, "Sent in error."));
      Communication next = communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", caseId, "After the void"));
      assertThat(communications.send(TestCasebook.TESTER, next.id(), new TransitionRequest(1, null, null)).reference())
          .isEqualTo("AL KAZ 21/2024");
      Communication other = communications.create(TestCasebook.TESTER, Drafts.letter("MNE", caseId, "Another State"));
      assertThat(communications.send(TestCasebook.TESTER, other.id(), new TransitionRequest(1, null, null)).reference())
          .isEqualTo("AL MNE 1/2024");
      clock.set("2025-01-02T09:00:00Z");
      Communication nextYear = communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", caseId, "Next year"));
      assertThat(communications.send(TestCasebook.TESTER, nextYear.id(), new TransitionRequest(1, null, null)).reference())
          .isEqualTo("AL KAZ 1/2025");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void twentyParallelSendRequestsGetTwentyNumbersWithNoGapOrRepeat(TestStore store) throws Exception {
    SettableClock clock = SettableClock.at("2024-08-20T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http editor = new Http(server.port()).withToken(TestCasebook.token(casebook, "sender", Role.EDITOR));
      UUID caseId = Drafts.caseFile(casebook, "requests");
      casebook.teams().addMember(caseId, casebook.accounts().findUser("sender").orElseThrow().id(), true);
      List<String> ids = new ArrayList<>();
      for (int index = 0; index < LETTERS; index++) {
        Http.Response created = editor.post("/api/v1/communications", Http.json(java.util.Map.of(
            "type", "UA", "states", List.of("MNE"), "mandates", List.of(Drafts.DEFENDERS), "cases", List.of(caseId.toString()),
            "subject", "Appeal " + index)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ids.add(created.json().get("id").asText());
      }

      List<String> references =
          inParallel(ids.stream()
              .map(id -> (Callable<String>) () -> {
                Http.Response sent = editor.post("/api/v1/communications/" + id + "/send", "{\"version\": 1}");
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);
                return sent.json().get("reference").asText();
              })
              .toList());

      assertThat(references).containsExactlyInAnyOrderElementsOf(expected("UA MNE", 1, LETTERS));
      Http.Response again = editor.post("/api/v1/communications/" + ids.get(0) + "/send", "{\"version\": 2}");
      assertThat(again.status()).isEqualTo(422);
      assertThat(again.json().at("/errors/0/field").asText()).isEqualTo("status");
    }
  }

  private static List<String> expected(String prefix, int first, int last) {
    return IntStream.rangeClosed(first, last).mapToObj(number -> prefix + " " + number + "/2024").toList();
  }

  /** Runs every task at once, started together, and returns their results. */
  private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
