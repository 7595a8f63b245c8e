package org.casebook.search;

import java.util.List;
import java.util.UUID;

/**
 * Who may find a document, in the terms of {@link org.casebook.access.Visibility}: the case files
 * through which it is seen (a case file itself; the case file of an event or a proceeding; every
 * case file that lists a person, an organization or a source), and for a person, organization or
 * source that no case file lists yet, the name of the user who created it.
 *
 * <p>Restricted records are never indexed, so seeing a document never needs the restricted grant:
 * a document is visible to a caller exactly when one of {@code caseIds} is a case file the caller
 * sees, or {@code creator} is the caller's name. See {@link Trim}.
 *
 * @param caseIds the case files through which the record is seen
 * @param creator who created a shared record no case file lists, else null
 */
public record Access(List<UUID> caseIds, String creator) {
  public Access {
    caseIds = List.copyOf(caseIds);
  }
}
