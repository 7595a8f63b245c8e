package org.casebook.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * A small random secret kept in a file readable by its owner only, beside the key file, and made
 * on first use: the key with which sign-in throttling pseudonymises names and addresses, which
 * every node of an installation must share.
 */
public final class SecretFile {
  private static final int BYTES = 32;

  private SecretFile() {}

  /** The secret in {@code file}, created (owner-only) if the file does not exist. */
  public static byte[] readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(permissions)) {
        throw new KeyFileUnusable(file, "is readable or writable by others; run chmod 600 " + file);
      }
      byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
      if (secret.length < BYTES) {
        throw new KeyFileUnusable(file, "holds a secret shorter than " + BYTES + " bytes");
      }
      return secret;
    } catch (IOException | IllegalArgumentException e) {
      throw new KeyFileUnusable(file, "cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static void create(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    if (!Files.exists(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    byte[] secret = new byte[BYTES];
    new SecureRandom().nextBytes(secret);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return;
    }
    Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
  }
}
