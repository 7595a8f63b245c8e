package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Audit rows are only ever inserted. No SQL in the application may change or remove them; only the
 * head row ({@code audit_head}) moves.
 */
class AuditRowsAreNeverChangedTest {
  /** Blanks, or the end of one string literal joined to the next with {@code +}. */
  private static final String GAP = "(?:\\s|\"\\s*\\+\\s*\")+";

  private static final Pattern CHANGING_AUDIT_ROWS =
      Pattern.compile(
          "\\b(?:UPDATE|DELETE"
              + GAP
              + "FROM|TRUNCATE(?:"
              + GAP
              + "TABLE)?|MERGE"
              + GAP
              + "INTO)"
              + GAP
              + "(?:\\w+\\.)?\"?audit_log\\b",
          Pattern.CASE_INSENSITIVE);

  @Test
  void noSourceFileUpdatesOrDeletesAuditRows() throws IOException {
    Path sources = Path.of("src", "main", "java");
    assertThat(sources).isDirectory();
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher matcher = CHANGING_AUDIT_ROWS.matcher(text);
        while (matcher.find()) {
          long line = text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
          offences.add(file + ":" + line + ": " + matcher.group());
        }
      }
    }
    assertThat(offences).as("SQL that changes or removes audit rows").isEmpty();
  }

  @Test
  void thePatternCatchesWhatItMustAndSparesTheHead() {
    assertThat(CHANGING_AUDIT_ROWS.matcher("\"UPDATE audit_log SET detail = ''\"").find()).isTrue();
    assertThat(CHANGING_AUDIT_ROWS.matcher("\"delete  from audit_log where seq = 1\"").find())
        .isTrue();
    assertThat(CHANGING_AUDIT_ROWS.matcher("TRUNCATE TABLE casebook.audit_log").find()).isTrue();
    assertThat(CHANGING_AUDIT_ROWS.matcher("\"DELETE FROM \"\n    + \"audit_log WHERE\"").find())
        .isTrue();
    assertThat(CHANGING_AUDIT_ROWS.matcher("\"UPDATE audit_head SET last_seq = :seq\"").find())
        .isFalse();
    assertThat(CHANGING_AUDIT_ROWS.matcher("\"INSERT INTO audit_log (seq) VALUES (1)\"").find())
        .isFalse();
    assertThat(CHANGING_AUDIT_ROWS.matcher("\"SELECT seq FROM audit_log\"").find()).isFalse();
  }
}
