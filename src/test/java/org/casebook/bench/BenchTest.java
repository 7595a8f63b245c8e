package org.casebook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebook.access.Visibility;
import org.casebook.app.Casebook;
import org.casebook.cli.Main;
import org.casebook.common.InvalidInput;
import org.casebook.generate.CorpusGenerator;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The search benchmark's parts: percentiles, the query mix sampled from a generated corpus, and
 * the PostgreSQL full-text target, whose trimmed hits are all records the viewer may see.
 */
class BenchTest {
  private static final long SEED = 11;

  @TempDir Path folder;

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    long[] nanos = new long[100];
    for (int index = 0; index < nanos.length; index++) {
      nanos[index] = (100 - index) * 1_000_000L;
    }

    LatencyStats stats = LatencyStats.of(nanos);

    assertThat(stats.runs()).isEqualTo(100);
    assertThat(stats.p50()).isEqualTo(50.0);
    assertThat(stats.p95()).isEqualTo(95.0);
    assertThat(stats.p99()).isEqualTo(99.0);
    assertThat(stats.max()).isEqualTo(100.0);
    assertThat(stats.mean()).isEqualTo(50.5);
    assertThat(LatencyStats.of(new long[] {7_000_000L}).p99()).isEqualTo(7.0);
    assertThat(LatencyStats.of(new long[0])).isEqualTo(LatencyStats.NONE);
  }

  @Test
  void theRecorderKeepsEachCategoryAndTheWhole() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int run = 1; run <= 40; run++) {
      recorder.record(QueryCategory.PHRASE, run * 1_000_000L);
      recorder.record(QueryCategory.COMMON_WORD, 1_000_000L);
    }

    assertThat(recorder.stats(QueryCategory.PHRASE).runs()).isEqualTo(40);
    assertThat(recorder.stats(QueryCategory.PHRASE).max()).isEqualTo(40.0);
    assertThat(recorder.stats(QueryCategory.COMMON_WORD).p99()).isEqualTo(1.0);
    assertThat(recorder.stats(QueryCategory.ALIAS)).isEqualTo(LatencyStats.NONE);
    assertThat(recorder.overall().runs()).isEqualTo(80);
    assertThat(recorder.overall().max()).isEqualTo(40.0);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theQueryMixIsSampledFromTheCorpusTheSameForASeed(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, folder)) {
      generate(casebook, 3_000);
      BenchViewer viewer = viewer(casebook);

      QueryMix mix = QueryMix.sample(casebook.database().jdbi(), viewer, SEED, 6);

      assertThat(QueryMix.sample(casebook.database().jdbi(), viewer, SEED, 6).queries()).isEqualTo(mix.queries());
      assertThat(QueryMix.sample(casebook.database().jdbi(), viewer, SEED + 1, 6).queries()).isNotEqualTo(mix.queries());
      assertThat(mix.queries()).hasSize(6 * QueryCategory.values().length);
      assertThat(mix.counts().values()).containsOnly(6L);
      assertThat(mix.queries()).extracting(BenchQuery::number).startsWith(1, 2, 3);
      for (BenchQuery query : mix.queries()) {
        switch (query.category()) {
          case NAME_CYRILLIC -> assertThat(query.text()).matches(".*\\p{IsCyrillic}.*");
          case NAME_LATIN -> assertThat(query.text()).matches("[A-Za-z' -]+");
          case PHRASE -> assertThat(query.text()).startsWith("\"").endsWith("\"");
          case ARTICLE_NUMBER -> assertThat(query.text()).matches("[0-9]+");
          case ARTICLE_PART -> assertThat(query.text()).matches("(article|статья) [0-9]+ (part|часть) [0-9a-z]+");
          case FACETED -> assertThat(query.facets()).isTrue();
          case DATE_RANGE -> assertThat(query.filters().from()).isBefore(query.filters().to());
          default -> assertThat(query.text()).isNotBlank();
        }
      }
      assertThat(mix.queries()).filteredOn(BenchQuery::expectsSampledRecord).isNotEmpty();
      assertThat(mix.queries()).filteredOn(query -> query.sampledFrom() != null && !query.sampledVisible()).isNotEmpty();
    }
  }

  @Test
  void thePostgresTargetsFindWhatTheViewerMaySeeAndNothingElse() {
    try (Casebook casebook = TestCasebook.open(TestStore.POSTGRESQL, folder)) {
      generate(casebook, 3_000);
      BenchViewer viewer = viewer(casebook);
      QueryMix mix = QueryMix.sample(casebook.database().jdbi(), viewer, SEED, 5);
      BenchContext context = new BenchContext(casebook, viewer, 3_000, SEED, folder);
      List<BenchTarget> targets = BenchTargets.create(List.of(BenchTargets.POSTGRES, BenchTargets.POSTGRES_ALL), context);

      TargetResult trimmed = new SearchBench(mix, 0, 2).run(targets.get(0), Progress.NONE);
      TargetResult all = new SearchBench(mix, 0, 1).run(targets.get(1), Progress.NONE);

      assertThat(trimmed.preparation().records()).isBetween(2_500L, 3_000L);
      assertThat(trimmed.preparation().bytes()).isPositive();
      assertThat(all.preparation().what()).contains("shared");
      assertThat(trimmed.latencies().overall().runs()).isEqualTo(2 * mix.queries().size());
      Visibility visibility = new Visibility(viewer.caller());
      Map<String, String> tables =
          Map.of("case-file", "case_files", "person", "persons", "organization", "organizations",
              "source", "sources", "proceeding", "proceedings", "event", "events");
      int expected = 0;
      int found = 0;
      for (BenchQuery query : mix.queries()) {
        SearchResult result = targets.get(0).search(query);
        assertThat(result.hits()).hasSizeLessThanOrEqualTo(SearchResult.LIMIT);
        casebook.database().jdbi().useHandle(
            handle ->
                result.hits().forEach(
                    hit -> assertThat(visibility.isVisible(handle, tables.get(hit.kind()), hit.id()))
                        .as(query + " found " + hit)
                        .isTrue()));
        if (query.facets() && !result.hits().isEmpty()) {
          assertThat(result.facets()).containsKeys("kind", "country", "year");
          assertThat(result.facets().get("kind").values().stream().mapToLong(Long::longValue).sum())
              .isGreaterThanOrEqualTo(result.hits().size());
        }
        if (query.sampledFrom() != null && !query.sampledVisible()) {
          assertThat(result.hits()).noneMatch(hit -> hit.id().equals(query.sampledFrom()));
        }
        if (query.expectsSampledRecord()) {
          expected++;
          found += result.hits().stream().anyMatch(hit -> hit.id().equals(query.sampledFrom())) ? 1 : 0;
        }
      }
      assertThat(found).isGreaterThanOrEqualTo(expected * 3 / 4);
      SearchResult everything = targets.get(1).search(query(mix, QueryCategory.COMMON_WORD));
      assertThat(everything.hits()).hasSize(SearchResult.LIMIT);
      BenchQuery faceted = query(mix, QueryCategory.FACETED);
      SearchResult counted =
          targets.get(1).search(
              new BenchQuery(0, QueryCategory.FACETED, "суд OR court", QueryFilters.NONE, true, null, null, false));
      assertThat(faceted.facets()).isTrue();
      assertThat(counted.facets()).containsKeys("kind", "country", "year");
      assertThat(counted.facets().get("kind")).containsKeys("event", "source");

      BenchReport report =
          new BenchReport(
              "casebook bench search --records 3000", Clock.systemUTC().instant(), "PostgreSQL", 3_000, SEED,
              new HashMap<>(Map.of("case-file", 100L)), null, viewer, 100, mix, 0, 2, List.of(trimmed, all),
              BenchTargets.POSTGRES);
      Path file = folder.resolve("report").resolve("search-3000.md");
      report.write(file);
      assertThat(file).content()
          .contains("# Search benchmark: 3000 records")
          .contains("| name in Cyrillic |")
          .contains("## Side by side")
          .contains("postgres-fts-all");
    }
  }

  @Test
  void thePostgresTargetsRefuseAnotherDatabase() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, folder)) {
      generate(casebook, 300);
      BenchContext context = new BenchContext(casebook, viewer(casebook), 300, SEED, folder);

      assertThatThrownBy(() -> BenchTargets.create(List.of(BenchTargets.POSTGRES), context))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("needs a PostgreSQL database");
      assertThatThrownBy(() -> BenchTargets.create(List.of("elastic"), context))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("known: postgres-fts, postgres-fts-all");
    }
    assertThat(Main.run("bench", "search", "--records", "10", "--postgres-url", "jdbc:h2:mem:x")).isEqualTo(2);
  }

  private static BenchQuery query(QueryMix mix, QueryCategory category) {
    return mix.queries().stream().filter(query -> query.category() == category).findFirst().orElseThrow();
  }

  private static void generate(Casebook casebook, long records) {
    new CorpusGenerator(casebook.database().jdbi(), casebook.accounts(), Clock.systemUTC(), "the test store")
        .generate(records, SEED, Progress.NONE);
  }

  private static BenchViewer viewer(Casebook casebook) {
    var user = casebook.accounts().findUser(org.casebook.generate.BenchUsers.VIEWER).orElseThrow();
    return new BenchViewer(
        user.id(), user.name(), org.casebook.access.Caller.user(user.id(), user.name(), user.role(), null),
        casebook.teams().casesOf(user.id()).size());
  }
}
