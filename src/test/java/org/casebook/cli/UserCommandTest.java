package org.casebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.casebook.accounts.AccountPolicy;
import org.casebook.accounts.AccountService;
import org.casebook.accounts.Principal;
import org.casebook.access.Role;
import org.casebook.accounts.SignInResult;
import org.casebook.storage.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UserCommandTest {
  private static final String PASSWORD = "Первый администратор 2024";

  @TempDir Path dataDir;

  private record Run(int exitCode, String out, String err) {}

  @Test
  void addsTheFirstAdministratorFromStandardInputWhoCanThenSignIn() {
    Run added =
        run(
            PASSWORD + "\n",
            "user",
            "add",
            "Amina",
            "--role",
            "administrator",
            "--display-name",
            "Amina S.",
            "--password-stdin");

    assertThat(added.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(added.out()).contains("Added administrator amina").contains("two-factor");
    assertThat(added.out() + added.err()).doesNotContain(PASSWORD);
    try (Database database = Database.open(Database.embeddedUrl(dataDir), null, null)) {
      AccountService accounts =
          new AccountService(
              database.jdbi(),
              Clock.systemUTC(),
              AccountPolicy.defaults(),
              AccountService.newPseudonymKey());
      SignInResult signedIn = accounts.signIn("amina", PASSWORD, null, "127.0.0.1");
      assertThat(signedIn.principal().role()).isEqualTo(Role.ADMINISTRATOR);
      assertThat(signedIn.principal().displayName()).isEqualTo("Amina S.");
      assertThat(signedIn.principal().mustEnrollTotp()).isTrue();
    }
    Run listed = run("", "user", "list");
    assertThat(listed.out()).contains("amina").contains("administrator").contains("no-2fa");
  }

  @Test
  void refusesAWeakPasswordAndAnUnknownRole() {
    Run weak = run("short\n", "user", "add", "amina", "--role", "editor", "--password-stdin");
    Run badRole =
        run(PASSWORD + "\n", "user", "add", "amina", "--role", "root", "--password-stdin");
    Run missing = run("", "user", "disable", "nobody");

    assertThat(weak.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(weak.err()).contains("password").doesNotContain("short\n");
    assertThat(badRole.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(missing.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
  }

  @Test
  void createsAnApiTokenPrintedOnceOnStandardOutput() {
    run(PASSWORD + "\n", "user", "add", "script.runner", "--role", "editor", "--password-stdin");

    Run created =
        run("", "token", "create", "--user", "script.runner", "--name", "nightly", "--days", "30");

    assertThat(created.exitCode()).isEqualTo(ExitCode.OK);
    String token = created.out().trim();
    assertThat(token).matches("cbk_[A-Za-z0-9_-]{43}");
    assertThat(created.err()).contains("nightly").contains("shown only now");
    try (Database database = Database.open(Database.embeddedUrl(dataDir), null, null)) {
      AccountService accounts =
          new AccountService(
              database.jdbi(),
              Clock.systemUTC(),
              AccountPolicy.defaults(),
              AccountService.newPseudonymKey());
      Principal principal = accounts.apiToken(token).orElseThrow();
      assertThat(principal.name()).isEqualTo("script.runner");
    }
    Run disabled = run("", "user", "disable", "script.runner");
    assertThat(disabled.exitCode()).isEqualTo(ExitCode.OK);
  }

  private Run run(String stdin, String... arguments) {
    String[] withStore = new String[arguments.length + 2];
    System.arraycopy(arguments, 0, withStore, 0, arguments.length);
    withStore[arguments.length] = "--data-dir";
    withStore[arguments.length + 1] = dataDir.toString();
    CommandLine commandLine = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    InputStream originalIn = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int exitCode = commandLine.execute(withStore);
      return new Run(exitCode, out.toString(), err.toString());
    } finally {
      System.setIn(originalIn);
    }
  }
}
