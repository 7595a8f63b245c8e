package org.casebook.cli;

import java.io.PrintWriter;
import org.casebook.common.CasebookException;
import org.casebook.common.Failures;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code casebook} command: starts the server or runs a job. */
@Command(
    name = "casebook",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Documents the cases of human rights defenders at risk.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ReindexCommand.class,
      MigrateCommand.class,
      UserCommand.class,
      TokenCommand.class,
      AuditCommand.class,
      KeysCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:an unexpected failure (the message says what)",
      "2:the command line was wrong",
      "3:the input was refused; nothing was written",
      "4:a named record does not exist",
      "5:someone else changed the record first",
      "6:the database or the data folder cannot be used",
      "7:the audit log was altered (audit verify)"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] arguments) {
    System.exit(run(arguments));
  }

  /** Runs the command line and returns its exit code (for tests, without exiting). */
  public static int run(String... arguments) {
    return commandLine().execute(arguments);
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(Main::handle);
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int handle(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (failure instanceof InvalidInput invalid) {
      err.println("casebook: refused, nothing was written (" + invalid.errors().size() + " error" + (invalid.errors().size() == 1 ? "" : "s") + "):");
      for (FieldError error : invalid.errors()) {
        err.println("  " + error);
      }
      err.flush();
      return ExitCode.INVALID_INPUT;
    }
    if (failure instanceof CasebookException known) {
      err.println("casebook: " + known.getMessage());
      err.flush();
      return ExitCode.forStatus(known.httpStatus());
    }
    err.println("casebook: failed unexpectedly (details without messages, which may hold personal data):");
    err.println(Failures.withoutMessages(failure));
    err.flush();
    return ExitCode.FAILURE;
  }

  /** The version written in the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"casebook " + (version == null ? "(development build)" : version)};
    }
  }
}
