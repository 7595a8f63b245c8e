package org.casebook.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.casebook.dates.PartialDate;
import org.casebook.search.Access;
import org.casebook.search.DateSpan;
import org.casebook.search.IndexStats;
import org.casebook.search.RecordKind;
import org.casebook.search.SearchDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long {@link OpenSearchBackend#stats} takes against reading every document in pages, as it
 * once did ({@link PagedStats}), on an index of {@code -Dcasebook.statsDocuments=N} invented
 * documents of every kind; the shards' request cache is emptied before each run, so that the
 * search is computed each time, as at a server's start. Runs only when that property is set:
 *
 * <pre>mvn -o -Dtest=OpenSearchStatsTimingTest -Dcasebook.statsDocuments=50000 test</pre>
 */
@EnabledIfSystemProperty(named = "casebook.statsDocuments", matches = "[0-9]+")
class OpenSearchStatsTimingTest {
  private static final int RUNS = 7;

  @Test
  void statsInOneSearchAgainstPaging() {
    int documents = Integer.getInteger("casebook.statsDocuments");
    Random random = new Random(20240611L);
    RecordKind[] kinds = RecordKind.values();
    try (OpenSearchBackend backend =
            OpenSearchBackend.open(TestOpenSearch.urls().stream().map(URI::create).toList(), "casebook-stats-timing", TestOpenSearch.NODES - 1);
        PagedStats paged = new PagedStats(TestOpenSearch.urls())) {
      List<SearchDocument> batch = new ArrayList<>();
      for (int index = 0; index < documents; index++) {
        String name = "Person " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String body = "Invented text " + index + ": detained on " + (1 + random.nextInt(28)) + " March in Almaty, questioned about a post; "
            + "the court of the district fined the defender for an unauthorised gathering and the appeal was dismissed.";
        PartialDate date = PartialDate.parse("20" + (10 + random.nextInt(15)) + "-0" + (1 + random.nextInt(9)));
        batch.add(new SearchDocument(
            kinds[random.nextInt(kinds.length)], new UUID(random.nextLong(), random.nextLong()), 1 + random.nextInt(3),
            new Access(List.of(UUID.randomUUID()), null), name, List.of(name), body, "", Set.of(), date, DateSpan.of(date), Map.of()));
        if (batch.size() == 2_000) {
          backend.index(batch);
          batch.clear();
        }
      }
      backend.index(batch);
      backend.commit("database-timing", 1);

      long started = System.nanoTime();
      PagedStats.Totals totals = paged.read(backend.alias());
      double pagingFirst = (System.nanoTime() - started) / 1e6;
      started = System.nanoTime();
      IndexStats stats = backend.stats();
      double oneSearchFirst = (System.nanoTime() - started) / 1e6;
      assertThat(stats.total()).isEqualTo(documents);
      assertThat(stats.counts()).isEqualTo(new IndexStats(null, 0, totals.counts(), totals.fingerprints()).counts());
      assertThat(stats.fingerprints()).isEqualTo(new IndexStats(null, 0, totals.counts(), totals.fingerprints()).fingerprints());

      long[] oneSearch = new long[RUNS];
      long[] paging = new long[RUNS];
      for (int run = 0; run < RUNS; run++) {
        paged.clearRequestCache(backend.alias());
        long start = System.nanoTime();
        backend.stats();
        oneSearch[run] = System.nanoTime() - start;
        start = System.nanoTime();
        paged.read(backend.alias());
        paging[run] = System.nanoTime() - start;
      }
      System.out.printf(
          java.util.Locale.ROOT,
          "stats of %,d documents: first call after the commit: paging %.1f ms, one search %.1f ms (compiling its scripts);"
              + " then over %d runs with the request cache emptied, median (min-max) ms: one search %.1f (%.1f-%.1f); paging %.1f (%.1f-%.1f)%n",
          documents, pagingFirst, oneSearchFirst, RUNS, median(oneSearch), min(oneSearch), max(oneSearch), median(paging), min(paging), max(paging));
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static double min(long[] nanos) {
    return Arrays.stream(nanos).min().orElseThrow() / 1e6;
  }

  private static double max(long[] nanos) {
    return Arrays.stream(nanos).max().orElseThrow() / 1e6;
  }
}
