package org.casebook.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.casebook.crypto.ReEncryption;
import org.casebook.app.Casebook;
import org.casebook.demo.DemoSetup;
import org.casebook.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code casebook serve}: starts the server and runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the server (schema migrated first).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin StoreOptions store;
  @Mixin ServerOptions server;

  @Override
  public Integer call() throws InterruptedException {
    Casebook casebook = Casebook.open(store.settings(server.options()), Clock.systemUTC());
    runUntilStopped(
        casebook,
        casebook.serve(casebook.settings().host(), casebook.settings().port(), DemoSetup.isDemo(casebook)),
        "");
    return ExitCode.OK;
  }

  /** Prints where the server is, then waits until the process is stopped, closing cleanly. */
  static void runUntilStopped(Casebook casebook, WebServer web, String note) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    ReEncryption.Run reEncryption = casebook.startReEncryption();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  web.close();
                  reEncryption.stop();
                  try {
                    reEncryption.join(Duration.ofSeconds(10));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  casebook.close();
                  stopped.countDown();
                }));
    String host = casebook.settings().host();
    String shown = host.equals("0.0.0.0") ? "localhost" : host;
    System.out.println("Casebook is running at http://" + shown + ":" + web.port() + "/" + note);
    System.out.println("Data: " + casebook.database().describe());
    System.out.println("Stop with Ctrl-C.");
    System.out.flush();
    stopped.await();
  }
}
