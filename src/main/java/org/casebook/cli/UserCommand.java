package org.casebook.cli;

import java.util.Locale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.casebook.accounts.AccountService;
import org.casebook.app.Casebook;
import org.casebook.access.Role;
import org.casebook.accounts.User;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code casebook user add|passwd|disable|enable|totp-reset|list}: manages accounts from the
 * server's console. Whoever can run it can read the database anyway, so it needs no sign-in; it is
 * how the first administrator is made, since there is no default account or password.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage accounts: add, set a password, disable, reset two-factor sign-in, list.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Passwd.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class,
      UserCommand.TotpReset.class,
      UserCommand.ListUsers.class
    })
final class UserCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens the store named by the options, brings its schema up to date, and runs {@code work}. */
  static int withAccounts(StoreOptions store, AccountWork work) {
    try (Casebook casebook = Casebook.open(store.settings(), Clock.systemUTC())) {
      return work.run(casebook.accounts());
    }
  }

  /**
   * Does {@code action} to the existing account {@code name} and prints what was done; refuses an
   * unknown name as {@link #existing} does.
   */
  static int onExistingUser(
      StoreOptions store,
      CommandLine.Model.CommandSpec spec,
      String name,
      java.util.function.BiConsumer<AccountService, User> action,
      java.util.function.Function<User, String> done) {
    return withAccounts(
        store,
        accounts -> {
          User user = existing(accounts, name);
          action.accept(accounts, user);
          spec.commandLine().getOut().println(done.apply(user));
          spec.commandLine().getOut().flush();
          return ExitCode.OK;
        });
  }

  /** Something done with the account service of an open store; returns the exit code. */
  interface AccountWork {
    int run(AccountService accounts);
  }

  static User existing(AccountService accounts, String name) {
    return accounts.findUser(name).orElseThrow(() -> new NoSuchRecord("user", name));
  }

  /** Where a new password is read from: the console twice without echo, or one line of stdin. */
  static final class PasswordInput {
    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input (for scripts).")
    boolean fromStdin;

    /** The new password; the caller clears the array after use. */
    char[] read(String name) {
      if (fromStdin) {
        return firstLine(System.in);
      }
      java.io.Console console = System.console();
      if (console == null) {
        throw new InvalidInput(
            "password", "there is no console to read it from; use --password-stdin");
      }
      char[] first = console.readPassword("New password for %s: ", name);
      char[] second = console.readPassword("The same password again: ");
      try {
        if (first == null || second == null || !Arrays.equals(first, second)) {
          throw new InvalidInput("password", "the two passwords typed differ");
        }
        return first.clone();
      } finally {
        clear(first);
        clear(second);
      }
    }

    private static char[] firstLine(InputStream input) {
      try {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
          throw new InvalidInput("password", "standard input is empty");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new InvalidInput("password", "cannot read standard input: " + e.getMessage());
      }
    }
  }

  static void clear(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add an account. The password is asked twice, or read with --password-stdin.")
  static final class Add implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin PasswordInput passwordInput;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Login name: a-z, 0-9 and . _ @ -")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "administrator, editor or viewer.")
    String role;

    @Option(
        names = "--display-name",
        paramLabel = "TEXT",
        description = "The name shown to others (default: NAME).")
    String displayName;

    @Override
    public Integer call() {
      Role parsedRole = Role.parse(role, "--role");
      return withAccounts(
          store,
          accounts -> {
            char[] password = passwordInput.read(name);
            User user;
            try {
              user =
                  accounts.createUser(
                      name,
                      displayName == null ? name.trim() : displayName,
                      parsedRole,
                      CharBuffer.wrap(password));
            } finally {
              clear(password);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                "Added " + user.role().code() + " " + user.name() + " (" + user.id() + ").");
            if (user.mustEnrollTotp()) {
              out.println(
                  "Administrators need two-factor sign-in: at the first sign-in, "
                      + user.name()
                      + " will be asked to set up an authenticator app before anything else.");
            }
            out.flush();
            return ExitCode.OK;
          });
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Set a new password for an account and end its sessions.")
  static final class Passwd implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin PasswordInput passwordInput;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return withAccounts(
          store,
          accounts -> {
            User user = existing(accounts, name);
            char[] password = passwordInput.read(user.name());
            try {
              accounts.setPassword(user.id(), CharBuffer.wrap(password));
            } finally {
              clear(password);
            }
            spec.commandLine()
                .getOut()
                .println("Password of " + user.name() + " set; its sessions ended.");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
          });
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable an account: no sign-in, its sessions end, its API tokens are revoked.")
  static final class Disable implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return onExistingUser(
          store,
          spec,
          name,
          (accounts, user) -> accounts.disable(user.id()),
          user -> "Disabled " + user.name() + ".");
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable a disabled account again (its old API tokens stay revoked).")
  static final class Enable implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return onExistingUser(
          store,
          spec,
          name,
          (accounts, user) -> accounts.enable(user.id()),
          user -> "Enabled " + user.name() + ".");
    }
  }

  @Command(
      name = "totp-reset",
      mixinStandardHelpOptions = true,
      description =
          "Remove an account's two-factor sign-in and recovery codes (lost phone) and end its"
              + " sessions.")
  static final class TotpReset implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return onExistingUser(
          store,
          spec,
          name,
          (accounts, user) -> accounts.resetTotp(user.id()),
          user -> "Two-factor sign-in of " + user.name() + " removed; its sessions ended.");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return withAccounts(
          store,
          accounts -> {
            PrintWriter out = spec.commandLine().getOut();
            for (User user : accounts.users()) {
              out.printf(
                  Locale.ROOT,
                  "%-30s %-13s %-9s %-8s %s%n",
                  user.name(),
                  user.role().code(),
                  user.totpEnabled() ? "2fa" : "no-2fa",
                  user.disabled() ? "disabled" : "active",
                  user.displayName());
            }
            out.flush();
            return ExitCode.OK;
          });
    }
  }
}
