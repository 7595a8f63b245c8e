package org.casebook.common;

/**
 * The caller is known but may not do what they asked: their role, their case teams or their grants
 * do not allow it. Maps to 403. The message names the action refused, never the content the caller
 * may not see.
 */
public class NotPermitted extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final String action;

  public NotPermitted(String action) {
    super("not permitted: " + action);
    this.action = action;
  }

  /** What was refused, such as {@code "manage accounts"}. */
  public String action() {
    return action;
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
