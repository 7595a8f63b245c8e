package org.casebook.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The SQL conditions that keep what a caller may not see out of every query, so that lists,
 * counts and single reads are trimmed inside the database rather than after it. Each method adds
 * its parameters to the map it is given; the conditions are true for callers who see everything.
 *
 * <p>The rules: a case file is visible to the members of its team, a restricted one only to
 * members with the restricted grant. A record of a case file (event, proceeding) is visible when
 * its case file is, a restricted one only with the grant on that case. A shared record (person,
 * organization, source) is visible when a visible case file links to it (with the grant on that
 * case if the record is restricted), or when the caller created it and no case file links to it
 * yet. A communication is a shared record linked to case files by {@code communication_cases}; its
 * replies and claims are visible when it is, a restricted one only with the grant on a case file
 * it is linked to (or to the creator of a communication linked to none). Anonymous callers see
 * nothing here; published records reach them through the public view.
 */
public final class Visibility {
  private static final String TEAM =
      "(SELECT t.case_id FROM case_teams t JOIN users u ON u.id = t.user_id"
          + " WHERE u.public_id = :visibility_user)";
  private static final String GRANTED =
      "(SELECT t.case_id FROM case_teams t JOIN users u ON u.id = t.user_id"
          + " WHERE u.public_id = :visibility_user AND t.restricted_grant = TRUE)";

  private final Caller caller;

  public Visibility(Caller caller) {
    this.caller = caller;
  }

  public Caller caller() {
    return caller;
  }

  /** The condition on a case file row {@code alias}. */
  public String caseFile(String alias, Map<String, Object> parameters) {
    if (caller.seesEverything()) {
      return "1 = 1";
    }
    if (caller.isAnonymous()) {
      return "1 = 0";
    }
    parameters.put("visibility_user", caller.userId());
    return "(" + alias + ".id IN " + TEAM + " AND (" + alias + ".confidentiality <> 'restricted' OR "
        + alias + ".id IN " + GRANTED + "))";
  }

  /** The condition on a row {@code alias} of a table with {@code case_id} and confidentiality. */
  public String caseRecord(String alias, Map<String, Object> parameters) {
    if (caller.seesEverything()) {
      return "1 = 1";
    }
    if (caller.isAnonymous()) {
      return "1 = 0";
    }
    return "(EXISTS (SELECT 1 FROM case_files vc WHERE vc.id = " + alias + ".case_id AND "
        + caseFile("vc", parameters) + ") AND (" + alias + ".confidentiality <> 'restricted' OR "
        + alias + ".case_id IN " + GRANTED + "))";
  }

  /**
   * The condition on a shared record {@code alias} linked to case files through {@code linkTable}
   * ({@code case_persons}, {@code case_organizations}, {@code case_sources}) by {@code linkColumn}.
   */
  public String linked(String alias, String linkTable, String linkColumn, Map<String, Object> parameters) {
    if (caller.seesEverything()) {
      return "1 = 1";
    }
    if (caller.isAnonymous()) {
      return "1 = 0";
    }
    parameters.put("visibility_creator", caller.name());
    return "(EXISTS (SELECT 1 FROM " + linkTable + " vl JOIN case_files vc ON vc.id = vl.case_id"
        + " WHERE vl." + linkColumn + " = " + alias + ".id AND " + caseFile("vc", parameters)
        + " AND (" + alias + ".confidentiality <> 'restricted' OR vl.case_id IN " + GRANTED + "))"
        + " OR (" + alias + ".created_by = :visibility_creator AND NOT EXISTS (SELECT 1 FROM "
        + linkTable + " vn WHERE vn." + linkColumn + " = " + alias + ".id)))";
  }

  /** The condition for a row {@code alias} of a record table, by the table's rule. */
  public String condition(String table, String alias, Map<String, Object> parameters) {
    return switch (table) {
      case "case_files" -> caseFile(alias, parameters);
      case "events", "proceedings" -> caseRecord(alias, parameters);
      case "persons" -> linked(alias, "case_persons", "person_id", parameters);
      case "organizations" -> linked(alias, "case_organizations", "organization_id", parameters);
      case "sources" -> linked(alias, "case_sources", "source_id", parameters);
      case "communications" -> linked(alias, "communication_cases", "communication_id", parameters);
      case "replies", "claims" -> ofCommunication(alias, parameters);
      case "relationships" ->
          caller.seesEverything()
              ? "1 = 1"
              : "(EXISTS (SELECT 1 FROM persons va WHERE va.id = " + alias + ".person_id AND "
                  + linked("va", "case_persons", "person_id", parameters)
                  + ") AND EXISTS (SELECT 1 FROM persons vb WHERE vb.id = " + alias
                  + ".other_person_id AND " + linked("vb", "case_persons", "person_id", parameters)
                  + ") AND (" + alias + ".confidentiality <> 'restricted' OR EXISTS (SELECT 1 FROM"
                  + " case_persons vg WHERE vg.person_id = " + alias + ".person_id AND vg.case_id IN "
                  + GRANTED + ")))";
      default -> throw new IllegalArgumentException("no visibility rule for the table " + table);
    };
  }

  /**
   * The condition on a row {@code alias} of a table with {@code communication_id} and
   * confidentiality (replies, claims): its communication is visible, and a restricted row needs the
   * grant on a case file of the communication, or, for a communication linked to no case file,
   * being its creator.
   */
  public String ofCommunication(String alias, Map<String, Object> parameters) {
    if (caller.seesEverything()) {
      return "1 = 1";
    }
    if (caller.isAnonymous()) {
      return "1 = 0";
    }
    parameters.put("visibility_creator", caller.name());
    return "(EXISTS (SELECT 1 FROM communications vm WHERE vm.id = " + alias + ".communication_id AND "
        + linked("vm", "communication_cases", "communication_id", parameters) + ") AND (" + alias
        + ".confidentiality <> 'restricted' OR EXISTS (SELECT 1 FROM communication_cases vg WHERE"
        + " vg.communication_id = " + alias + ".communication_id AND vg.case_id IN " + GRANTED + ")"
        + " OR EXISTS (SELECT 1 FROM communications vu WHERE vu.id = " + alias + ".communication_id AND"
        + " vu.created_by = :visibility_creator AND NOT EXISTS (SELECT 1 FROM communication_cases vx"
        + " WHERE vx.communication_id = vu.id))))";
  }

  /** Whether the record {@code id} of {@code table} is visible to the caller (voided or not). */
  public boolean isVisible(Handle handle, String table, UUID id) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String condition = condition(table, "x", parameters);
    return handle
            .createQuery("SELECT COUNT(*) FROM " + table + " x WHERE x.public_id = :id AND " + condition)
            .bindMap(parameters)
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }
}
