package org.casebook.generate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casebook.access.Caller;
import org.casebook.accounts.AccountService;
import org.casebook.common.Actor;
import org.casebook.common.Background;
import org.casebook.transfer.Progress;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills an empty store with a synthetic corpus of exactly {@code records} records: case files of 10
 * to 40 records each (the case file, its people and organizations, the State bodies it is the first
 * to name, sources with full texts in English and Russian, proceedings, events), the same for the
 * same seed, ids included. See {@link CaseMaker} for what a case file holds and {@link BulkWriter}
 * for how it is written; the benchmark accounts of {@link BenchUsers} are put on their teams.
 *
 * <p>Two threads share the work: the calling thread makes case files, a writer thread writes them,
 * one transaction of about {@value #RECORDS_PER_TRANSACTION} records at a time, at most two
 * transactions' worth ahead of the writer, so that memory stays bounded whatever the size. A run
 * that fails leaves the transactions it committed; start again on an empty store.
 *
 * <p>An instance may be used for one generation at a time.
 */
public final class CorpusGenerator {
  /** About this many records are written in each transaction. */
  public static final int RECORDS_PER_TRANSACTION = 2_500;

  private static final int BATCHES_AHEAD = 2;

  private final Jdbi jdbi;
  private final AccountService accounts;
  private final Clock clock;
  private final String storeName;

  /**
   * @param storeName how messages name the store, such as the database URL without password
   */
  public CorpusGenerator(Jdbi jdbi, AccountService accounts, Clock clock, String storeName) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.clock = clock;
    this.storeName = storeName;
  }

  /**
   * Generates {@code records} records from {@code seed}, reporting progress as it goes.
   *
   * @throws StoreNotEmpty if the store holds case files already; nothing is written then
   */
  public GenerationReport generate(long records, long seed, Progress progress) {
    if (records < 1) {
      throw new IllegalArgumentException("a corpus has at least one record, not " + records);
    }
    long existing = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM case_files").mapTo(Long.class).one());
    if (existing > 0) {
      throw new StoreNotEmpty(storeName, existing);
    }
    long started = System.nanoTime();
    Provisions provisions = jdbi.withHandle(Provisions::load);
    BulkWriter writer = new BulkWriter(provisions.articleKeys());
    List<BulkWriter.TeamMembership> teams = BenchUsers.ensure(accounts, jdbi);
    Actor actor = Caller.system("generate").actor();
    Map<String, Long> byKind = new LinkedHashMap<>();
    Map<String, Long> teamCaseFiles = new LinkedHashMap<>();
    BenchUsers.ACCOUNTS.forEach(account -> teamCaseFiles.put(account.name(), 0L));

    ExecutorService writing = Executors.newSingleThreadExecutor(Background.daemonThreads("casebook-generate-writer"));
    Deque<Future<Integer>> pending = new ArrayDeque<>();
    long written = 0;
    try {
      for (List<CaseBundle> batch : new Corpus(provisions, records, seed).batches(RECORDS_PER_TRANSACTION)) {
        int batchRecords = 0;
        for (CaseBundle bundle : batch) {
          count(bundle, byKind, teamCaseFiles);
          batchRecords += bundle.records();
        }
        while (pending.size() >= BATCHES_AHEAD) {
          written += await(pending.removeFirst());
          progress.report("generating records", written, records);
        }
        int recordsToWrite = batchRecords;
        pending.addLast(
            writing.submit(
                () -> {
                  jdbi.useTransaction(handle -> writer.write(handle, batch, actor, clock.instant(), teams));
                  return recordsToWrite;
                }));
      }
      while (!pending.isEmpty()) {
        written += await(pending.removeFirst());
        progress.report("generating records", written, records);
      }
    } finally {
      pending.forEach(future -> future.cancel(false));
      writing.shutdown();
      awaitTermination(writing);
    }
    return new GenerationReport(
        seed, written, byKind, Duration.ofNanos(System.nanoTime() - started), teamCaseFiles);
  }

  private static void count(CaseBundle bundle, Map<String, Long> byKind, Map<String, Long> teamCaseFiles) {
    byKind.merge("case-file", 1L, Long::sum);
    byKind.merge("person", (long) bundle.persons().size(), Long::sum);
    byKind.merge("organization", (long) bundle.organizations().size(), Long::sum);
    byKind.merge("source", (long) bundle.sources().size(), Long::sum);
    byKind.merge("proceeding", (long) bundle.proceedings().size(), Long::sum);
    byKind.merge("event", (long) bundle.events().size(), Long::sum);
    for (BenchUsers.Account account : BenchUsers.ACCOUNTS) {
      if (account.isOn(bundle.number())) {
        teamCaseFiles.merge(account.name(), 1L, Long::sum);
      }
    }
  }

  /** Waits for a write under way to end (commit or roll back) before the store may be closed. */
  private static void awaitTermination(ExecutorService writing) {
    try {
      if (!writing.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
        throw new IllegalStateException("the writer of generated records did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The records a write committed; its failure, as it was thrown in the writer thread. */
  private static int await(Future<Integer> write) {
    return Background.await(write, "writing the generated records");
  }
}
