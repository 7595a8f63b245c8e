package org.casebook.common;

import java.util.UUID;

/** A record that does not exist, or has been voided where a live one is needed. Maps to 404. */
public class NoSuchRecord extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;

  public NoSuchRecord(String kind, UUID id) {
    this(kind, String.valueOf(id));
  }

  public NoSuchRecord(String kind, String id) {
    super("no " + kind + " with id " + id);
    this.kind = kind;
    this.id = id;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  @Override
  public String problemType() {
    return "not-found";
  }

  @Override
  public int httpStatus() {
    return 404;
  }
}
