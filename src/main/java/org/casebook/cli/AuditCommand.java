package org.casebook.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.casebook.audit.AuditLog;
import org.casebook.audit.AuditProblem;
import org.casebook.audit.VerificationReport;
import org.casebook.config.Settings;
import org.casebook.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code casebook audit}: works on the audit trail. {@code casebook audit verify [--expect-head
 * HASH]} follows the whole hash chain and prints {@code audit log intact: N entries, head HASH}
 * with exit code {@link ExitCode#OK 0}, or each problem found (with the seq where it shows) and
 * exit code {@value #AUDIT_LOG_ALTERED}. It reads only; it does not migrate the schema.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Work on the audit trail.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
  /** Exit code of {@code audit verify} when the log was altered: entries changed or missing. */
  static final int AUDIT_LOG_ALTERED = 7;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code casebook audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check that no audit entry was changed, removed, inserted or reordered.",
        "Exit code 0 when intact, " + AUDIT_LOG_ALTERED + " when the log was altered."
      })
  static final class Verify implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(
        names = "--expect-head",
        paramLabel = "HASH",
        description =
            "A head hash noted earlier outside the database (printed by this command). The entry"
                + " with that hash must still be in the chain; this also catches a rewrite in which"
                + " every later hash was recomputed.")
    String expectedHeadHash;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (expectedHeadHash != null && !expectedHeadHash.matches("[0-9a-fA-F]{64}")) {
        throw new ParameterException(
            spec.commandLine(),
            "--expect-head takes a head hash of 64 hex digits, not \"" + expectedHeadHash + "\"");
      }
      PrintWriter out = spec.commandLine().getOut();
      Settings settings = store.settings();
      try (Database database =
          Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
        if (database.migrationInfo().pending().length > 0) {
          spec.commandLine()
              .getErr()
              .println(
                  "casebook: the schema of "
                      + database.describe()
                      + " is not up to date; run casebook migrate first");
          spec.commandLine().getErr().flush();
          return ExitCode.STORAGE_UNAVAILABLE;
        }
        ConsoleProgress progress = new ConsoleProgress(System.err);
        VerificationReport report =
            new AuditLog(database.jdbi())
                .verify(
                    expectedHeadHash == null ? null : expectedHeadHash.toLowerCase(Locale.ROOT),
                    (checked, total) -> progress.report("verifying audit log", checked, total));
        progress.finish();
        if (report.intact()) {
          out.println(report.summary());
          out.flush();
          return ExitCode.OK;
        }
        for (AuditProblem problem : report.problems()) {
          out.println(problem.message());
        }
        if (report.problemsNotListed() > 0) {
          out.println("... and " + report.problemsNotListed() + " more problems");
        }
        out.println(report.summary());
        out.flush();
        return AUDIT_LOG_ALTERED;
      }
    }
  }
}
