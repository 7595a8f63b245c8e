package org.casebook.access;

import java.util.Locale;

/** What an account may do in general; which case files it may touch is decided by teams. */
public enum Role {
  /** Manages accounts, teams, vocabularies and the catalogue; sees every case file. */
  ADMINISTRATOR,
  /** Reads and writes the case files whose team they are on. */
  EDITOR,
  /** Reads the case files whose team they are on. */
  VIEWER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
