package org.casebook.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.casebook.common.Recorded;
import org.jdbi.v3.core.Handle;

/**
 * The restricted fields of records a caller may see: notes, and the identity of protected
 * persons. They are shown only to callers with the restricted grant on a case file the record
 * belongs to (administrators and jobs hold every grant; the creator of a communication linked to
 * no case file holds it on that communication, its replies and claims); everyone else sees the
 * redaction mark in their place, and a change they make keeps the stored values.
 */
public final class RestrictedFields {
  private RestrictedFields() {}

  /** {@code records} as the caller may see them, withheld where the caller holds no grant. */
  public static <T extends Recorded> List<T> show(
      Handle handle, Caller caller, String table, List<T> records, UnaryOperator<T> withheld) {
    if (caller.seesEverything() || records.isEmpty()) {
      return records;
    }
    Set<UUID> granted = grantedAmong(handle, caller, table, records.stream().map(Recorded::id).toList());
    return records.stream().map(record -> granted.contains(record.id()) ? record : withheld.apply(record)).toList();
  }

  public static <T extends Recorded> T show(Handle handle, Caller caller, String table, T record, UnaryOperator<T> withheld) {
    return show(handle, caller, table, List.of(record), withheld).get(0);
  }

  /** Whether the caller holds the restricted grant for the record {@code id} of {@code table}. */
  public static boolean granted(Handle handle, Caller caller, String table, UUID id) {
    return caller.seesEverything() || grantedAmong(handle, caller, table, List.of(id)).contains(id);
  }

  /** Those of {@code ids} for which the caller holds the grant on a case file of the record. */
  private static Set<UUID> grantedAmong(Handle handle, Caller caller, String table, List<UUID> ids) {
    if (caller.isAnonymous() || caller.userId() == null) {
      return Set.of();
    }
    String granted =
        "(SELECT t.case_id FROM case_teams t JOIN users u ON u.id = t.user_id"
            + " WHERE u.public_id = :user AND t.restricted_grant = TRUE)";
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("user", caller.userId());
    String unlinkedCommunication =
        "(m.created_by = :creator AND NOT EXISTS (SELECT 1 FROM communication_cases n WHERE n.communication_id = m.id))";
    String condition =
        switch (table) {
          case "case_files" -> "x.id IN " + granted;
          case "events", "proceedings" -> "x.case_id IN " + granted;
          case "persons" -> "EXISTS (SELECT 1 FROM case_persons l WHERE l.person_id = x.id AND l.case_id IN " + granted + ")";
          case "organizations" ->
              "EXISTS (SELECT 1 FROM case_organizations l WHERE l.organization_id = x.id AND l.case_id IN " + granted + ")";
          case "sources" -> "EXISTS (SELECT 1 FROM case_sources l WHERE l.source_id = x.id AND l.case_id IN " + granted + ")";
          case "relationships" ->
              "EXISTS (SELECT 1 FROM case_persons l WHERE l.person_id = x.person_id AND l.case_id IN " + granted + ")";
          case "communications" -> {
            parameters.put("creator", caller.name());
            yield "EXISTS (SELECT 1 FROM communications m WHERE m.id = x.id AND (EXISTS (SELECT 1 FROM"
                + " communication_cases l WHERE l.communication_id = m.id AND l.case_id IN " + granted + ") OR "
                + unlinkedCommunication + "))";
          }
          case "replies", "claims" -> {
            parameters.put("creator", caller.name());
            yield "EXISTS (SELECT 1 FROM communications m WHERE m.id = x.communication_id AND (EXISTS (SELECT 1"
                + " FROM communication_cases l WHERE l.communication_id = m.id AND l.case_id IN " + granted + ") OR "
                + unlinkedCommunication + "))";
          }
          default -> throw new IllegalArgumentException("no restricted-field rule for the table " + table);
        };
    return new HashSet<>(
        handle
            .createQuery("SELECT x.public_id FROM " + table + " x WHERE x.public_id IN (<ids>) AND " + condition)
            .bindList("ids", ids)
            .bindMap(parameters)
            .mapTo(UUID.class)
            .list());
  }
}
