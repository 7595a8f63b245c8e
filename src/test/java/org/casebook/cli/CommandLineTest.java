package org.casebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a person runs them, on an embedded store in a temporary folder. */
class CommandLineTest {
  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureOutput() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void importsExportsAndReimportsTheDemoCase() throws Exception {
    String data = folder.resolve("data").toString();
    Path exported = folder.resolve("export.yaml");

    assertThat(run("import", "--data-dir", data, "demo/smailova.yaml")).isEqualTo(ExitCode.OK);
    assertThat(stdout()).contains("Imported smailova").contains("created");
    assertThat(run("export", "--data-dir", data, "smailova", "-o", exported.toString())).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(exported)).startsWith("format: casebook/1").contains("KZ-CC 190(4)(2)");

    String other = folder.resolve("other").toString();
    assertThat(run("import", "--data-dir", other, exported.toString())).isEqualTo(ExitCode.OK);
    assertThat(run("export", "--data-dir", other, "smailova", "--format", "yaml")).isEqualTo(ExitCode.OK);
    assertThat(stdout()).contains(Files.readString(exported));
  }

  @Test
  void aBadImportExitsWithThreeAndListsEveryErrorByLine() throws Exception {
    Path file = folder.resolve("bad.yaml");
    Files.writeString(
        file,
        "format: casebook/1\ncase:\n  key: bad\n  title: Bad\n  risk: low\n  status: open\n"
            + "events:\n  - key: e\n    date: 2016-13\n    type: speech\n    title: x\n");

    int code = run("import", "--data-dir", folder.resolve("data").toString(), file.toString());

    assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(stderr()).contains("nothing was written").contains("bad.yaml:9: events[0].date:");
  }

  @Test
  void exitCodesForAMissingCaseAndAWrongCommandLine() {
    String data = folder.resolve("data").toString();

    assertThat(run("export", "--data-dir", data, "no-such-case")).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(stderr()).contains("no-such-case");
    assertThat(run("import")).isEqualTo(ExitCode.USAGE);
    assertThat(run("frobnicate")).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void rotatingTheKeysKeepsEveryRestrictedValueReadable() throws Exception {
    String data = folder.resolve("data").toString();
    Path before = folder.resolve("before.yaml");
    Path after = folder.resolve("after.yaml");
    assertThat(run("import", "--data-dir", data, "demo/smailova.yaml")).isEqualTo(ExitCode.OK);
    assertThat(run("export", "--data-dir", data, "smailova", "-o", before.toString())).isEqualTo(ExitCode.OK);

    assertThat(run("keys", "rotate", "--data-dir", data)).isEqualTo(ExitCode.OK);
    assertThat(stdout()).contains("New primary key").containsPattern("Re-encrypted [1-9][0-9]* of");
    assertThat(run("keys", "reencrypt", "--data-dir", data)).isEqualTo(ExitCode.OK);
    assertThat(stdout()).contains("Re-encrypted 0 of");
    assertThat(run("export", "--data-dir", data, "smailova", "-o", after.toString())).isEqualTo(ExitCode.OK);

    assertThat(Files.readString(after)).isEqualTo(Files.readString(before)).contains("Ms. Smailova's lawyer");
  }

  @Test
  void migrateReportsTheSchemaVersion() {
    String data = folder.resolve("data").toString();

    assertThat(run("migrate", "--data-dir", data)).isEqualTo(ExitCode.OK);
    assertThat(run("migrate", "--info", "--data-dir", data)).isEqualTo(ExitCode.OK);
    assertThat(stdout()).contains("Success").contains("records");
  }

  private int run(String... arguments) {
    return Main.commandLine().execute(arguments);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
