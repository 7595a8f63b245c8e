package org.casebook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.casebook.access.Caller;
import org.casebook.access.Visibility;
import org.casebook.app.Casebook;
import org.casebook.generate.BenchUsers;
import org.casebook.generate.CorpusGenerator;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Lucene targets of the search benchmark on a small generated corpus: each answers every
 * category of the mix; the service and HTTP targets, trimmed, find only records the viewer may
 * see (checked with {@link Visibility}, not with the index's own trimming), never the record of a
 * query made from a case file of others, and give the same hits and counts as each other; the bare
 * searcher, untrimmed, finds more; the first target rebuilds the index and reports its size.
 */
class LuceneBenchTargetsTest {
  private static final long SEED = 11;
  private static final Map<String, String> TABLES =
      Map.of("case-file", "case_files", "person", "persons", "organization", "organizations",
          "source", "sources", "proceeding", "proceedings", "event", "events");

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theLuceneTargetsAnswerEveryCategoryAndTheTrimmedOnesOnlyWithWhatTheViewerMaySee(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, folder)) {
      new CorpusGenerator(casebook.database().jdbi(), casebook.accounts(), Clock.systemUTC(), "the test store")
          .generate(3_000, SEED, Progress.NONE);
      var user = casebook.accounts().findUser(BenchUsers.VIEWER).orElseThrow();
      BenchViewer viewer =
          new BenchViewer(user.id(), user.name(), Caller.user(user.id(), user.name(), user.role(), null),
              casebook.teams().casesOf(user.id()).size());
      QueryMix mix = QueryMix.sample(casebook.database().jdbi(), viewer, SEED, 4);
      List<BenchTarget> targets =
          BenchTargets.create(
              List.of(BenchTargets.LUCENE_SERVICE, BenchTargets.LUCENE_HTTP, BenchTargets.LUCENE_BARE),
              new BenchContext(casebook, viewer, 3_000, SEED, folder));
      BenchTarget service = targets.get(0);
      BenchTarget http = targets.get(1);
      BenchTarget bare = targets.get(2);
      try {
        SearchBench bench = new SearchBench(mix, 0, 1);
        TargetResult serviceRun = bench.run(service, Progress.NONE);
        TargetResult httpRun = bench.run(http, Progress.NONE);
        TargetResult bareRun = bench.run(bare, Progress.NONE);

        assertThat(serviceRun.preparation().records()).isBetween(2_500L, 3_000L);
        assertThat(serviceRun.preparation().bytes()).isPositive();
        assertThat(httpRun.preparation().what()).contains("built by the target before");
        for (TargetResult run : List.of(serviceRun, httpRun, bareRun)) {
          for (QueryCategory category : QueryCategory.values()) {
            assertThat(run.latencies().stats(category).runs()).as(run.target() + " " + category).isEqualTo(4);
          }
        }
        Visibility visibility = new Visibility(viewer.caller());
        int expected = 0;
        int found = 0;
        long trimmedHits = 0;
        long bareHits = 0;
        for (BenchQuery query : mix.queries()) {
          SearchResult byService = service.search(query);
          SearchResult byHttp = http.search(query);
          SearchResult byBare = bare.search(query);
          assertThat(byHttp.hits()).as(query.toString()).extracting(Hit::id).isEqualTo(byService.hits().stream().map(Hit::id).toList());
          assertThat(byHttp.facets()).as(query.toString()).isEqualTo(byService.facets());
          assertThat(byBare.hits()).hasSizeLessThanOrEqualTo(SearchResult.LIMIT);
          casebook.database().jdbi().useHandle(
              handle ->
                  byService.hits().forEach(
                      hit -> assertThat(visibility.isVisible(handle, TABLES.get(hit.kind()), hit.id()))
                          .as(query + " found " + hit)
                          .isTrue()));
          if (query.sampledFrom() != null && !query.sampledVisible()) {
            assertThat(byService.hits()).as(query.toString()).noneMatch(hit -> hit.id().equals(query.sampledFrom()));
          }
          if (query.facets() && !byService.hits().isEmpty()) {
            assertThat(byService.facets()).containsKeys("kind", "country", "year");
            assertThat(byService.facets().get("kind").values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(byService.hits().size());
          }
          if (query.filters().kind() != null) {
            assertThat(byService.hits()).allMatch(hit -> hit.kind().equals(query.filters().kind()));
          }
          if (query.expectsSampledRecord()) {
            expected++;
            found += byService.hits().stream().anyMatch(hit -> hit.id().equals(query.sampledFrom())) ? 1 : 0;
          }
          trimmedHits += byService.hits().size();
          bareHits += byBare.hits().size();
        }
        assertThat(expected).isPositive();
        assertThat(found).isGreaterThanOrEqualTo(expected * 3 / 4);
        assertThat(bareHits).isGreaterThan(trimmedHits);

        BenchReport report =
            new BenchReport(
                "casebook bench search --records 3000", Clock.systemUTC().instant(), store.name(), 3_000, SEED,
                Map.of("case-file", 30L), null, viewer, 30, mix, 0, 1, List.of(serviceRun, httpRun, bareRun),
                BenchTargets.POSTGRES);
        assertThat(report.markdown())
            .contains("## lucene-http: latency in ms")
            .contains("HTTP p99 / bare p99, all queries")
            .contains("| **reindexing** |");
      } finally {
        targets.forEach(BenchTarget::close);
      }
    }
  }
}
