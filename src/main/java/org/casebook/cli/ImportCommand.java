package org.casebook.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.casebook.app.Casebook;
import org.casebook.access.Caller;
import org.casebook.transfer.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code casebook import FILE}: imports a case file document, all or nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a case file (YAML or JSON, format casebook/1; see docs/import-format.md).",
      "Everything is checked first; on any error nothing is written and every error is listed as file:line: field: message."
    })
final class ImportCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(paramLabel = "FILE", description = "The case file to import.")
  Path file;

  @Option(names = "--dry-run", description = "Check and report what would change, then write nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    try (Casebook casebook = Casebook.open(store.settings(), Clock.systemUTC())) {
      ConsoleProgress progress = new ConsoleProgress(System.err);
      ImportResult result;
      try {
        result = casebook.importer().importFile(Caller.system("import"), file, dryRun, progress);
      } finally {
        progress.finish();
      }
      System.out.println(
          (dryRun ? "Would import " : "Imported ") + result.caseKey() + " (case " + result.caseId() + "): "
              + result.created() + " created, " + result.updated() + " updated, " + result.unchanged() + " unchanged");
      return ExitCode.OK;
    }
  }
}
