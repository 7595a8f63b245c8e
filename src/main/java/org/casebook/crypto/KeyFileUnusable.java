package org.casebook.crypto;

import java.nio.file.Path;
import org.casebook.common.CasebookException;

/**
 * The keyset cannot be used: its file is missing and cannot be created, is open to other users,
 * or does not hold a valid AES-256-GCM keyset. Casebook refuses to start rather than run without
 * its key or with a key others could read. The message names the file and the reason, never any
 * key material. Maps to 500.
 */
public class KeyFileUnusable extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final String location;

  KeyFileUnusable(Path path, String reason) {
    this(path, reason, null);
  }

  KeyFileUnusable(Path path, String reason, Throwable cause) {
    this(String.valueOf(path), reason, cause);
  }

  KeyFileUnusable(String location, String reason, Throwable cause) {
    super("key file " + location + ": " + reason, cause);
    this.location = location;
  }

  /** The path of the key file, or a description of where an inline keyset came from. */
  public String location() {
    return location;
  }

  @Override
  public String problemType() {
    return "key-file-unusable";
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
