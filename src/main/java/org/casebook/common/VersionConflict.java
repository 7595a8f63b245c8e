package org.casebook.common;

import java.util.UUID;

/**
 * An update or void based on a version that is no longer current: someone else saved the record
 * first. Nothing was changed. Maps to 409; the caller reloads, merges and tries again.
 */
public class VersionConflict extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final UUID id;
  private final int expectedVersion;
  private final int currentVersion;

  public VersionConflict(String kind, UUID id, int expectedVersion, int currentVersion) {
    super(
        kind
            + " "
            + id
            + " was changed by someone else: the update was based on version "
            + expectedVersion
            + ", the current version is "
            + currentVersion);
    this.kind = kind;
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public String kind() {
    return kind;
  }

  public UUID id() {
    return id;
  }

  public int expectedVersion() {
    return expectedVersion;
  }

  public int currentVersion() {
    return currentVersion;
  }

  @Override
  public String problemType() {
    return "version-conflict";
  }

  @Override
  public int httpStatus() {
    return 409;
  }
}
