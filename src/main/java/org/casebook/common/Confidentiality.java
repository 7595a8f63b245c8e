package org.casebook.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How widely a record may be shown. Every record carries one; {@link #INTERNAL} is the default, so
 * that nothing becomes public by omission.
 */
public enum Confidentiality {
  /** May be published. */
  PUBLIC,
  /** Visible to the members of the case file's team. */
  INTERNAL,
  /** Visible only to team members who hold the restricted grant on the case file. */
  RESTRICTED;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a code such as {@code public}.
   *
   * @throws InvalidInput naming {@code field} when the code is not one of the three levels
   */
  public static Confidentiality parse(String code, String field) {
    if (code == null || code.isBlank()) {
      return INTERNAL;
    }
    for (Confidentiality level : values()) {
      if (level.code().equals(code.trim())) {
        return level;
      }
    }
    throw new InvalidInput(
        field, "\"" + code + "\" is not a confidentiality level; expected public, internal or restricted");
  }

  @JsonCreator
  static Confidentiality fromJson(String code) {
    return parse(code, "confidentiality");
  }
}
