package org.casebook.common;

import java.time.Instant;

/**
 * Who created and last changed a record and when, and, once it is voided, who voided it, when and
 * why. Records are voided, never deleted, so that history is never lost. Set by the repositories
 * from the acting {@link Actor}, never taken from a request body.
 */
public record Audit(
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    Instant voidedAt,
    String voidedBy,
    String voidReason) {

  public boolean voided() {
    return voidedAt != null;
  }
}
