package org.casebook.access;

import java.util.UUID;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.NotPermitted;
import org.jdbi.v3.core.Handle;

/**
 * The checks a service makes on one record inside its transaction: that the caller may see it
 * (otherwise the record is reported as not found, so that its existence is not revealed) and that
 * the caller may change a case file's records (their role, and being on its team).
 */
public final class Guard {
  private Guard() {}

  /** Refuses with {@link NoSuchRecord} unless the caller may see the record. */
  public static void requireVisible(Handle handle, Caller caller, String table, String kind, UUID id) {
    if (!new Visibility(caller).isVisible(handle, table, id)) {
      throw new NoSuchRecord(kind, id);
    }
  }

  /**
   * Refuses unless the caller may change the records of the case file {@code caseId}: it must be
   * visible to them, their role must allow writing, and they must be on its team (administrators
   * and jobs are on every team).
   */
  public static void requireCaseWrite(Handle handle, Caller caller, UUID caseId) {
    caller.require(Permission.WRITE_RECORDS);
    requireVisible(handle, caller, "case_files", "case file", caseId);
    if (caller.seesEverything()) {
      return;
    }
    boolean onTeam =
        handle
                .createQuery(
                    "SELECT COUNT(*) FROM case_teams t JOIN users u ON u.id = t.user_id"
                        + " JOIN case_files c ON c.id = t.case_id"
                        + " WHERE u.public_id = :user AND c.public_id = :case_id")
                .bind("user", caller.userId())
                .bind("case_id", caseId)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (!onTeam) {
      throw new NotPermitted("you are not on the team of this case file");
    }
  }

  /** Whether the caller may see the restricted records and fields of the case file {@code caseId}. */
  public static boolean hasRestrictedGrant(Handle handle, Caller caller, UUID caseId) {
    if (caller.seesEverything()) {
      return true;
    }
    if (caller.isAnonymous()) {
      return false;
    }
    return handle
            .createQuery(
                "SELECT COUNT(*) FROM case_teams t JOIN users u ON u.id = t.user_id"
                    + " JOIN case_files c ON c.id = t.case_id"
                    + " WHERE u.public_id = :user AND c.public_id = :case_id AND t.restricted_grant = TRUE")
            .bind("user", caller.userId())
            .bind("case_id", caseId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * Refuses unless the caller may change a shared record (person, organization, source,
   * relationship): their role must allow writing and they must see it.
   */
  public static void requireSharedWrite(Handle handle, Caller caller, String table, String kind, UUID id) {
    caller.require(Permission.WRITE_RECORDS);
    requireVisible(handle, caller, table, kind, id);
  }
}
