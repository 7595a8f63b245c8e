package org.casebook.storage;

import org.casebook.common.CasebookException;

/** The database or file store cannot be reached or written. Maps to 503. */
public class StorageUnavailable extends CasebookException {
  private static final long serialVersionUID = 1L;

  public StorageUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String problemType() {
    return "storage-unavailable";
  }

  @Override
  public int httpStatus() {
    return 503;
  }
}
