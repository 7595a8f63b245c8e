package org.casebook.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The kinds of record the search index holds, each with its code and its table. */
public enum RecordKind {
  CASE("case", "case_files"),
  PERSON("person", "persons"),
  ORGANIZATION("organization", "organizations"),
  SOURCE("source", "sources"),
  EVENT("event", "events"),
  PROCEEDING("proceeding", "proceedings"),
  COMMUNICATION("communication", "communications");

  private final String code;
  private final String table;

  RecordKind(String code, String table) {
    this.code = code;
    this.table = table;
  }

  /** The code used in the API, in facets and in the index: {@code case}, {@code person} ... */
  @JsonValue
  public String code() {
    return code;
  }

  /** The record table of this kind, such as {@code case_files}. */
  public String table() {
    return table;
  }

  public static Optional<RecordKind> byCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    for (RecordKind kind : values()) {
      if (kind.code.equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  public static Optional<RecordKind> byTable(String table) {
    for (RecordKind kind : values()) {
      if (kind.table.equals(table)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
