package org.casebook.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {
  private static final Binding BINDING = new Binding("events", UUID.randomUUID(), "description");

  @TempDir Path folder;

  @Test
  void keepsOldValuesReadableAndEncryptsNewOnesUnderTheNewKey() throws Exception {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    Keyring keyring = Keyring.fromFile(keyFile);
    FieldCipher cipher = new FieldCipher(keyring);
    int firstKey = keyring.primaryKeyId();
    String before = cipher.encrypt("обыск 12 марта", BINDING);

    int newKey = new KeyRotation(keyring).rotate();

    assertThat(newKey).isNotEqualTo(firstKey);
    assertThat(keyring.primaryKeyId()).isEqualTo(newKey);
    assertThat(cipher.needsRotation(before)).isTrue();
    assertThat(cipher.decrypt(before, BINDING)).isEqualTo("обыск 12 марта");
    String after = cipher.encrypt("обыск 12 марта", BINDING);
    assertThat(cipher.needsRotation(after)).isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    try (var entries = Files.list(keyFile.getParent())) {
      assertThat(entries.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("casebook.keyset.json", "casebook.keyset.json.lock");
    }
    assertThat(Files.readString(keyFile, StandardCharsets.UTF_8))
        .contains(Integer.toUnsignedString(firstKey), Integer.toUnsignedString(newKey));
  }

  @Test
  void reachesARunningNodeThatReadsTheSameFile() {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    Keyring rotatingNode = Keyring.fromFile(keyFile);
    Keyring watchingNode = Keyring.fromFile(keyFile, Duration.ZERO);
    Keyring idleNode = Keyring.fromFile(keyFile, Duration.ofHours(1));

    int newKey = new KeyRotation(rotatingNode).rotate();
    String written = new FieldCipher(rotatingNode).encrypt("Бишкек", BINDING);

    assertThat(watchingNode.primaryKeyId()).isEqualTo(newKey);
    assertThat(idleNode.primaryKeyId()).isNotEqualTo(newKey);
    assertThat(new FieldCipher(idleNode).decrypt(written, BINDING)).isEqualTo("Бишкек");
    assertThat(idleNode.primaryKeyId()).isEqualTo(newKey);
  }

  @Test
  void addsAKeyFirstAndPromotesItLater() {
    Keyring keyring = Keyring.fromFile(folder.resolve("keys/casebook.keyset.json"));
    int firstKey = keyring.primaryKeyId();
    KeyRotation rotation = new KeyRotation(keyring);

    int addedKey = rotation.addKey();

    assertThat(keyring.primaryKeyId()).isEqualTo(firstKey);
    rotation.promote(addedKey);
    assertThat(keyring.primaryKeyId()).isEqualTo(addedKey);
    assertThatThrownBy(() -> rotation.promote(12345))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12345");
  }

  @Test
  void refusesToRotateAKeysetGivenAsJson() throws Exception {
    Path keyFile = folder.resolve("keys/casebook.keyset.json");
    Keyring.fromFile(keyFile);
    Keyring fromEnvironment =
        Keyring.fromJson(Files.readString(keyFile, StandardCharsets.UTF_8), "CASEBOOK_KEYSET");

    assertThatThrownBy(() -> new KeyRotation(fromEnvironment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CASEBOOK_KEYSET");
  }
}
