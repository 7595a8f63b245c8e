package org.casebook.common;

/**
 * The caller may not do this: their role does not allow it, or the case file is not on their
 * team. Maps to 403. Reading a record one may not see is answered as {@link NoSuchRecord}
 * instead, so that the answer does not reveal that the record exists.
 */
public class NotPermitted extends CasebookException {
  private static final long serialVersionUID = 1L;

  public NotPermitted(String message) {
    super(message);
  }

  @Override
  public String problemType() {
    return "not-permitted";
  }

  @Override
  public int httpStatus() {
    return 403;
  }
}
