package org.casebook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.casebook.app.Casebook;
import org.casebook.access.Caller;
import org.casebook.transfer.ImportResult;
import org.casebook.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code casebook demo}: loads the demo case (the public case of Dinara Smailova) into the store
 * and starts the server. Loading again updates the demo records rather than duplicating them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Load the demo case into the store and start the server.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  /** The demo case's files, as packed into the jar from the project's demo/ folder. */
  static final List<String> FILES =
      List.of(
          "smailova.yaml",
          "sources/un-communication-AL-KAZ-1-2024.txt",
          "sources/kazakhstan-government-reply-2024-05-27.md");

  @Mixin StoreOptions store;
  @Mixin ServerOptions server;

  @Option(names = "--load-only", description = "Load the demo case and exit without starting the server.")
  boolean loadOnly;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Casebook casebook = Casebook.open(store.settings(server.options()), Clock.systemUTC());
    ImportResult result;
    Path folder = unpack();
    try {
      result = casebook.importer().importFile(Caller.system("demo"), folder.resolve(FILES.get(0)), false, org.casebook.transfer.Progress.NONE);
    } finally {
      deleteTree(folder);
    }
    System.out.println(
        "Demo case loaded: " + result.caseKey() + " (" + result.created() + " created, " + result.updated()
            + " updated, " + result.unchanged() + " unchanged)");
    if (loadOnly) {
      casebook.close();
      return ExitCode.OK;
    }
    WebServer web = casebook.serve();
    System.out.println("Chronology: http://localhost:" + web.port() + "/api/v1/cases/" + result.caseId() + "/chronology");
    ServeCommand.runUntilStopped(casebook, web, "");
    return ExitCode.OK;
  }

  /** Copies the demo files out of the jar into a temporary folder. */
  static Path unpack() throws IOException {
    Path folder = Files.createTempDirectory("casebook-demo");
    for (String file : FILES) {
      try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + file)) {
        if (in == null) {
          throw new IllegalStateException("the demo file " + file + " is missing from the build");
        }
        Path target = folder.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
    return folder;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
