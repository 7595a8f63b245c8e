package org.casebook.dates;

import org.casebook.common.CasebookException;

/**
 * Text that is not a date {@link PartialDate} accepts. The message quotes the text and says what
 * was expected instead, so it can be shown to the person who typed it.
 */
public final class InvalidPartialDate extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final String text;

  InvalidPartialDate(String text, String message) {
    super(message);
    this.text = text;
  }

  /** The refused text exactly as it was given, surrounding whitespace included; null if none. */
  public String text() {
    return text;
  }

  @Override
  public String problemType() {
    return "invalid-date";
  }

  @Override
  public int httpStatus() {
    return 422;
  }
}
