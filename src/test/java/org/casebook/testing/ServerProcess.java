package org.casebook.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.storage.TestStore;

/**
 * A Casebook server in a process of its own ({@code casebook serve} on a free port), for the tests
 * that kill it: its standard error goes to {@code server.log} in its data folder.
 */
public final class ServerProcess {
  private static final Pattern RUNNING = Pattern.compile("Casebook is running at http://[^:]+:(\\d+)/");

  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** A server on the embedded H2 database in {@code dataDir}. */
  public static ServerProcess start(Path dataDir) throws IOException, InterruptedException {
    return start(dataDir, null);
  }

  /** A server keeping its records in {@code database}, or in embedded H2 when it is null. */
  public static ServerProcess start(Path dataDir, TestStore.Server database) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "org.casebook.cli.Main", "serve", "--data-dir", dataDir.toString(), "--port", "0"));
    if (database != null) {
      command.addAll(List.of("--db-url", database.url(), "--db-user", database.user()));
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
    builder.environment().remove("CASEBOOK_DB_URL");
    builder.environment().remove("CASEBOOK_DB_USER");
    builder.environment().remove("CASEBOOK_KEYSET");
    if (database != null) {
      builder.environment().put("CASEBOOK_DB_PASSWORD", database.password());
    } else {
      builder.environment().remove("CASEBOOK_DB_PASSWORD");
    }
    Process process = builder.start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  Matcher running = RUNNING.matcher(line);
                  if (running.find()) {
                    return Integer.parseInt(running.group(1));
                  }
                }
                return -1;
              } catch (IOException e) {
                return -1;
              }
            });
    try {
      int found = port.get(60, TimeUnit.SECONDS);
      assertThat(found).as("the server started; see " + dataDir.resolve("server.log")).isPositive();
      return new ServerProcess(process, found);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("the server did not start; see " + dataDir.resolve("server.log"), e);
    }
  }

  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the server closes cleanly. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
