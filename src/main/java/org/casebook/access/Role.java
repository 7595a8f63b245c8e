package org.casebook.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.casebook.common.InvalidInput;

/**
 * What a user may do across the installation. Administrators manage accounts and teams and must
 * sign in with a second factor; editors record and change the cases of their teams; viewers read
 * them.
 */
public enum Role {
  ADMINISTRATOR,
  EDITOR,
  VIEWER;

  /** The code stored in {@code users.role}, shown on the command line and in JSON. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role must use two-factor sign-in. */
  public boolean requiresTotp() {
    return this == ADMINISTRATOR;
  }

  /**
   * The role with the code {@code code}.
   *
   * @throws InvalidInput naming {@code field} if there is none
   */
  @JsonCreator
  static Role fromJson(String code) {
    return parse(code, "role");
  }

  public static Role parse(String code, String field) {
    for (Role role : values()) {
      if (role.code().equals(code)) {
        return role;
      }
    }
    throw new InvalidInput(field, "is \"" + code + "\"; expected administrator, editor or viewer");
  }
}
