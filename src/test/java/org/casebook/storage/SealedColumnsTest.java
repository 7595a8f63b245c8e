package org.casebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.casebook.app.Casebook;
import org.casebook.crypto.EncryptedColumn;
import org.casebook.crypto.FieldCipher;
import org.casebook.crypto.KeyRotation;
import org.casebook.crypto.ReEncryption;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.ExportService;
import org.casebook.transfer.Progress;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After a key rotation, re-encryption reaches every sealed value in the store: those of the record
 * tables and those of their child rows (other names, participants, parties, questions, history
 * notes, response quotes). The whole demo case, imported as restricted, is sealed everywhere it
 * can be; every text column of the schema is then searched for sealed values, which must all lie in
 * a column of {@link SealedColumns#ALL} and all be under the new key, and the case must read the
 * same afterwards.
 */
class SealedColumnsTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reEncryptionReachesEverySealedValueIncludingChildRows(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      String restricted =
          Files.readString(TestCasebook.DEMO, StandardCharsets.UTF_8)
              .replace("confidentiality: public", "confidentiality: restricted")
              .replace("confidentiality: internal", "confidentiality: restricted");
      casebook.importer().importDocument(TestCasebook.TESTER, "restricted.yaml", restricted, TestCasebook.DEMO.getParent(), false, Progress.NONE);
      String before = casebook.exporter().export(TestCasebook.TESTER, "smailova", ExportService.Format.YAML);

      Map<String, Long> sealed = sealedValues(casebook, false);
      assertThat(sealed.keySet())
          .as("every column holding sealed values is re-encrypted after a rotation")
          .isSubsetOf(SealedColumns.ALL.stream().map(EncryptedColumn::toString).toList())
          .contains(
              "persons.primary_name", "person_names.name", "organization_names.name", "event_participants.name",
              "proceeding_status_changes.note", "communication_questions.question", "communication_transitions.note",
              "claim_responses.quote");

      new KeyRotation(casebook.keyring()).rotate();
      assertThat(sealedValues(casebook, true)).as("sealed under the old key").isEqualTo(sealed);
      ReEncryption.Summary summary =
          new ReEncryption(casebook.database().jdbi(), new FieldCipher(casebook.keyring()), SealedColumns.ALL, 7, Progress.NONE)
              .runToCompletion();

      assertThat(summary.undecryptable()).isEmpty();
      assertThat(summary.leftBehind()).isEmpty();
      assertThat(summary.reEncrypted()).isEqualTo(sealed.values().stream().mapToLong(Long::longValue).sum());
      assertThat(sealedValues(casebook, true)).as("sealed values left under the old key").isEmpty();
      assertThat(casebook.exporter().export(TestCasebook.TESTER, "smailova", ExportService.Format.YAML)).isEqualTo(before);
    }
  }

  /**
   * The number of sealed values in each text column of the schema ({@code table.column}), all of
   * them or only those under a key other than the primary.
   */
  private static Map<String, Long> sealedValues(Casebook casebook, boolean underOldKeysOnly) {
    FieldCipher cipher = new FieldCipher(casebook.keyring());
    Map<String, Long> counts = new TreeMap<>();
    casebook.database().jdbi().useHandle(handle -> {
      for (Map<String, Object> column : textColumns(handle)) {
        String table = String.valueOf(column.get("table_name")).toLowerCase(java.util.Locale.ROOT);
        String name = String.valueOf(column.get("column_name")).toLowerCase(java.util.Locale.ROOT);
        long count =
            handle.createQuery("SELECT " + name + " FROM " + table + " WHERE " + name + " LIKE :prefix")
                .bind("prefix", FieldCipher.PREFIX + "%")
                .mapTo(String.class)
                .stream()
                .filter(value -> !underOldKeysOnly || cipher.needsRotation(value))
                .count();
        if (count > 0) {
          counts.put(table + "." + name, count);
        }
      }
    });
    return counts;
  }

  private static java.util.List<Map<String, Object>> textColumns(Handle handle) {
    return handle
        .createQuery(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                + " AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) IN ('text', 'character large object'))"
                + " ORDER BY table_name, column_name")
        .mapToMap()
        .list();
  }
}
