package org.casebook.common;

/**
 * One thing wrong with one field. {@code field} is a path such as {@code events[3].date}; {@code
 * file} and {@code line} are set when the input came from a file (line numbers start at 1, 0 means
 * unknown).
 */
public record FieldError(String file, int line, String field, String message) {

  public FieldError(String field, String message) {
    this(null, 0, field, message);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (file != null) {
      text.append(file).append(':');
    }
    if (line > 0) {
      text.append(line).append(": ");
    } else if (file != null) {
      text.append(' ');
    }
    return text.append(field).append(": ").append(message).toString();
  }
}
