package org.casebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.storage.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
  @TempDir Path dataDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private String url() {
    return Database.embeddedUrl(dataDir);
  }

  private int run(String... arguments) {
    CommandLine commandLine = new CommandLine(new AuditCommand());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(arguments);
  }

  private String storeWithEntries(int count) {
    try (Database database = Database.open(url(), null, null)) {
      database.migrate();
      AuditLog log = new AuditLog(database.jdbi());
      for (int number = 1; number <= count; number++) {
        AuditEntry entry =
            new AuditEntry(
                Instant.parse("2024-03-01T09:15:00Z").plusSeconds(number),
                "editor",
                null,
                "create",
                "person",
                null,
                "n=" + number);
        database.jdbi().useTransaction(handle -> log.append(handle, entry));
      }
      return log.headHash();
    }
  }

  @Test
  void printsTheCountAndHeadOfAnIntactLog() {
    String head = storeWithEntries(3);

    int exitCode = run("verify", "--db-url", url(), "--expect-head", head.toUpperCase(java.util.Locale.ROOT));

    assertThat(err.toString()).isEmpty();
    assertThat(exitCode).isEqualTo(ExitCode.OK);
    assertThat(out.toString().strip()).isEqualTo("audit log intact: 3 entries, head " + head);
  }

  @Test
  void printsEachProblemAndExitsWithSeven() {
    storeWithEntries(4);
    try (Database database = Database.open(url(), null, null)) {
      database
          .jdbi()
          .useHandle(handle -> handle.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2"));
    }

    int exitCode = run("verify", "--db-url", url());

    assertThat(exitCode).isEqualTo(7).isEqualTo(AuditCommand.AUDIT_LOG_ALTERED);
    assertThat(out.toString())
        .contains("seq 2: content changed")
        .contains("audit log NOT intact: 1 problem in 4 entries");
  }

  @Test
  void refusesAHeadThatIsNotAHash() {
    storeWithEntries(1);

    int exitCode = run("verify", "--db-url", url(), "--expect-head", "abc");

    assertThat(exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("64 hex digits, not \"abc\"");
  }

  @Test
  void asksForMigrationFirstOnAnUnmigratedStore() {
    int exitCode = run("verify", "--db-url", url());

    assertThat(exitCode).isEqualTo(ExitCode.STORAGE_UNAVAILABLE);
    assertThat(err.toString()).contains("run casebook migrate first");
  }
}
