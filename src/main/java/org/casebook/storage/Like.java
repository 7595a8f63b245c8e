package org.casebook.storage;

import java.util.Locale;

/**
 * Case-insensitive "contains" matching with SQL {@code LIKE} on user text, with the wildcards of
 * the text escaped so that {@code 100%_} matches itself. Use as {@code LOWER(column) LIKE :text
 * ESCAPE '!'} bound to {@link #containing}.
 */
public final class Like {
  /** The escape clause to write after each LIKE pattern bound to {@link #containing}. */
  public static final String ESCAPE = "ESCAPE '!'";

  private Like() {}

  /** The pattern that matches any value containing {@code text}, ignoring case. */
  public static String containing(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
