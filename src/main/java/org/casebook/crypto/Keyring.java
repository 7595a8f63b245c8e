package org.casebook.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the keyset that {@link FieldCipher} encrypts and decrypts with, loaded from a key file
 * (created on first use) or from keyset JSON given directly, as containers pass it in {@code
 * CASEBOOK_KEYSET}. The key is never stored in the database.
 *
 * <p>The key file holds Tink cleartext JSON: the keys are not encrypted in it. What protects them
 * is that the file can be read by its owner only ({@code rw-------}, in a folder {@code
 * rwx------}; a file or folder open to others is refused at start) and that it is kept apart from
 * the data: never in the database, not on the database's disk where that can be arranged, never
 * in the same backup. Back it up separately: without it no one can read the encrypted fields.
 *
 * <p>How a new key reaches a running server: a keyring backed by a file looks at the file's stamp
 * (file key, modification time and size: one {@code stat}, no read) at most once per check
 * interval (two seconds by default), on the thread that uses the keyring, and loads the file again
 * when it has changed. So after {@link KeyRotation} (or an operator) replaces the file, every
 * server reading that file uses the new keyset within the interval, without a restart. A value
 * encrypted under a key this keyring does not know yet (written by a node that saw the new file
 * first) makes {@link FieldCipher#decrypt} check the file at once rather than wait. {@link
 * #reload()} loads the file immediately, for a command or an administrator who has just changed
 * it. A keyset given as JSON cannot change while the process runs: rotate it where it is kept and
 * restart the nodes one by one, adding the new key before making it primary (see {@link
 * KeyRotation}).
 *
 * <p>If the file becomes unreadable or unsafe while the server runs, the keyring keeps the keyset
 * it has and logs a warning naming the file; an explicit {@link #reload()} fails instead.
 *
 * <p>Thread-safe: any number of threads may encrypt and decrypt; the keyset in use is replaced as
 * a whole, so an operation sees either the old keyset or the new one. Lifecycle: build one keyring
 * at start and share it; it holds no resources that need closing.
 */
public final class Keyring {
  /** How often at most a file-backed keyring looks at its file for a change. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);

  private final KeyFile keyFile;
  private final long checkIntervalNanos;
  private volatile LoadedKeyset current;
  private volatile long nextCheckNanos;

  /** One keyset as loaded, with what the cipher needs from it computed once. */
  record LoadedKeyset(KeysetHandle handle, Aead aead, int primaryKeyId, Set<Integer> keyIds,
      KeyFile.Stamp stamp) {
    static LoadedKeyset of(KeysetHandle handle, KeyFile.Stamp stamp) {
      Set<Integer> keyIds = new HashSet<>();
      for (int index = 0; index < handle.size(); index++) {
        keyIds.add(handle.getAt(index).getId());
      }
      return new LoadedKeyset(
          handle, TinkKeysets.aead(handle), handle.getPrimary().getId(), Set.copyOf(keyIds), stamp);
    }
  }

  private Keyring(KeyFile keyFile, LoadedKeyset initial, Duration checkInterval) {
    this.keyFile = keyFile;
    this.current = initial;
    this.checkIntervalNanos = checkInterval.toNanos();
    this.nextCheckNanos = System.nanoTime() + checkIntervalNanos;
  }

  /**
   * The keyring of the key file at {@code path}, creating the file (and its folder) with a new key
   * if it does not exist.
   *
   * @throws KeyFileUnusable if the file or its folder is open to other users, or the file cannot
   *     be created or read, or does not hold an AES-256-GCM keyset
   */
  public static Keyring fromFile(Path path) {
    return fromFile(path, DEFAULT_CHECK_INTERVAL);
  }

  /** As {@link #fromFile(Path)}, looking at the file for changes at most once per interval. */
  public static Keyring fromFile(Path path, Duration checkInterval) {
    KeyFile keyFile = new KeyFile(path);
    keyFile.createIfMissing();
    KeyFile.Stamp stamp = keyFile.stamp();
    return new Keyring(keyFile, LoadedKeyset.of(keyFile.load(), stamp), checkInterval);
  }

  /**
   * The keyring of keyset JSON given directly, for example from {@code CASEBOOK_KEYSET}.
   *
   * @param source where the JSON came from, for messages, such as {@code "CASEBOOK_KEYSET"}
   * @throws KeyFileUnusable if the JSON is not an AES-256-GCM keyset; the message does not quote it
   */
  public static Keyring fromJson(String keysetJson, String source) {
    Objects.requireNonNull(keysetJson, "keysetJson");
    KeysetHandle handle = TinkKeysets.parse(keysetJson, source);
    return new Keyring(null, LoadedKeyset.of(handle, null), Duration.ZERO);
  }

  /** The key file behind this keyring, or empty when the keyset was given as JSON. */
  public Optional<Path> keyFilePath() {
    return keyFile == null ? Optional.empty() : Optional.of(keyFile.path());
  }

  /** The id of the key new values are encrypted under. */
  public int primaryKeyId() {
    return current().primaryKeyId();
  }

  /**
   * Loads the key file again now.
   *
   * @throws KeyFileUnusable if the file cannot be used; the keyset in use is then kept
   * @throws IllegalStateException if the keyset was given as JSON
   */
  public synchronized void reload() {
    KeyFile file = requireKeyFile("reload");
    KeyFile.Stamp stamp = file.stamp();
    current = LoadedKeyset.of(file.load(), stamp);
    nextCheckNanos = System.nanoTime() + checkIntervalNanos;
  }

  /**
   * Loads the key file again if it changed since it was loaded.
   *
   * @return whether a different keyset is now in use
   */
  boolean reloadIfChanged() {
    if (keyFile == null) {
      return false;
    }
    synchronized (this) {
      nextCheckNanos = System.nanoTime() + checkIntervalNanos;
      KeyFile.Stamp stamp;
      try {
        stamp = keyFile.stamp();
        if (stamp == null || stamp.equals(current.stamp())) {
          if (stamp == null) {
            LOG.warn("key file {} has disappeared; keeping the keyset in use", keyFile.path());
          }
          return false;
        }
        current = LoadedKeyset.of(keyFile.load(), stamp);
      } catch (KeyFileUnusable e) {
        LOG.warn("keeping the keyset in use: {}", e.getMessage());
        return false;
      }
      LOG.info(
          "loaded the changed key file {}; primary key {}",
          keyFile.path(),
          Integer.toUnsignedString(current.primaryKeyId()));
      return true;
    }
  }

  /** The keyset to use now, after looking at the key file if the check interval has passed. */
  LoadedKeyset current() {
    if (keyFile != null && System.nanoTime() - nextCheckNanos >= 0) {
      synchronized (this) {
        if (System.nanoTime() - nextCheckNanos >= 0) {
          reloadIfChanged();
        }
      }
    }
    return current;
  }

  KeyFile requireKeyFile(String action) {
    if (keyFile == null) {
      throw new IllegalStateException(
          "cannot "
              + action
              + " a keyset given as JSON (such as CASEBOOK_KEYSET); change it where it is kept"
              + " and restart, or use a key file");
    }
    return keyFile;
  }
}
