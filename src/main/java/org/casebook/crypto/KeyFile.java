package org.casebook.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The file that holds Casebook's keyset: Tink cleartext JSON of AES-256-GCM keys.
 *
 * <p>The keys are not encrypted in this file. What protects them is, first, that the file can be
 * read by its owner only (mode {@code rw-------} in a folder {@code rwx------}) and, second, that
 * it is kept apart from what it protects: never in the database, not on the database's disk where
 * that can be arranged, and never in the same backup as the database. A seized database or
 * database backup then reveals nothing restricted; a seized disk that also holds this file does.
 * Back the file up separately (it is small: print it, keep it offline): without it the encrypted
 * fields cannot be read by anyone, including you.
 *
 * <p>The file is created on first use when missing. Its permissions are given when it is created,
 * before any key is written into it, and every write goes to a new owner-only file in the same
 * folder that then atomically takes the key file's name, so that a reader sees the old keyset or
 * the new one, never a part. An existing file or folder that other users can read or write is
 * refused: Casebook will not start on a key that may already be known.
 *
 * <p>Thread-safe. Changes ({@link #update}) are serialized within this JVM and, through an
 * advisory lock on {@code <file>.lock}, with other processes on the same machine, so that two
 * rotations cannot lose each other's key.
 */
final class KeyFile {
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> GROUP_AND_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);
  private static final Set<PosixFilePermission> GROUP_AND_OTHERS_WRITE =
      EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  private static final Object LOCAL_UPDATE_LOCK = new Object();

  private final Path path;

  KeyFile(Path path) {
    this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
  }

  Path path() {
    return path;
  }

  /**
   * What identifies one version of the file cheaply: a replacement is a new file (new inode), and
   * its time and size are compared too for file systems without file keys.
   */
  record Stamp(Object fileKey, FileTime modified, long size) {}

  /** The stamp of the file now, or null if there is no file. */
  Stamp stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new KeyFileUnusable(path, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Creates the file with a new key if there is none. */
  void createIfMissing() {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      create();
    }
  }

  /** The keyset in the file, after checking that only its owner can reach it. */
  KeysetHandle load() {
    requirePosix();
    requireNotOpenToOthers(path.getParent(), GROUP_AND_OTHERS_WRITE, "chmod 700");
    if (!Files.isRegularFile(path)) {
      throw new KeyFileUnusable(path, "does not exist or is not a regular file");
    }
    requireNotOpenToOthers(path, GROUP_AND_OTHERS, "chmod 600");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new KeyFileUnusable(path, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
    try {
      return TinkKeysets.parse(new String(bytes, StandardCharsets.UTF_8), path.toString());
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Replaces the keyset with {@code change} applied to the one in the file, read afresh under the
   * lock so that a change made by another process since this one last read the file is kept.
   *
   * @return the keyset written
   */
  KeysetHandle update(UnaryOperator<KeysetHandle> change) {
    synchronized (LOCAL_UPDATE_LOCK) {
      Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
      try (FileChannel lockChannel =
              FileChannel.open(
                  lockPath,
                  Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                  PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))) {
        lockChannel.lock(); // released when the channel closes
        KeysetHandle changed = change.apply(load());
        Path temporary = writeTemporary(changed);
        try {
          Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temporary);
        }
        syncFolder();
        return changed;
      } catch (IOException e) {
        throw new KeyFileUnusable(
            path, "cannot be replaced (" + e.getClass().getSimpleName() + ")", e);
      }
    }
  }

  /**
   * Writes a new keyset under the file's name unless another process got there first, in which
   * case that one is kept: two nodes starting at once on a shared folder agree on one key.
   */
  private void create() {
    Path folder = path.getParent();
    try {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
    } catch (UnsupportedOperationException e) {
      throw notPosix();
    } catch (IOException e) {
      throw new KeyFileUnusable(
          path, "its folder cannot be created (" + e.getClass().getSimpleName() + ")", e);
    }
    requirePosix();
    requireNotOpenToOthers(folder, GROUP_AND_OTHERS_WRITE, "chmod 700");
    try {
      Path temporary = writeTemporary(TinkKeysets.generate());
      try {
        Files.createLink(path, temporary);
      } catch (FileAlreadyExistsException e) {
        // another process created the key file first; its keyset is the one to use
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
      syncFolder();
    } catch (IOException e) {
      throw new KeyFileUnusable(
          path, "cannot be created (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** A new owner-only file beside the key file, holding {@code keyset}, flushed to the disk. */
  private Path writeTemporary(KeysetHandle keyset) throws IOException {
    FileAttribute<Set<PosixFilePermission>> ownerOnly =
        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
    Path temporary =
        Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".tmp", ownerOnly);
    byte[] bytes = TinkKeysets.serialize(keyset).getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    return temporary;
  }

  /** Makes the new name durable; file systems that cannot sync a folder are left to sync later. */
  private void syncFolder() {
    try (FileChannel folder = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // not every file system lets a folder be opened for syncing; the rename itself is atomic
    }
  }

  private void requirePosix() {
    if (Files.getFileAttributeView(path.getParent(), PosixFileAttributeView.class) == null) {
      throw notPosix();
    }
  }

  private KeyFileUnusable notPosix() {
    return new KeyFileUnusable(
        path,
        "its file system has no POSIX permissions, so it cannot be kept owner-only; give the"
            + " keyset in CASEBOOK_KEYSET instead");
  }

  private void requireNotOpenToOthers(
      Path file, Set<PosixFilePermission> forbidden, String remedy) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      throw new KeyFileUnusable(
          path,
          "cannot read the permissions of " + file + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    open.addAll(permissions);
    open.retainAll(forbidden);
    if (!open.isEmpty()) {
      throw new KeyFileUnusable(
          path,
          (file.equals(path) ? "the file" : "its folder " + file)
              + " is open to other users ("
              + PosixFilePermissions.toString(permissions)
              + "); refusing to use a key others may have read. Check who could have read it,"
              + " then run: "
              + remedy
              + " "
              + file);
    }
  }
}
