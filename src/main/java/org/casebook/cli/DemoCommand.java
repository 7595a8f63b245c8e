package org.casebook.cli;

import java.io.IOException;
import java.time.Clock;
import org.casebook.app.Casebook;
import org.casebook.demo.DemoSetup;
import org.casebook.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code casebook demo}: loads the demo case and the demo accounts into the store and starts the
 * server, marked as a demo. Refuses a data folder that holds anything else.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Load the demo case and demo accounts (fresh passwords each time) and start the server.",
      "Runs only on an empty data folder or one it set up before."
    })
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin StoreOptions store;
  @Mixin ServerOptions server;

  @Option(names = "--load-only", description = "Load the demo and exit without starting the server.")
  boolean loadOnly;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Casebook casebook = Casebook.open(store.settings(server.options()), Clock.systemUTC());
    DemoSetup.Result demo;
    try {
      demo = new DemoSetup(Clock.systemUTC()).setUp(casebook);
    } catch (RuntimeException | IOException e) {
      casebook.close();
      throw e;
    }
    System.out.println(
        "Demo case loaded: " + demo.imported().caseKey() + " (" + demo.imported().created() + " created, "
            + demo.imported().updated() + " updated, " + demo.imported().unchanged() + " unchanged)");
    System.out.println();
    System.out.println("Demo accounts (new passwords on every start; this is a demo, not for real data):");
    for (DemoSetup.Account account : demo.accounts()) {
      System.out.println(
          "  " + account.name() + "  password " + account.password() + "  (" + account.role().code() + ": " + account.note() + ")");
      if (account.totpSecret() != null) {
        System.out.println(
            "      second factor: add the secret " + account.totpSecret() + " to an authenticator app"
                + " (or: oathtool --totp -b " + account.totpSecret() + ")");
      }
    }
    if (loadOnly) {
      casebook.close();
      return ExitCode.OK;
    }
    WebServer web = casebook.serve(casebook.settings().host(), casebook.settings().port(), true);
    int port = web.port();
    System.out.println();
    System.out.println("In a browser: http://localhost:" + port + "/sign-in (then the case: http://localhost:" + port
        + "/cases/" + demo.imported().caseId() + ")");
    System.out.println("Published case, no sign-in: http://localhost:" + port + "/public/cases/" + demo.imported().caseId());
    System.out.println();
    System.out.println("Over the API, sign in (the answer sets a session cookie and gives the anti-forgery token):");
    System.out.println(
        "  curl -c cookies -H 'Content-Type: application/json' -d '{\"name\": \"demo-editor\", \"password\": \"...\"}'"
            + " http://localhost:" + port + "/api/v1/session");
    System.out.println("Published view, no sign-in: http://localhost:" + port + "/api/v1/public/cases/" + demo.imported().caseId());
    System.out.println("Chronology (signed in): http://localhost:" + port + "/api/v1/cases/" + demo.imported().caseId() + "/chronology");
    ServeCommand.runUntilStopped(casebook, web, "");
    return ExitCode.OK;
  }
}
