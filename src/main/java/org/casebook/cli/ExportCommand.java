package org.casebook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.casebook.access.Caller;
import org.casebook.app.Casebook;
import org.casebook.transfer.ExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code casebook export CASE}: writes a case file in the import format. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a case file in the import format (re-importable).")
final class ExportCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(paramLabel = "CASE", description = "The case file's key (as imported) or id.")
  String caseFile;

  @Option(names = "--format", paramLabel = "yaml|json", description = "Notation (default: yaml).")
  String format = "yaml";

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    ExportService.Format chosen =
        switch (format) {
          case "yaml" -> ExportService.Format.YAML;
          case "json" -> ExportService.Format.JSON;
          default -> throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(this), "--format must be yaml or json, not " + format);
        };
    try (Casebook casebook = Casebook.open(store.settings(), Clock.systemUTC())) {
      String document = casebook.exporter().export(Caller.system("export"), caseFile, chosen);
      if (output == null) {
        System.out.write(document.getBytes(StandardCharsets.UTF_8));
        System.out.flush();
      } else {
        Files.writeString(output, document, StandardCharsets.UTF_8);
        System.err.println("Wrote " + output);
      }
      return ExitCode.OK;
    }
  }
}
