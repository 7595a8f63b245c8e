package org.casebook.search;

import java.util.Set;
import java.util.UUID;

/**
 * What one caller may find, for a backend to apply inside its query (never to the results after
 * it, so that totals, facet counts and pages hold only what the caller may see). A document is
 * visible when {@code everything} is set, or one of its {@link Access#caseIds()} is in {@code
 * caseIds}, or its {@link Access#creator()} equals {@code creator}.
 *
 * <p>{@code caseIds} are the case files the caller sees under {@link
 * org.casebook.access.Visibility#caseFile}: those of their teams, restricted ones only with the
 * grant. {@link SearchService} works them out from the database for each search.
 *
 * @param everything the caller sees every record (administrators, command-line jobs)
 * @param caseIds the case files the caller sees
 * @param creator the caller's name, for the shared records they created that no case file lists
 */
public record Trim(boolean everything, Set<UUID> caseIds, String creator) {
  public Trim {
    caseIds = Set.copyOf(caseIds);
  }

  /** No trimming: for administrators, jobs, and the benchmark's view of the whole index. */
  public static Trim unrestricted() {
    return new Trim(true, Set.of(), null);
  }

  /** Whether a document with {@code access} is visible under this trim. */
  public boolean allows(Access access) {
    return everything
        || access.caseIds().stream().anyMatch(caseIds::contains)
        || (creator != null && creator.equals(access.creator()));
  }
}
