package org.casebook.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.casebook.app.Casebook;
import org.casebook.config.Settings;
import org.casebook.generate.CorpusGenerator;
import org.casebook.generate.GenerationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code casebook generate --records N [--seed S]}: fills an empty store with a synthetic corpus
 * for load tests and the search benchmark, the same for the same seed.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Fill an empty store with a synthetic corpus of N records (case files, persons,"
          + " organizations, sources with full texts, proceedings, events), the same for the same seed.",
      "Invented names in Cyrillic and Latin; a few percent of the records restricted, sealed as usual;"
          + " an audit entry for every record; the accounts bench-viewer (on 1%% of the case files) and"
          + " bench-editor (10%%, with the restricted grant)."
    })
final class GenerateCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--records", paramLabel = "N", required = true, description = "How many records to make in all.")
  long records;

  @Option(names = "--seed", paramLabel = "S", description = "The seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (records < 1) {
      throw new ParameterException(spec.commandLine(), "--records must be at least 1, not " + records);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Casebook casebook = Casebook.open(withBatchedInserts(store.settings()), Clock.systemUTC())) {
      ConsoleProgress progress = new ConsoleProgress(System.err);
      GenerationReport report;
      try {
        report =
            new CorpusGenerator(
                    casebook.database().jdbi(), casebook.accounts(), Clock.systemUTC(),
                    casebook.database().describe())
                .generate(records, seed, progress);
      } finally {
        progress.finish();
      }
      out.println("Generated " + report.summary());
      report.teamCaseFiles().forEach((user, cases) -> out.println("  " + user + " is on the team of " + cases + " case files"));
      out.println("Check the audit log with: casebook audit verify");
      out.flush();
      return ExitCode.OK;
    }
  }

  /**
   * The settings with, for PostgreSQL, the driver told to send each JDBC batch as multi-row
   * inserts ({@code reWriteBatchedInserts}), which makes bulk writes several times faster.
   */
  static Settings withBatchedInserts(Settings settings) {
    String url = settings.dbUrl();
    if (!url.startsWith("jdbc:postgresql:") || url.contains("reWriteBatchedInserts")) {
      return settings;
    }
    String separator = url.contains("?") ? "&" : "?";
    return new Settings(
        settings.host(), settings.port(), settings.dataDir(), url + separator + "reWriteBatchedInserts=true",
        settings.dbUser(), settings.dbPassword(), settings.keyFile(), settings.communications(), settings.search());
  }
}
