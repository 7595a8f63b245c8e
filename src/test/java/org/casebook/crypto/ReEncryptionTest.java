package org.casebook.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.transfer.Progress;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReEncryptionTest {
  private static final EncryptedColumn SECRET = new EncryptedColumn("dossiers", "secret");
  private static final EncryptedColumn ADDRESS = new EncryptedColumn("dossiers", "address");
  private static final int ROWS = 1_203;
  private static final int BATCH = 500;

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void movesEveryValueToTheNewPrimaryKey(TestStore store) {
    try (Database database = store.open()) {
      Jdbi jdbi = database.jdbi();
      Keyring keyring = Keyring.fromFile(folder.resolve("keys/casebook.keyset.json"));
      FieldCipher cipher = new FieldCipher(keyring);
      Map<UUID, String> secrets = fillDossiers(jdbi, cipher);
      new KeyRotation(keyring).rotate();
      assertThat(countNeedingRotation(jdbi, cipher, SECRET)).isEqualTo(secrets.size());
      List<String> reports = new ArrayList<>();

      ReEncryption.Summary summary =
          new ReEncryption(
                  jdbi, cipher, List.of(SECRET, ADDRESS), BATCH,
                  (stage, done, total) -> reports.add(stage + " " + done + "/" + total))
              .runToCompletion();

      assertThat(summary.finished()).isTrue();
      assertThat(summary.reEncrypted()).isEqualTo(secrets.size() + ROWS / 3);
      assertThat(summary.undecryptable()).isEmpty();
      assertThat(countNeedingRotation(jdbi, cipher, SECRET)).isZero();
      assertThat(countNeedingRotation(jdbi, cipher, ADDRESS)).isZero();
      assertThat(readSecrets(jdbi, cipher)).isEqualTo(secrets);
      assertThat(reports)
          .startsWith("re-encrypt dossiers.secret 0/" + secrets.size())
          .contains("re-encrypt dossiers.secret " + secrets.size() + "/" + secrets.size())
          .endsWith("re-encrypt dossiers.address " + ROWS / 3 + "/" + ROWS / 3);
      assertThat(
              new ReEncryption(jdbi, cipher, List.of(SECRET, ADDRESS), BATCH, Progress.NONE)
                  .runToCompletion()
                  .examined())
          .as("a finished column is not read again for the same key")
          .isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void resumesAStoppedRunAfterTheLastCommittedBatch(TestStore store) {
    try (Database database = store.open()) {
      Jdbi jdbi = database.jdbi();
      Keyring keyring = Keyring.fromFile(folder.resolve("keys/casebook.keyset.json"));
      FieldCipher cipher = new FieldCipher(keyring);
      Map<UUID, String> secrets = fillDossiers(jdbi, cipher);
      new KeyRotation(keyring).rotate();
      AtomicInteger batchesDone = new AtomicInteger();
      Progress countBatches = (stage, done, total) -> batchesDone.incrementAndGet();

      ReEncryption.Summary stopped =
          new ReEncryption(jdbi, cipher, List.of(SECRET), BATCH, countBatches)
              .runUntil(() -> batchesDone.get() >= 2);

      assertThat(stopped.finished()).isFalse();
      assertThat(stopped.examined()).isEqualTo(BATCH);
      assertThat(countNeedingRotation(jdbi, cipher, SECRET)).isEqualTo(secrets.size() - BATCH);

      ReEncryption.Summary resumed =
          new ReEncryption(jdbi, cipher, List.of(SECRET), BATCH, Progress.NONE).runToCompletion();

      assertThat(resumed.finished()).isTrue();
      assertThat(resumed.examined()).isEqualTo(secrets.size() - BATCH);
      assertThat(countNeedingRotation(jdbi, cipher, SECRET)).isZero();
      assertThat(readSecrets(jdbi, cipher)).isEqualTo(secrets);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void startsOverWhenTheKeyIsRotatedAgainBeforeTheRunFinished(TestStore store) {
    try (Database database = store.open()) {
      Jdbi jdbi = database.jdbi();
      Keyring keyring = Keyring.fromFile(folder.resolve("keys/casebook.keyset.json"));
      FieldCipher cipher = new FieldCipher(keyring);
      Map<UUID, String> secrets = fillDossiers(jdbi, cipher);
      KeyRotation rotation = new KeyRotation(keyring);
      rotation.rotate();
      AtomicInteger batchesDone = new AtomicInteger();
      new ReEncryption(
              jdbi, cipher, List.of(SECRET), BATCH,
              (stage, done, total) -> batchesDone.incrementAndGet())
          .runUntil(() -> batchesDone.get() >= 2);

      rotation.rotate();
      ReEncryption.Summary summary =
          new ReEncryption(jdbi, cipher, List.of(SECRET), BATCH, Progress.NONE).runToCompletion();

      assertThat(summary.examined()).isEqualTo(secrets.size());
      assertThat(countNeedingRotation(jdbi, cipher, SECRET)).isZero();
      assertThat(readSecrets(jdbi, cipher)).isEqualTo(secrets);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void runsInTheBackgroundUntilStoppedAndReportsWhatItCouldNotRead(TestStore store)
      throws Exception {
    try (Database database = store.open()) {
      Jdbi jdbi = database.jdbi();
      Keyring keyring = Keyring.fromFile(folder.resolve("keys/casebook.keyset.json"));
      FieldCipher cipher = new FieldCipher(keyring);
      Map<UUID, String> secrets = fillDossiers(jdbi, cipher);
      UUID[] ids = secrets.keySet().toArray(UUID[]::new);
      String copied = secret(jdbi, ids[0]);
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate("UPDATE dossiers SET secret = :value WHERE public_id = :id")
                  .bind("value", copied)
                  .bind("id", ids[1])
                  .execute());
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate("UPDATE dossiers SET secret = :value WHERE public_id = :id")
                  .bind("value", "left from before encryption")
                  .bind("id", ids[2])
                  .execute());
      new KeyRotation(keyring).rotate();
      ReEncryption reEncryption =
          new ReEncryption(jdbi, cipher, List.of(SECRET), BATCH, Progress.NONE);

      ReEncryption.Run stoppedAtOnce = reEncryption.start();
      stoppedAtOnce.stop();
      java.util.Optional<ReEncryption.Summary> stopped = stoppedAtOnce.join(Duration.ofMinutes(1));
      assertThat(stopped).isPresent();
      ReEncryption.Summary completed = reEncryption.start().join();

      assertThat(completed.finished()).isTrue();
      // The stopped run may have got through the first batch before it saw the stop; what it
      // reported then is not reported again by the run that resumes after that batch.
      List<Binding> undecryptable = new java.util.ArrayList<>(stopped.get().undecryptable());
      undecryptable.addAll(completed.undecryptable());
      assertThat(undecryptable).containsExactly(SECRET.binding(ids[1]));
      assertThat(completed.plaintextEncrypted()).isZero();
      assertThat(secret(jdbi, ids[2])).isEqualTo("left from before encryption");
      assertThat(secret(jdbi, ids[1])).isEqualTo(copied);
      assertThat(countNeedingRotation(jdbi, cipher, SECRET)).isEqualTo(1);
    }
  }

  /** Dossiers with a secret in every row but a few, and an address in every third. */
  private static Map<UUID, String> fillDossiers(Jdbi jdbi, FieldCipher cipher) {
    Map<UUID, String> secrets = new LinkedHashMap<>();
    jdbi.useTransaction(
        handle -> {
          handle.execute(
              "CREATE TABLE dossiers (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                  + " public_id UUID NOT NULL UNIQUE, secret VARCHAR(4000),"
                  + " address VARCHAR(4000))");
          var insert =
              handle.prepareBatch(
                  "INSERT INTO dossiers (public_id, secret, address)"
                      + " VALUES (:publicId, :secret, :address)");
          for (int row = 0; row < ROWS; row++) {
            UUID publicId = new UUID(0x0D055_1E5L, row);
            String secret = row % 100 == 7 ? null : "источник №" + row + ", телефон +7 701 " + row;
            String address = row % 3 == 0 ? "ул. Абая " + row : null;
            if (secret != null) {
              secrets.put(publicId, secret);
            }
            insert
                .bind("publicId", publicId)
                .bind("secret", cipher.encrypt(secret, SECRET.binding(publicId)))
                .bind("address", cipher.encrypt(address, ADDRESS.binding(publicId)))
                .add();
          }
          insert.execute();
        });
    return secrets;
  }

  private static String secret(Jdbi jdbi, UUID publicId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT secret FROM dossiers WHERE public_id = :id")
                .bind("id", publicId)
                .mapTo(String.class)
                .one());
  }

  private static Map<UUID, String> readSecrets(Jdbi jdbi, FieldCipher cipher) {
    Map<UUID, String> secrets = new LinkedHashMap<>();
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT public_id, secret FROM dossiers WHERE secret IS NOT NULL ORDER BY id")
                .map(
                    (row, context) -> {
                      UUID publicId = row.getObject("public_id", UUID.class);
                      return Map.entry(
                          publicId,
                          cipher.decrypt(row.getString("secret"), SECRET.binding(publicId)));
                    })
                .forEach(entry -> secrets.put(entry.getKey(), entry.getValue())));
    return secrets;
  }

  private static long countNeedingRotation(Jdbi jdbi, FieldCipher cipher, EncryptedColumn column) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + column.column() + " FROM " + column.table())
                .mapTo(String.class)
                .list()
                .stream()
                .filter(cipher::needsRotation)
                .count());
  }
}
