package org.casebook.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.access.Caller;
import org.casebook.accounts.User;
import org.casebook.app.Casebook;
import org.casebook.generate.BenchUsers;
import org.casebook.generate.CorpusGenerator;
import org.casebook.generate.GenerationReport;
import org.casebook.transfer.Progress;

/**
 * The search benchmark from start to end: makes sure the database holds a generated corpus of the
 * size asked for (generating it into an empty database), finds the viewer, samples the {@link
 * QueryMix}, runs it against each target with {@link SearchBench}, and makes the {@link BenchReport}.
 */
public final class SearchBenchmark {
  /**
   * How to run: the corpus size and seed, queries per category, rounds, the targets by name (see
   * {@link BenchTargets}), the target the others are compared with, the command line for the
   * report, a folder for the targets' files, and whether to keep a PostgreSQL full-text table an
   * earlier run left and a Lucene index that agrees with the database.
   */
  public record Options(
      long records,
      long seed,
      int perCategory,
      int warmupRounds,
      int timedRounds,
      List<String> targets,
      String reference,
      String commandLine,
      Path workFolder,
      boolean reuseFullTextTable,
      boolean reuseIndex) {
    public Options {
      targets = List.copyOf(targets);
    }
  }

  private static final List<String> RECORD_TABLES =
      List.of("case_files", "persons", "organizations", "sources", "proceedings", "events");

  private SearchBenchmark() {}

  public static BenchReport run(Casebook casebook, Options options, Progress progress) {
    Map<String, Long> corpus = corpus(casebook);
    long records = corpus.values().stream().mapToLong(Long::longValue).sum();
    GenerationReport generation = null;
    if (records == 0) {
      generation =
          new CorpusGenerator(casebook.database().jdbi(), casebook.accounts(), Clock.systemUTC(), casebook.database().describe())
              .generate(options.records(), options.seed(), progress);
      corpus = corpus(casebook);
    } else if (records != options.records()) {
      throw new CorpusMismatch(casebook.database().describe(), records, options.records());
    }
    BenchViewer viewer = viewer(casebook);
    QueryMix mix = QueryMix.sample(casebook.database().jdbi(), viewer, options.seed(), options.perCategory());
    BenchContext context = new BenchContext(casebook, viewer, options.records(), options.seed(), options.workFolder());
    SearchBench bench = new SearchBench(mix, options.warmupRounds(), options.timedRounds());
    List<TargetResult> results = new ArrayList<>();
    for (BenchTarget target : BenchTargets.create(options.targets(), context, progress, options.reuseFullTextTable(), options.reuseIndex())) {
      try (target) {
        results.add(bench.run(target, progress));
      }
    }
    String version =
        casebook.database().jdbi().withHandle(handle -> handle.createQuery("SELECT version()").mapTo(String.class).one());
    return new BenchReport(
        options.commandLine(), Clock.systemUTC().instant(), version, options.records(), options.seed(), corpus,
        generation, viewer, corpus.getOrDefault("case-file", 0L), mix, options.warmupRounds(),
        options.timedRounds(), results, options.targets().contains(options.reference()) ? options.reference() : null);
  }

  /** The records of the corpus by kind, as the audit log names them. */
  private static Map<String, Long> corpus(Casebook casebook) {
    Map<String, Long> counts = new LinkedHashMap<>();
    casebook
        .database()
        .jdbi()
        .useHandle(
            handle -> {
              for (String table : RECORD_TABLES) {
                long count = handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
                counts.put(org.casebook.storage.RecordRows.recordKind(table), count);
              }
            });
    return counts;
  }

  private static BenchViewer viewer(Casebook casebook) {
    User user =
        casebook
            .accounts()
            .findUser(BenchUsers.VIEWER)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the database has no account " + BenchUsers.VIEWER + "; was its corpus made by casebook generate?"));
    long caseFiles = casebook.teams().casesOf(user.id()).size();
    return new BenchViewer(user.id(), user.name(), Caller.user(user.id(), user.name(), user.role(), null), caseFiles);
  }
}
