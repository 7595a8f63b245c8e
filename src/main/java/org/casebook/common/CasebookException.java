package org.casebook.common;

/**
 * The root of every failure Casebook reports on purpose. Each subclass is named for the failure and
 * carries the values that explain it; the web layer maps each subclass to one HTTP status, and the
 * command line to one exit code, so a message written here reaches the person who caused it.
 */
public abstract class CasebookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected CasebookException(String message) {
    super(message);
  }

  protected CasebookException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A short, stable, machine-readable name of the failure, used as the problem type. */
  public abstract String problemType();

  /** The HTTP status that this failure maps to. */
  public abstract int httpStatus();
}
