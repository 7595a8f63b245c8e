package org.casebook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.casebook.app.Casebook;
import org.casebook.bench.BenchReport;
import org.casebook.bench.BenchTargets;
import org.casebook.bench.SearchBenchmark;
import org.casebook.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code casebook bench}: benchmarks. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks.",
    subcommands = {BenchCommand.Search.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code casebook bench search --records N --postgres-url URL}: the search benchmark over a
   * generated corpus in PostgreSQL; see docs/benchmarks.md.
   */
  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = {
        "Run a fixed query mix (names in both scripts, aliases, phrases, article numbers, filters and"
            + " facets, date ranges, common words) as a viewer on 1%% of the case files, against each"
            + " target, and report p50/p95/p99 latency per category, what each target built, and heap.",
        "An empty database is first filled with casebook generate --records N --seed S;"
            + " a database holding another number of records is refused."
      })
  static final class Search implements Callable<Integer> {
    @Option(names = "--records", paramLabel = "N", required = true, description = "Size of the corpus.")
    long records;

    @Option(names = "--postgres-url", paramLabel = "JDBC_URL", required = true,
        description = "The PostgreSQL database of the corpus (password in $CASEBOOK_DB_PASSWORD).")
    String postgresUrl;

    @Option(names = "--postgres-user", paramLabel = "USER", description = "Its user.")
    String postgresUser;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Data folder with the keys of the corpus ($CASEBOOK_DATA_DIR; default ./data).")
    String dataDir;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the corpus and the query mix (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--queries-per-category", paramLabel = "Q", description = "Default: ${DEFAULT-VALUE}.")
    int perCategory = 20;

    @Option(names = "--warmup", paramLabel = "ROUNDS", description = "Untimed rounds of the whole mix first (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--rounds", paramLabel = "ROUNDS", description = "Timed rounds of the whole mix (default: ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--targets", paramLabel = "NAMES", split = ",",
        description = "Targets, in order (default: ${DEFAULT-VALUE}).")
    List<String> targets = BenchTargets.DEFAULT;

    @Option(names = "--reference", paramLabel = "NAME",
        description = "The target the others are compared with at p99 (default: ${DEFAULT-VALUE}).")
    String reference = BenchTargets.POSTGRES;

    @Option(names = "--reuse-fts-table",
        description = "Keep the PostgreSQL full-text table an earlier run over the same corpus left, rather than build it again.")
    boolean reuseFullTextTable;

    @Option(names = "--reuse-index",
        description = "Keep a search index that agrees with the database, rather than rebuild it.")
    boolean reuseIndex;

    @Option(names = "--report", paramLabel = "FILE", description = "Default: target/bench/search-N.md.")
    Path report;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (records < 1 || perCategory < 1 || warmup < 0 || rounds < 1) {
        throw new ParameterException(
            spec.commandLine(), "--records, --queries-per-category and --rounds must be at least 1, --warmup at least 0");
      }
      if (!postgresUrl.startsWith("jdbc:postgresql:")) {
        throw new ParameterException(spec.commandLine(), "--postgres-url must be a jdbc:postgresql: URL, not " + postgresUrl);
      }
      Map<Settings.Key, String> options = new EnumMap<>(Settings.Key.class);
      options.put(Settings.Key.DB_URL, postgresUrl);
      StoreOptions.put(options, Settings.Key.DB_USER, postgresUser);
      StoreOptions.put(options, Settings.Key.DATA_DIR, dataDir);
      Settings settings = GenerateCommand.withBatchedInserts(Settings.resolve(options, System.getenv(), null));
      Path reportFile = report != null ? report : Path.of("target", "bench", "search-" + records + ".md");
      PrintWriter out = spec.commandLine().getOut();
      try (Casebook casebook = Casebook.open(settings, Clock.systemUTC())) {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        BenchReport result;
        try {
          result =
              SearchBenchmark.run(
                  casebook,
                  new SearchBenchmark.Options(
                      records, seed, perCategory, warmup, rounds, targets, reference,
                      "casebook " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                      reportFile.toAbsolutePath().resolveSibling("work-" + records), reuseFullTextTable, reuseIndex),
                  progress);
        } finally {
          progress.finish();
        }
        result.write(reportFile);
        out.print(result.markdown());
        out.println();
        out.println("Written to " + reportFile);
        out.flush();
        return ExitCode.OK;
      }
    }
  }
}
