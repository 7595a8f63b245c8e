package org.casebook.crypto;

import java.util.regex.Pattern;

/** Checks table and column names, which are written into SQL and into associated data. */
final class SqlName {
  private static final Pattern LOWER_CASE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private SqlName() {}

  static String require(String name, String what) {
    if (name == null || !LOWER_CASE_IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " must be a lower-case SQL identifier of at most 63 characters, got: " + name);
    }
    return name;
  }
}
