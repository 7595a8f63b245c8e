package org.casebook.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.casebook.app.Casebook;
import org.casebook.audit.AuditLog;
import org.casebook.audit.VerificationReport;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GenerateTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
  private static final long SEED = 20250701L;

  @TempDir Path folder;

  private static GenerationReport generate(Casebook casebook, long records, long seed) {
    return new CorpusGenerator(casebook.database().jdbi(), casebook.accounts(), CLOCK, "the test store")
        .generate(records, seed, Progress.NONE);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void writesExactlyTheRecordsAskedForEachWithAnAuditEntry(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, folder)) {
      GenerationReport report = generate(casebook, 2_345, SEED);

      Map<String, Long> rows = recordCounts(casebook);
      assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_345);
      assertThat(report.records()).isEqualTo(2_345);
      assertThat(rows.get("case_files")).isEqualTo(report.caseFiles()).isBetween(2_345L / 40, 2_345L / 10 + 1);
      VerificationReport audit = new AuditLog(casebook.database().jdbi()).verify();
      assertThat(audit.problems()).isEmpty();
      assertThat(audit.entries()).isEqualTo(2_345);
      assertThatThrownBy(() -> generate(casebook, 10, SEED))
          .isInstanceOf(StoreNotEmpty.class)
          .hasMessageContaining("already holds " + report.caseFiles() + " case files");
    }
  }

  private static Map<String, Long> recordCounts(Casebook casebook) {
    Map<String, Long> counts = new TreeMap<>();
    casebook
        .database()
        .jdbi()
        .useHandle(
            handle -> {
              for (String table : new String[] {"case_files", "persons", "organizations", "sources", "proceedings", "events"}) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
              }
            });
    return counts;
  }
}
