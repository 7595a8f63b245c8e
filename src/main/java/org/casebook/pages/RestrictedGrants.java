package org.casebook.pages;

import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
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
}
