package org.casebook.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTest {
  private static final long SEED = 0x5EED_C1F3L;
  private static final String SECRET = "Динара Смаилова, адрес убежища: Vilnius, Gedimino pr. 9";
  private static final UUID RECORD = UUID.fromString("0b6f3c52-8f0e-4d7a-9a51-0c1f8d2e7a11");
  private static final Binding NOTES = new Binding("persons", RECORD, "notes");

  @TempDir Path folder;
  private FieldCipher cipher;

  @BeforeEach
  void openKeyring() {
    cipher = new FieldCipher(Keyring.fromFile(folder.resolve("keys/casebook.keyset.json")));
  }

  @Test
  void roundTripsCyrillicText() {
    String encrypted = cipher.encrypt(SECRET, NOTES);

    assertThat(encrypted).startsWith(FieldCipher.PREFIX).doesNotContain("Динара", "Vilnius");
    assertThat(encrypted.substring(FieldCipher.PREFIX.length())).matches("[A-Za-z0-9_-]+");
    assertThat(encrypted.length())
        .isLessThanOrEqualTo(
            FieldCipher.maxEncryptedLength(SECRET.getBytes(StandardCharsets.UTF_8).length));
    assertThat(FieldCipher.isEncrypted(encrypted)).isTrue();
    assertThat(FieldCipher.isEncrypted(SECRET)).isFalse();
    assertThat(cipher.decrypt(encrypted, NOTES)).isEqualTo(SECRET);
  }

  @Test
  void roundTripsAMegabyteOfMixedScripts() {
    System.out.println("FieldCipherTest seed: " + Long.toHexString(SEED));
    Random random = new Random(SEED);
    String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі ABCxyz0189.,;\n\"'\\😀";
    StringBuilder text = new StringBuilder(1 << 20);
    while (text.length() < (1 << 20)) {
      text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
          random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    String plaintext = text.toString();

    String encrypted = cipher.encrypt(plaintext, NOTES);

    assertThat(cipher.decrypt(encrypted, NOTES)).isEqualTo(plaintext);
    assertThat(encrypted.length())
        .isLessThanOrEqualTo(
            FieldCipher.maxEncryptedLength(plaintext.getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void passesNullThroughAndEncryptsTheEmptyString() {
    assertThat(cipher.encrypt(null, NOTES)).isNull();
    assertThat(cipher.decrypt(null, NOTES)).isNull();
    assertThat(cipher.decrypt(cipher.encrypt("", NOTES), NOTES)).isEmpty();
  }

  @Test
  void givesADifferentCiphertextEachTime() {
    assertThat(cipher.encrypt(SECRET, NOTES)).isNotEqualTo(cipher.encrypt(SECRET, NOTES));
  }

  @Test
  void refusesAValueMovedToAnotherRecordFieldOrTable() {
    String encrypted = cipher.encrypt(SECRET, NOTES);
    UUID otherRecord = UUID.fromString("7d4c1b8a-2e3f-4a5b-8c9d-0e1f2a3b4c5d");

    assertUndecryptable(encrypted, new Binding("persons", otherRecord, "notes"));
    assertUndecryptable(encrypted, new Binding("persons", RECORD, "occupation"));
    assertUndecryptable(encrypted, new Binding("organizations", RECORD, "notes"));
  }

  @Test
  void refusesAnAlteredValue() {
    String encrypted = cipher.encrypt(SECRET, NOTES);
    int middle = FieldCipher.PREFIX.length() + 30;
    char flipped = encrypted.charAt(middle) == 'A' ? 'B' : 'A';
    String altered = encrypted.substring(0, middle) + flipped + encrypted.substring(middle + 1);

    assertUndecryptable(altered, NOTES);
    assertUndecryptable(encrypted.substring(0, encrypted.length() - 4), NOTES);
    assertUndecryptable(FieldCipher.PREFIX + "not base64 at all!", NOTES);
    assertUndecryptable(FieldCipher.PREFIX, NOTES);
    assertUndecryptable(SECRET, NOTES);
  }

  @Test
  void namesAKeyTheKeysetDoesNotHold() {
    FieldCipher stranger = new FieldCipher(Keyring.fromFile(folder.resolve("other/keyset.json")));
    String encrypted = stranger.encrypt(SECRET, NOTES);

    assertThatThrownBy(() -> cipher.decrypt(encrypted, NOTES))
        .isInstanceOf(Undecryptable.class)
        .hasMessageContaining("not in the keyset");
  }

  @Test
  void refusesBindingsThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> new Binding("persons; DROP TABLE persons", RECORD, "notes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Binding("persons", null, "notes"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new EncryptedColumn("persons", "Notes"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertUndecryptable(String value, Binding binding) {
    assertThatThrownBy(() -> cipher.decrypt(value, binding))
        .isInstanceOfSatisfying(
            Undecryptable.class,
            failure -> {
              assertThat(failure.problemType()).isEqualTo("undecryptable");
              assertThat(failure.httpStatus()).isEqualTo(500);
              assertThat(failure.table()).isEqualTo(binding.table());
              assertThat(failure.field()).isEqualTo(binding.field());
              assertThat(failure.recordId()).isEqualTo(binding.recordId());
              assertThat(failure.getMessage())
                  .contains(binding.table() + "." + binding.field(), binding.recordId().toString())
                  .doesNotContain("Динара", "Vilnius");
              if (value.length() > FieldCipher.PREFIX.length() + 8) {
                assertThat(failure.getMessage())
                    .doesNotContain(value.substring(FieldCipher.PREFIX.length()));
              }
            });
  }
}
