package org.casebook.accounts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.cases.CaseStore;
import org.casebook.common.Actor;
import org.casebook.common.NoSuchRecord;
import org.casebook.storage.RecordRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The teams of case files: who may see and edit which case, and who among them holds the restricted
 * grant on it.
 *
 * <p>Permissions: changing a team needs an administrator ({@link Principal#require}); the caller
 * checks. Reading {@link #casesOf} is what the access rules of every feature are built on.
 *
 * <p>Thread-safe and shared: each method is one transaction.
 */
public final class TeamService {
  private final Jdbi jdbi;
  private final Clock clock;

  public TeamService(Jdbi jdbi) {
    this(jdbi, Clock.systemUTC());
  }

  public TeamService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Puts a user on the team of a live case file, or changes their grant if they are on it.
   *
   * @throws NoSuchRecord if there is no such live case file or user
   */
  public void addMember(UUID caseId, UUID userId, boolean restrictedGrant) {
    addMember(AccountService.COMMAND_LINE, caseId, userId, restrictedGrant);
  }

  /**
   * {@link #addMember(UUID, UUID, boolean)}, recorded in the audit log as done by {@code actor}
   * (the entry names the case file, and the user and the grant in its detail).
   */
  public void addMember(Actor actor, UUID caseId, UUID userId, boolean restrictedGrant) {
    jdbi.useTransaction(
        handle -> {
          long caseKey = RecordRows.liveId(handle, CaseStore.TABLE, CaseStore.KIND, caseId);
          long userKey = UserStore.byId(handle, userId).key();
          int changed =
              handle
                  .createUpdate(
                      "UPDATE case_teams SET restricted_grant = :grant"
                          + " WHERE case_id = :case_id AND user_id = :user_id")
                  .bind("grant", restrictedGrant)
                  .bind("case_id", caseKey)
                  .bind("user_id", userKey)
                  .execute();
          if (changed == 0) {
            handle
                .createUpdate(
                    "INSERT INTO case_teams (case_id, user_id, restricted_grant)"
                        + " VALUES (:case_id, :user_id, :grant)")
                .bind("grant", restrictedGrant)
                .bind("case_id", caseKey)
                .bind("user_id", userKey)
                .execute();
          }
          teamChanged(handle, actor, "team-add", caseId, "user " + userId + (restrictedGrant ? " with restricted grant" : ""));
        });
  }

  /** Takes a user off a case file's team; nothing happens if they are not on it. */
  public void removeMember(UUID caseId, UUID userId) {
    removeMember(AccountService.COMMAND_LINE, caseId, userId);
  }

  /** {@link #removeMember(UUID, UUID)}, recorded in the audit log as done by {@code actor}. */
  public void removeMember(Actor actor, UUID caseId, UUID userId) {
    jdbi.useTransaction(
        handle -> {
          long caseKey = RecordRows.internalId(handle, CaseStore.TABLE, CaseStore.KIND, caseId);
          long userKey = UserStore.byId(handle, userId).key();
          int removed = handle.execute("DELETE FROM case_teams WHERE case_id = ? AND user_id = ?", caseKey, userKey);
          if (removed > 0) {
            teamChanged(handle, actor, "team-remove", caseId, "user " + userId);
          }
        });
  }

  /** The team of a case file, by user name. */
  public List<TeamMember> members(UUID caseId) {
    return jdbi.withHandle(
        handle -> {
          long caseKey = RecordRows.internalId(handle, CaseStore.TABLE, CaseStore.KIND, caseId);
          return handle
              .createQuery(
                  "SELECT u.public_id, u.name, u.display_name, t.restricted_grant"
                      + " FROM case_teams t JOIN users u ON u.id = t.user_id"
                      + " WHERE t.case_id = :case_id ORDER BY u.name")
              .bind("case_id", caseKey)
              .map(
                  (row, context) ->
                      new TeamMember(
                          row.getObject("public_id", UUID.class),
                          row.getString("name"),
                          row.getString("display_name"),
                          row.getBoolean("restricted_grant")))
              .list();
        });
  }

  /**
   * The case files whose team the user is on, each with whether the user holds the restricted grant
   * on it, keyed by the case's public id. Voided case files are included: voiding does not change
   * who may see the record.
   */
  public Map<UUID, Boolean> casesOf(UUID userId) {
    return jdbi.withHandle(handle -> casesOf(handle, userId));
  }

  /** As {@link #casesOf(UUID)}, in the caller's transaction. */
  public Map<UUID, Boolean> casesOf(Handle handle, UUID userId) {
    long userKey = UserStore.byId(handle, userId).key();
    Map<UUID, Boolean> cases = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT c.public_id, t.restricted_grant FROM case_teams t"
                + " JOIN case_files c ON c.id = t.case_id WHERE t.user_id = :user_id ORDER BY c.id")
        .bind("user_id", userKey)
        .map(
            (row, context) ->
                Map.entry(
                    row.getObject("public_id", UUID.class), row.getBoolean("restricted_grant")))
        .forEach(entry -> cases.put(entry.getKey(), entry.getValue()));
    return cases;
  }

  private void teamChanged(Handle handle, Actor actor, String action, UUID caseId, String detail) {
    AuditLog.appendTo(handle, new AuditEntry(clock.instant(), actor.name(), actor.sessionId(), action, "case-file", caseId, detail));
  }
}
