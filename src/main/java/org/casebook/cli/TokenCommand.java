package org.casebook.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.casebook.accounts.NewApiToken;
import org.casebook.accounts.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code casebook token create --user NAME}: makes an API token for scripts and prints it, the only
 * time it is ever shown. The token alone goes to standard output, so that a script can capture it;
 * what it is goes to standard error.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create an API token for a user and print it once.")
  static final class Create implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Whose token.")
    String user;

    @Option(
        names = "--name",
        paramLabel = "LABEL",
        defaultValue = "command line",
        description = "What the token is for (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(
        names = "--days",
        paramLabel = "DAYS",
        defaultValue = "90",
        description = "Days until it expires, at most 366 (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
      return UserCommand.withAccounts(
          store,
          accounts -> {
            User owner = UserCommand.existing(accounts, user);
            NewApiToken created =
                accounts.createApiToken(owner.id(), label, Duration.ofDays(Math.max(days, 0)));
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                "API token \""
                    + created.token().name()
                    + "\" for "
                    + owner.name()
                    + ", expires "
                    + created.token().expiresAt()
                    + ". It is shown only now; keep it secret:");
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(created.rawToken());
            out.flush();
            return ExitCode.OK;
          });
    }
  }
}
