package org.casebook.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/** What every record type has in common, for code that handles records of any kind. */
public interface Recorded {
  UUID id();

  /** The version a change was based on (in a request) or the stored version (in a response). */
  Integer version();

  Confidentiality confidentiality();

  /** Who made and changed the record; null on a record read from a request body. */
  Audit audit();

  /** Whether the record has been voided (shown in responses as {@code audit.voided_at}). */
  @JsonIgnore
  default boolean isVoided() {
    return audit() != null && audit().voided();
  }
}
