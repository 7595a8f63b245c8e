package org.casebook.common;

import java.util.List;

/**
 * Input that Casebook refuses: one or more field errors, each naming the field (and, for files, the
 * line) and what was expected. Nothing has been written when this is thrown.
 */
public class InvalidInput extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(summarize(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("InvalidInput needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public InvalidInput(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public String problemType() {
    return "invalid-input";
  }

  @Override
  public int httpStatus() {
    return 422;
  }

  private static String summarize(List<FieldError> errors) {
    if (errors.size() == 1) {
      return errors.get(0).toString();
    }
    return errors.size() + " errors, the first: " + errors.get(0);
  }
}
