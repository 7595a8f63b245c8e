package org.casebook.pages;

import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.RestrictedFields;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a caller holds the restricted grant on a case file, so that a page offers only what the
 * services will then allow (such as exporting the whole case file).
 *
 * <p>Thread-safe.
 */
final class RestrictedGrants {
  private final Jdbi jdbi;

  RestrictedGrants(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  boolean held(Caller caller, UUID caseId) {
    return jdbi.withHandle(handle -> Guard.hasRestrictedGrant(handle, caller, caseId));
  }

  /**
   * Whether the caller sees the restricted fields of the record {@code id} of {@code table} (a
   * shared record such as a person: through any case file listing it), so that a form leaves out
   * what the service would not let them change.
   */
  boolean heldOn(Caller caller, String table, UUID id) {
    return jdbi.withHandle(handle -> RestrictedFields.granted(handle, caller, table, id));
  }
}
