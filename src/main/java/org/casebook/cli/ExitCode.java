package org.casebook.cli;

/** The exit codes of the command line, as documented in the README. */
public final class ExitCode {
  public static final int OK = 0;
  /** Something unexpected failed; the message says what. */
  public static final int FAILURE = 1;
  /** The command line itself was wrong: unknown option, missing argument. */
  public static final int USAGE = 2;
  /** The input was refused: an import with errors, a bad setting. Nothing was written. */
  public static final int INVALID_INPUT = 3;
  /** A named record does not exist. */
  public static final int NOT_FOUND = 4;
  /** A change was refused because someone else changed the record first. */
  public static final int CONFLICT = 5;
  /** The database or the data folder cannot be used. */
  public static final int STORAGE_UNAVAILABLE = 6;
  /** {@code audit verify} found the audit log changed, cut or reordered. */
  public static final int AUDIT_LOG_ALTERED = 7;

  private ExitCode() {}

  static int forStatus(int httpStatus) {
    return switch (httpStatus) {
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 400, 413, 422 -> INVALID_INPUT;
      case 503 -> STORAGE_UNAVAILABLE;
      default -> FAILURE;
    };
  }
}
