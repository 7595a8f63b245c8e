package org.casebook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.casebook.app.Casebook;
import org.casebook.generate.CorpusGenerator;
import org.casebook.search.lucene.LuceneBackend;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rebuild over a generated corpus large enough that some kinds take several batches (the next
 * batch is read while one is indexed): every record is indexed once, and a read that fails ends the
 * rebuild with nothing of it committed, and the next drain rebuilds again.
 */
class SearchRebuildTest {
  private static final long SEED = 5;

  @TempDir Path dataDir;

  private static void generate(Casebook casebook) {
    new CorpusGenerator(casebook.database().jdbi(), casebook.accounts(), Clock.systemUTC(), "the test store")
        .generate(3_000, SEED, Progress.NONE);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRebuildIndexesEveryRecordOfEveryBatchOnce(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      generate(casebook);
      try (LuceneBackend backend = LuceneBackend.open(dataDir.resolve("rebuilt"))) {
        SearchIndexer indexer = new SearchIndexer(casebook.database().jdbi(), backend);
        List<Long> reported = new ArrayList<>();
        SearchIndexer.Rebuilt rebuilt = indexer.rebuild((stage, done, total) -> reported.add(done));

        SearchIndexer.Agreement agreement = indexer.compare();
        assertThat(agreement.database().get(RecordKind.EVENT).count()).as("several batches of events").isGreaterThan(2L * SearchIndexer.REBUILD_BATCH);
        assertThat(agreement.agrees()).as(agreement.differences().toString()).isTrue();
        long expected = agreement.database().values().stream().mapToLong(SearchDocuments.Expected::count).sum();
        assertThat(rebuilt.documents()).isEqualTo(expected);
        assertThat(reported).isSorted().startsWith(0L).endsWith(expected);
        assertThat(backend.stats().total()).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aReadThatFailsEndsTheRebuildUncommittedAndTheNextDrainRebuilds(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      generate(casebook);
      try (LuceneBackend backend = LuceneBackend.open(dataDir.resolve("failed"))) {
        SearchIndexer indexer = new SearchIndexer(casebook.database().jdbi(), backend);
        Progress breakEvents =
            (stage, done, total) -> {
              if (done > 0 && done < total && tableNamed(casebook, "events")) {
                rename(casebook, "events", "events_away");
              }
            };
        assertThatThrownBy(() -> indexer.rebuild(breakEvents)).isInstanceOf(RuntimeException.class);
        rename(casebook, "events_away", "events");
        assertThat(backend.stats().total()).as("nothing of the failed rebuild committed").isZero();

        indexer.drain();
        SearchIndexer.Agreement agreement = indexer.compare();
        assertThat(agreement.agrees()).as(agreement.differences().toString()).isTrue();
      }
    }
  }

  private static boolean tableNamed(Casebook casebook, String name) {
    return casebook.database().jdbi().withHandle(
        handle -> handle.createQuery("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = :name")
            .bind("name", name)
            .mapTo(Long.class)
            .one()) > 0;
  }

  private static void rename(Casebook casebook, String from, String to) {
    casebook.database().jdbi().useHandle(handle -> handle.execute("ALTER TABLE " + from + " RENAME TO " + to));
  }
}
