package org.casebook.search;

import com.fasterxml.jackson.annotation.JsonValue;

/** How results are ordered. */
public enum SortOrder {
  /** Best match first; ties by date, newest first. */
  RELEVANCE("relevance"),
  /** Newest first by the record's date (see {@link SearchDocument#date()}); records without a date last. */
  DATE("date");

  private final String code;

  SortOrder(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
