package org.casebook.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  private static final Binding BINDING = new Binding("persons", UUID.randomUUID(), "notes");

  @TempDir Path folder;

  @Test
  void createsAnOwnerOnlyKeyFileInAnOwnerOnlyFolder() throws Exception {
    Path keyFile = folder.resolve("data/keys/casebook.keyset.json");

    Keyring keyring = Keyring.fromFile(keyFile);

    assertThat(keyring.keyFilePath()).contains(keyFile);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
        .isEqualTo("rwx------");
    try (var entries = Files.list(keyFile.getParent())) {
      assertThat(entries).containsExactly(keyFile);
    }
  }

  @Test
  void keepsTheKeyAcrossRestarts() {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    String encrypted = new FieldCipher(Keyring.fromFile(keyFile)).encrypt("Алматы", BINDING);

    FieldCipher restarted = new FieldCipher(Keyring.fromFile(keyFile));

    assertThat(restarted.decrypt(encrypted, BINDING)).isEqualTo("Алматы");
  }

  @Test
  void refusesAKeyFileOthersCanRead() throws Exception {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    Keyring.fromFile(keyFile);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));

    assertThatThrownBy(() -> Keyring.fromFile(keyFile))
        .isInstanceOfSatisfying(
            KeyFileUnusable.class,
            failure -> {
              assertThat(failure.location()).isEqualTo(keyFile.toString());
              assertThat(failure.getMessage())
                  .contains(keyFile.toString(), "rw-r-----", "chmod 600");
            });
  }

  @Test
  void refusesAKeyFolderOthersCanWrite() throws Exception {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    Keyring.fromFile(keyFile);
    Files.setPosixFilePermissions(
        keyFile.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> Keyring.fromFile(keyFile))
        .isInstanceOf(KeyFileUnusable.class)
        .hasMessageContaining("chmod 700");
  }

  @Test
  void refusesAFileThatIsNotAKeysetWithoutQuotingIt() throws Exception {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    Keyring.fromFile(keyFile);
    Files.writeString(keyFile, "{\"primaryKeyId\": \"hunter2-secret\"", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Keyring.fromFile(keyFile))
        .isInstanceOf(KeyFileUnusable.class)
        .hasMessageContaining(keyFile.toString())
        .hasMessageNotContaining("hunter2")
        .hasNoCause();
  }

  @Test
  void takesAKeysetGivenAsJson() throws Exception {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    String encrypted = new FieldCipher(Keyring.fromFile(keyFile)).encrypt("Астана", BINDING);

    Keyring fromEnvironment =
        Keyring.fromJson(Files.readString(keyFile, StandardCharsets.UTF_8), "CASEBOOK_KEYSET");

    assertThat(new FieldCipher(fromEnvironment).decrypt(encrypted, BINDING)).isEqualTo("Астана");
    assertThat(fromEnvironment.keyFilePath()).isEmpty();
    assertThatThrownBy(() -> Keyring.fromJson("[]", "CASEBOOK_KEYSET"))
        .isInstanceOf(KeyFileUnusable.class)
        .hasMessageContaining("CASEBOOK_KEYSET");
  }
}
