package org.casebook.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.common.InvalidInput;
import org.casebook.storage.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored files of sources, addressed by the SHA-256 of their content: a file whose hash is
 * {@code ab12...} lives at {@code <root>/ab/ab12...}. The same content is stored once, and a stored
 * file never changes.
 *
 * <p>Thread-safe, and safe for several processes sharing the folder: a file is written to a
 * temporary file in its target folder, forced to disk, and moved into place atomically, so a reader
 * sees either no file or the whole file. Two writers of the same content both succeed and leave one
 * copy. A hash is checked to be 64 lower-case hexadecimal digits before any path is made from it.
 */
public final class FileStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  /** A store under {@code root} (the data folder's {@code files/}), created on first write. */
  public FileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The SHA-256 of {@code content} as 64 lower-case hexadecimal digits. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** Whether {@code text} has the form of a SHA-256 written as this store writes it. */
  public static boolean isSha256(String text) {
    return text != null && SHA256.matcher(text).matches();
  }

  /**
   * Stores {@code content} unless a file with the same hash is stored already, and returns its
   * hash.
   *
   * @throws StorageUnavailable if the file cannot be written
   */
  public String put(byte[] content) {
    String hash = sha256(content);
    write(pathOf(hash), hash, content);
    return hash;
  }

  /**
   * Stores the sealed form of a restricted source's file, under the hash of its clear content and
   * the source's id, so that it is never shared with, or found by, another source. Returns the
   * hash given.
   */
  public String putSealed(String sha256, UUID owner, byte[] sealed) {
    write(sealedPathOf(sha256, owner), sha256, sealed);
    return sha256;
  }

  /** The sealed file of a restricted source, if it is stored. */
  public Optional<byte[]> readSealed(String sha256, UUID owner) {
    try {
      return Optional.of(Files.readAllBytes(sealedPathOf(sha256, owner)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageUnavailable("cannot read file " + sha256 + " under " + root, e);
    }
  }

  private Path sealedPathOf(String sha256, UUID owner) {
    Path plain = pathOf(sha256);
    return plain.resolveSibling(plain.getFileName() + "." + owner + ".sealed");
  }

  private void write(Path target, String hash, byte[] content) {
    if (Files.exists(target)) {
      return;
    }
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      temporary = Files.createTempFile(target.getParent(), hash, ".partial");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      moveIntoPlace(temporary, target);
    } catch (IOException e) {
      throw new StorageUnavailable("cannot store file " + hash + " under " + root, e);
    } finally {
      deleteLeftover(temporary);
    }
  }

  /** Whether a file with this hash is stored, in clear or sealed for a restricted source. */
  public boolean contains(String sha256) {
    Path plain = pathOf(sha256);
    if (Files.isRegularFile(plain)) {
      return true;
    }
    if (!Files.isDirectory(plain.getParent())) {
      return false;
    }
    try (var siblings = Files.list(plain.getParent())) {
      return siblings.anyMatch(path -> path.getFileName().toString().startsWith(sha256 + "."));
    } catch (IOException e) {
      throw new StorageUnavailable("cannot list files under " + root, e);
    }
  }

  /**
   * Whether the file with this hash is stored for the source {@code owner}: in clear, or sealed
   * under that source's own name. False for anything that is not a SHA-256.
   */
  public boolean holds(String sha256, UUID owner) {
    if (!isSha256(sha256)) {
      return false;
    }
    return Files.isRegularFile(pathOf(sha256)) || Files.isRegularFile(sealedPathOf(sha256, owner));
  }

  /** The content of the file with this hash, if it is stored. */
  public Optional<byte[]> read(String sha256) {
    try {
      return Optional.of(Files.readAllBytes(pathOf(sha256)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageUnavailable("cannot read file " + sha256 + " under " + root, e);
    }
  }

  /** A stream of the file with this hash, if it is stored; the caller closes it. */
  public Optional<InputStream> open(String sha256) {
    try {
      return Optional.of(Files.newInputStream(pathOf(sha256)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageUnavailable("cannot read file " + sha256 + " under " + root, e);
    }
  }

  /**
   * The path of a hash.
   *
   * @throws InvalidInput naming {@code sha256} if the text is not a SHA-256
   */
  private Path pathOf(String sha256) {
    if (!isSha256(sha256)) {
      throw new InvalidInput(
          "sha256",
          "\"" + sha256 + "\" is not a SHA-256; expected 64 lower-case hexadecimal digits");
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /**
   * Moves a complete temporary file to its place. Where the target appeared meanwhile (another
   * writer of the same content), the existing copy is kept.
   */
  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Same hash, same content: the copy already in place is the one we meant to write.
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file store's file system cannot move files atomically", e);
    }
  }

  /** Removes a temporary file left by a failed or redundant write; a leftover is harmless. */
  private static void deleteLeftover(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      LOG.warn("cannot remove the temporary file {}", temporary, e);
    }
  }
}
