package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditLogTest {
  private static final Instant START = Instant.parse("2024-03-01T09:15:00.123456789Z");
  private static final UUID PERSON = UUID.fromString("6f1c1b9e-8d2a-4f4e-9a51-0c3e2b7d4a10");

  private static AuditEntry entry(int number) {
    return new AuditEntry(
        START.plusMillis(number * 1001L),
        "editor",
        number % 2 == 0 ? "session-" + number : null,
        number % 3 == 0 ? "update" : "create",
        "person",
        number % 4 == 0 ? null : PERSON,
        number % 5 == 0 ? null : "version=" + number + " Ω");
  }

  private static void appendEntries(Database database, AuditLog log, int count) {
    for (int number = 1; number <= count; number++) {
      AuditEntry entry = entry(number);
      database.jdbi().useTransaction(handle -> log.append(handle, entry));
    }
  }

  private static void execute(Database database, String sql) {
    database.jdbi().useHandle(handle -> handle.execute(sql));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anEmptyLogIsIntactWithTheStartingHead(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());

      VerificationReport report = log.verify();

      assertThat(report.intact()).isTrue();
      assertThat(report.entries()).isZero();
      assertThat(log.headHash()).isEqualTo("0".repeat(64));
      assertThat(log.recent(10)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void appendedEntriesReadBackAsWrittenAndVerify(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 12);

      VerificationReport report = log.verify();

      assertThat(report.problems()).isEmpty();
      assertThat(report.intact()).isTrue();
      assertThat(report.entries()).isEqualTo(12);
      assertThat(report.headHash()).isEqualTo(log.headHash()).matches("[0-9a-f]{64}");
      assertThat(report.summary())
          .isEqualTo("audit log intact: 12 entries, head " + log.headHash());
      List<AuditRecord> recent = log.recent(3);
      assertThat(recent).extracting(AuditRecord::seq).containsExactly(12L, 11L, 10L);
      assertThat(recent.get(0).entry()).isEqualTo(entry(12));
      assertThat(recent.get(0).entry().at()).isEqualTo("2024-03-01T09:15:12.135456Z");
      assertThat(recent.get(0).hash()).isEqualTo(log.headHash());
      assertThat(recent.get(1).hash()).isEqualTo(recent.get(0).prevHash());
      assertThat(log.recentBefore(10, 100)).extracting(AuditRecord::seq).hasSize(9).startsWith(9L);
      assertThat(log.forRecord(PERSON, 100))
          .extracting(AuditRecord::seq)
          .containsExactly(11L, 10L, 9L, 7L, 6L, 5L, 3L, 2L, 1L);
      assertThat(log.forRecordBefore(PERSON, 9, 2))
          .extracting(AuditRecord::seq)
          .containsExactly(7L, 6L);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsProgressUpToTheWholeLog(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 5);
      List<long[]> calls = new ArrayList<>();

      log.verify(null, (checked, total) -> calls.add(new long[] {checked, total}));

      assertThat(calls).isNotEmpty();
      assertThat(calls.get(calls.size() - 1)).containsExactly(5, 5);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void verifiesInBatchesAcrossTheirBoundaries(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi(), 5);
      appendEntries(database, log, 15);
      assertThat(log.verify().intact()).isTrue();
      assertThat(log.verify().entries()).isEqualTo(15);

      execute(database, "DELETE FROM audit_log WHERE seq IN (5, 6)");
      execute(database, "UPDATE audit_log SET detail = NULL WHERE seq = 11");

      VerificationReport report = log.verify();

      assertThat(report.entries()).isEqualTo(13);
      assertThat(report.problems())
          .extracting(AuditProblem::seq, AuditProblem::kind)
          .containsExactly(
              tuple(7L, AuditProblem.Kind.MISSING), tuple(11L, AuditProblem.Kind.CHANGED));
      assertThat(report.problems().get(0).message())
          .isEqualTo("seq 5 to 6 are missing (removed): the next entry is seq 7");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void verifiesWhileOthersAppend(TestStore store) throws Exception {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi(), 7);
      appendEntries(database, log, 20);
      ExecutorService writer = Executors.newSingleThreadExecutor();
      AtomicBoolean stop = new AtomicBoolean();
      java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
      Future<Integer> appended =
          writer.submit(
              () -> {
                int count = 0;
                while (!stop.get()) {
                  AuditEntry entry = entry(count % 50 + 1);
                  database.jdbi().useTransaction(handle -> log.append(handle, entry));
                  count++;
                  written.set(count);
                }
                return count;
              });
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int round = 0; round < 20 || (written.get() < 5 && System.nanoTime() < deadline); round++) {
          VerificationReport report = log.verify();
          assertThat(report.problems()).isEmpty();
        }
      } finally {
        stop.set(true);
        writer.shutdown();
      }
      assertThat(appended.get(1, TimeUnit.MINUTES)).isPositive();
      assertThat(log.verify().intact()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void namesTheEntryWhoseDetailWasChanged(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 6);
      execute(database, "UPDATE audit_log SET detail = 'version=1' WHERE seq = 4");

      VerificationReport report = log.verify();

      assertThat(report.intact()).isFalse();
      assertThat(report.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.seq()).isEqualTo(4);
                assertThat(problem.kind()).isEqualTo(AuditProblem.Kind.CHANGED);
                assertThat(problem.message()).startsWith("seq 4: content changed");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void detectsAChangedTimeOrActor(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 4);
      execute(database, "UPDATE audit_log SET at = at + INTERVAL '1' SECOND WHERE seq = 2");
      execute(database, "UPDATE audit_log SET actor = 'someone' WHERE seq = 3");

      assertThat(log.verify().problems())
          .extracting(AuditProblem::seq, AuditProblem::kind)
          .containsExactly(
              tuple(2L, AuditProblem.Kind.CHANGED), tuple(3L, AuditProblem.Kind.CHANGED));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void detectsARemovedMiddleEntry(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 6);
      execute(database, "DELETE FROM audit_log WHERE seq = 3");

      VerificationReport report = log.verify();

      assertThat(report.entries()).isEqualTo(5);
      assertThat(report.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.seq()).isEqualTo(4);
                assertThat(problem.kind()).isEqualTo(AuditProblem.Kind.MISSING);
                assertThat(problem.message()).contains("seq 3 is missing");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void detectsARemovalHiddenByRenumbering(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 5);
      execute(database, "DELETE FROM audit_log WHERE seq = 3");
      execute(database, "UPDATE audit_log SET seq = seq - 1 WHERE seq = 4");
      execute(database, "UPDATE audit_log SET seq = seq - 1 WHERE seq = 5");
      execute(database, "UPDATE audit_head SET last_seq = 4");

      assertThat(log.verify().problems())
          .extracting(AuditProblem::seq, AuditProblem::kind)
          .contains(
              tuple(3L, AuditProblem.Kind.CHAIN_BROKEN), tuple(3L, AuditProblem.Kind.CHANGED));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void detectsTwoEntriesWhoseContentsWereSwapped(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 6);
      database
          .jdbi()
          .useTransaction(
              handle -> {
                handle.execute("UPDATE audit_log SET seq = 1003 WHERE seq = 3");
                handle.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4");
                handle.execute("UPDATE audit_log SET seq = 4 WHERE seq = 1003");
              });

      VerificationReport report = log.verify();

      assertThat(report.intact()).isFalse();
      assertThat(report.problems())
          .extracting(AuditProblem::seq, AuditProblem::kind)
          .contains(
              tuple(3L, AuditProblem.Kind.CHAIN_BROKEN),
              tuple(3L, AuditProblem.Kind.CHANGED),
              tuple(4L, AuditProblem.Kind.CHAIN_BROKEN),
              tuple(4L, AuditProblem.Kind.CHANGED));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void detectsTheLastEntryCutOffThroughTheHead(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 6);
      execute(database, "DELETE FROM audit_log WHERE seq = 6");

      VerificationReport report = log.verify();

      assertThat(report.entries()).isEqualTo(5);
      assertThat(report.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.kind()).isEqualTo(AuditProblem.Kind.HEAD_MISMATCH);
                assertThat(problem.message())
                    .isEqualTo(
                        "the head names seq 6 but the last entry is seq 5:"
                            + " entries after it were removed (truncated)");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void detectsAnEntryAddedWithoutMovingTheHead(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 3);
      String head = log.headHash();
      database.jdbi().useTransaction(handle -> log.append(handle, entry(4)));
      execute(database, "UPDATE audit_head SET last_seq = 3, last_hash = '" + head + "'");

      assertThat(log.verify().problems())
          .extracting(AuditProblem::kind)
          .containsExactly(AuditProblem.Kind.HEAD_MISMATCH);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRecomputedChainIsCaughtOnlyAgainstAHeadKeptElsewhere(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 4);
      String noted = log.headHash();
      appendEntries(database, log, 2);
      assertThat(log.verify(noted).intact()).isTrue();

      rewriteWholeChain(database, log);

      assertThat(log.verify().intact()).isTrue();
      VerificationReport checked = log.verify(noted);
      assertThat(checked.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.kind()).isEqualTo(AuditProblem.Kind.EXPECTED_HEAD_NOT_FOUND);
                assertThat(problem.message()).contains(noted);
              });
    }
  }

  /** What an attacker with write access to the database can do: change an entry, rehash all. */
  private static void rewriteWholeChain(Database database, AuditLog log) {
    List<AuditRecord> records = new ArrayList<>(log.recent(100));
    Collections.reverse(records);
    execute(database, "DELETE FROM audit_log");
    execute(database, "UPDATE audit_head SET last_seq = 0, last_hash = '" + "0".repeat(64) + "'");
    for (AuditRecord record : records) {
      AuditEntry entry =
          record.seq() == 2
              ? new AuditEntry(record.entry().at(), "nobody", null, "create", null, null, null)
              : record.entry();
      database.jdbi().useTransaction(handle -> log.append(handle, entry));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anEntryRollsBackWithItsTransaction(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      appendEntries(database, log, 2);
      String head = log.headHash();

      assertThatThrownBy(
              () ->
                  database
                      .jdbi()
                      .useTransaction(
                          handle -> {
                            log.append(handle, entry(3));
                            throw new IllegalStateException("the change failed");
                          }))
          .hasMessage("the change failed");

      assertThat(log.headHash()).isEqualTo(head);
      assertThat(log.recent(10)).hasSize(2);
      database.jdbi().useTransaction(handle -> log.append(handle, entry(3)));
      VerificationReport report = log.verify();
      assertThat(report.intact()).isTrue();
      assertThat(report.entries()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBatchMakesTheSameChainAsOneAppendAtATime(TestStore store) {
    try (Database one = store.open();
        Database batched = store.open()) {
      appendEntries(one, new AuditLog(one.jdbi()), 9);
      batched.jdbi().useTransaction(handle -> log(batched).append(handle, entry(1)));
      batched
          .jdbi()
          .useTransaction(
              handle ->
                  AuditLog.appendAllTo(
                      handle, List.of(entry(2), entry(3), entry(4), entry(5), entry(6), entry(7))));
      batched.jdbi().useTransaction(handle -> AuditLog.appendAllTo(handle, List.of()));
      batched
          .jdbi()
          .useTransaction(handle -> AuditLog.appendAllTo(handle, List.of(entry(8), entry(9))));

      assertThat(log(batched).verify().intact()).isTrue();
      assertThat(log(batched).headHash()).isEqualTo(new AuditLog(one.jdbi()).headHash());
      assertThat(log(batched).recent(20)).isEqualTo(new AuditLog(one.jdbi()).recent(20));
      assertThatThrownBy(
              () -> batched.jdbi().useHandle(handle -> AuditLog.appendAllTo(handle, List.of(entry(10)))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("inside the transaction");
    }
  }

  private static AuditLog log(Database database) {
    return new AuditLog(database.jdbi());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesToAppendOutsideATransaction(TestStore store) {
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());

      assertThatThrownBy(() -> database.jdbi().useHandle(handle -> log.append(handle, entry(1))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("inside the transaction");
      assertThat(log.recent(1)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void concurrentAppendsMakeOneGaplessValidChain(TestStore store) throws Exception {
    int threads = 8;
    int appendsPerThread = 50;
    try (Database database = store.open()) {
      AuditLog log = new AuditLog(database.jdbi());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        int threadNumber = thread;
        workers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int number = 0; number < appendsPerThread; number++) {
                    AuditEntry entry =
                        new AuditEntry(
                            Instant.now(),
                            "worker-" + threadNumber,
                            null,
                            "create",
                            "person",
                            UUID.randomUUID(),
                            "n=" + number);
                    database.jdbi().useTransaction((Handle handle) -> log.append(handle, entry));
                  }
                  return null;
                }));
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      for (Future<?> worker : workers) {
        worker.get();
      }

      VerificationReport report = log.verify();

      assertThat(report.problems()).isEmpty();
      assertThat(report.entries()).isEqualTo((long) threads * appendsPerThread);
      assertThat(log.recent(1).get(0).seq()).isEqualTo((long) threads * appendsPerThread);
    }
  }
}
