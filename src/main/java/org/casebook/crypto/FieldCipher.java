package org.casebook.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Encrypts and decrypts the restricted fields of records, one value at a time, with AES-256-GCM
 * under the {@link Keyring}'s primary key.
 *
 * <p>An encrypted value is text fit for a {@code VARCHAR} column: {@code cbx1:} followed by the
 * unpadded URL-safe Base64 of Tink's ciphertext (a version byte and the 4-byte id of the key, the
 * 12-byte nonce, the encrypted text, the 16-byte tag). Use {@link #maxEncryptedLength} to size
 * the column. The value's {@link Binding} (table, record public id, field) is authenticated with
 * it, so a value copied into another record, field or table does not decrypt, and neither does an
 * altered one. Equal plaintexts give different ciphertexts, so encrypted columns cannot be
 * searched or compared in SQL.
 *
 * <p>Thread-safe; share one instance. Null is passed through unchanged in both directions.
 */
public final class FieldCipher {
  /** What every encrypted value starts with; the 1 is the format's version. */
  public static final String PREFIX = "cbx1:";

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final byte TINK_PREFIX_VERSION = 0x01;
  private static final int TINK_PREFIX_BYTES = 5;
  private static final int AES_GCM_OVERHEAD_BYTES = 12 + 16;

  private final Keyring keyring;

  public FieldCipher(Keyring keyring) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
  }

  /** Encrypts {@code plaintext} for the place {@code binding} names; null gives null. */
  public String encrypt(String plaintext, Binding binding) {
    Objects.requireNonNull(binding, "binding");
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] ciphertext =
          keyring
              .current()
              .aead()
              .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData());
      return PREFIX + ENCODER.encodeToString(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot encrypt " + binding.table() + "." + binding.field(), e);
    }
  }

  /**
   * Decrypts a value that {@link #encrypt} made for the same binding; null gives null.
   *
   * @throws Undecryptable if the value is not encrypted, was altered, belongs to another binding
   *     or was encrypted under a key the keyset does not hold
   */
  public String decrypt(String value, Binding binding) {
    Objects.requireNonNull(binding, "binding");
    if (value == null) {
      return null;
    }
    if (!isEncrypted(value)) {
      throw new Undecryptable(binding, "the stored value is not encrypted");
    }
    byte[] ciphertext;
    try {
      ciphertext = DECODER.decode(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new Undecryptable(binding, "the stored value is not valid Base64");
    }
    Keyring.LoadedKeyset keys = keyring.current();
    OptionalInt keyId = keyIdOf(ciphertext);
    if (keyId.isPresent() && !keys.keyIds().contains(keyId.getAsInt())
        && keyring.reloadIfChanged()) {
      keys = keyring.current();
    }
    try {
      byte[] plaintext = keys.aead().decrypt(ciphertext, binding.associatedData());
      return new String(plaintext, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      if (keyId.isEmpty()) {
        throw new Undecryptable(binding, "the stored value is too short or not from this cipher");
      }
      if (!keys.keyIds().contains(keyId.getAsInt())) {
        throw new Undecryptable(
            binding,
            "it was encrypted under key "
                + Integer.toUnsignedString(keyId.getAsInt())
                + ", which is not in the keyset");
      }
      throw new Undecryptable(
          binding, "it was altered, or was copied from another record, field or table");
    }
  }

  /** Whether {@code value} has the form of an encrypted value (it may still fail to decrypt). */
  public static boolean isEncrypted(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /**
   * Whether {@code value} is encrypted under a key other than the current primary, and so should
   * be encrypted again after a rotation. Reads the key id from the value without decrypting it.
   * False for null and for values that are not encrypted; true for an encrypted value whose key
   * id cannot be read, so that re-encryption finds and reports it.
   */
  public boolean needsRotation(String value) {
    if (!isEncrypted(value)) {
      return false;
    }
    OptionalInt keyId;
    try {
      keyId = keyIdOf(DECODER.decode(value.substring(PREFIX.length())));
    } catch (IllegalArgumentException e) {
      return true;
    }
    return keyId.isEmpty() || keyId.getAsInt() != keyring.current().primaryKeyId();
  }

  /**
   * The length of the longest encrypted value for a plaintext of up to {@code plaintextBytes}
   * bytes of UTF-8 (a Cyrillic letter takes two, most other characters one to three; at most
   * three per Java {@code char}).
   */
  public static int maxEncryptedLength(int plaintextBytes) {
    long ciphertextBytes = (long) plaintextBytes + TINK_PREFIX_BYTES + AES_GCM_OVERHEAD_BYTES;
    return Math.toIntExact(PREFIX.length() + (ciphertextBytes * 4 + 2) / 3);
  }

  Keyring keyring() {
    return keyring;
  }

  private static OptionalInt keyIdOf(byte[] ciphertext) {
    if (ciphertext.length < TINK_PREFIX_BYTES + AES_GCM_OVERHEAD_BYTES
        || ciphertext[0] != TINK_PREFIX_VERSION) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
  }
}
