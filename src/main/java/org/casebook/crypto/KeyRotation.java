package org.casebook.crypto;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Puts a new key into a file-backed {@link Keyring}. The old keys stay in the keyset so that
 * values encrypted under them still decrypt; {@link ReEncryption} then moves the stored values to
 * the new primary key. Removing a retired key from the file is a separate, deliberate step, to be
 * taken only after re-encryption has finished on every encrypted column.
 *
 * <p>One node, or several that read one shared key file: {@link #rotate()}. Every running node
 * sees the replaced file within {@link Keyring#DEFAULT_CHECK_INTERVAL} (see {@link Keyring}).
 *
 * <p>Several nodes that each hold a copy of the file: in two steps, so that no node meets a value
 * under a key it does not have yet. {@link #addKey()}, copy the file to every node and wait until
 * each has loaded it (or restart them); then {@link #promote(int)} the new key, copy the file
 * again, and run {@link ReEncryption}.
 *
 * <p>Every change reads the file afresh and replaces it atomically under a lock (see {@link
 * KeyFile}), then reloads this keyring. Thread-safe.
 */
public final class KeyRotation {
  private final Keyring keyring;

  /**
   * @throws IllegalStateException if the keyring's keyset was given as JSON rather than a file
   */
  public KeyRotation(Keyring keyring) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    keyring.requireKeyFile("rotate");
  }

  /**
   * Adds a new AES-256-GCM key, makes it the primary, and keeps the old keys for decryption.
   *
   * @return the id of the new primary key
   */
  public int rotate() {
    KeysetHandle written = keyFile().update(keyset -> withNewKey(keyset, true));
    keyring.reload();
    return written.getPrimary().getId();
  }

  /**
   * Adds a new AES-256-GCM key that decrypts but does not yet encrypt: the first step of a
   * rotation across nodes with separate copies of the file.
   *
   * @return the id of the new key, to pass to {@link #promote(int)}
   */
  public int addKey() {
    KeysetHandle written = keyFile().update(keyset -> withNewKey(keyset, false));
    keyring.reload();
    return written.getAt(written.size() - 1).getId();
  }

  /**
   * Makes the key {@code keyId}, already in the keyset, the primary.
   *
   * @throws IllegalArgumentException if the keyset has no enabled key with that id
   */
  public void promote(int keyId) {
    keyFile()
        .update(
            keyset -> {
              KeysetHandle.Builder builder = TinkKeysets.builderFrom(keyset);
              for (int index = 0; index < builder.size(); index++) {
                KeysetHandle.Builder.Entry entry = builder.getAt(index);
                if (keyset.getAt(index).getId() == keyId
                    && entry.getStatus() == KeyStatus.ENABLED) {
                  entry.makePrimary();
                  return build(builder);
                }
              }
              throw new IllegalArgumentException(
                  "the keyset has no enabled key " + Integer.toUnsignedString(keyId));
            });
    keyring.reload();
  }

  private KeyFile keyFile() {
    return keyring.requireKeyFile("rotate");
  }

  /** The keyset with a new key added last, primary or not. */
  private static KeysetHandle withNewKey(KeysetHandle keyset, boolean primary) {
    KeysetHandle.Builder builder = TinkKeysets.builderFrom(keyset);
    KeysetHandle.Builder.Entry entry = TinkKeysets.newKeyEntry();
    if (primary) {
      entry.makePrimary();
    }
    builder.addEntry(entry);
    return build(builder);
  }

  private static KeysetHandle build(KeysetHandle.Builder builder) {
    try {
      return builder.build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the rotated keyset", e);
    }
  }
}
