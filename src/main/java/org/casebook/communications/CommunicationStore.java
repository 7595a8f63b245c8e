package org.casebook.communications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.PageRequest;
import org.casebook.storage.Like;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;

/**
 * SQL for communications and their child rows. Every method runs in the caller's transaction.
 * Communications are listed newest first: drafts, then by the day they were sent.
 */
public final class CommunicationStore {
  public static final String TABLE = "communications";
  public static final String KIND = "communication";

  private static final String ORDER = " ORDER BY m.sent_on DESC, m.id DESC";

  /**
   * The filters of the communication list; null fields do not filter.
   *
   * @param state an addressed State's alpha-3 code
   * @param mandate a signing mandate's code
   * @param year the year of the reference (the year it was sent)
   * @param text a part of the subject or the reference, in any case
   */
  public record Filter(
      UUID caseId,
      String state,
      CommunicationType type,
      CommunicationStatus status,
      String mandate,
      Integer year,
      String text,
      boolean includeVoided) {

    public static Filter all() {
      return new Filter(null, null, null, null, null, null, null, false);
    }
  }

  /** Inserts a communication with its lifecycle as given (a draft for the API) and returns its key. */
  public long insert(Handle handle, UUID id, String importKey, Communication communication, Actor actor, Instant now) {
    Row row = content(handle, sealing(handle, id, communication), communication);
    lifecycle(row, communication);
    long key =
        RecordRows.insert(handle, TABLE, id, importKey, communication.confidentiality(), actor, now, row);
    CommunicationChildren.insert(handle, key, communication, table -> Sealing.of(handle, table, id, communication.confidentiality()));
    CommunicationChildren.writeHistory(
        handle, key, communication.history(), Sealing.of(handle, "communication_transitions", id, communication.confidentiality()));
    return key;
  }

  /**
   * Updates a communication's content under the optimistic version check and replaces its child
   * rows; its lifecycle (reference, status, history) is left as it is. The history's notes are
   * sealed again when the confidentiality changes.
   */
  public long update(Handle handle, UUID id, Communication communication, List<Transition> history, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle, TABLE, KIND, id, communication.version(), communication.confidentiality(), actor, now,
            content(handle, sealing(handle, id, communication), communication));
    CommunicationChildren.delete(handle, key);
    CommunicationChildren.insert(handle, key, communication, table -> Sealing.of(handle, table, id, communication.confidentiality()));
    CommunicationChildren.writeHistory(
        handle, key, history, Sealing.of(handle, "communication_transitions", id, communication.confidentiality()));
    return key;
  }

  /**
   * Replaces a communication, content and lifecycle, under the optimistic version check of {@code
   * communication.version()}: what an import does to a communication it updates.
   */
  public long replace(Handle handle, UUID id, Communication communication, Actor actor, Instant now) {
    Row row = content(handle, sealing(handle, id, communication), communication);
    lifecycle(row, communication);
    long key =
        RecordRows.update(
            handle, TABLE, KIND, id, communication.version(), communication.confidentiality(), actor, now, row);
    CommunicationChildren.delete(handle, key);
    CommunicationChildren.insert(handle, key, communication, table -> Sealing.of(handle, table, id, communication.confidentiality()));
    CommunicationChildren.writeHistory(
        handle, key, communication.history(), Sealing.of(handle, "communication_transitions", id, communication.confidentiality()));
    return key;
  }

  /**
   * Gives the communication {@code key} its reference, in the transaction that took its number.
   * The UNIQUE constraints refuse a reference or a number given twice.
   */
  public void assignReference(Handle handle, long key, Reference reference) {
    handle
        .createUpdate(
            "UPDATE communications SET reference = :reference, ref_state = :state, ref_year = :year,"
                + " ref_number = :number WHERE id = :key")
        .bind("reference", reference.toString())
        .bind("state", reference.state())
        .bind("year", reference.year())
        .bind("number", reference.number())
        .bind("key", key)
        .execute();
  }

  /**
   * Writes a new lifecycle (reference, status, dates, history) under the optimistic version check
   * of {@code stored.version()}, raising the version, and returns the key.
   */
  public long writeLifecycle(Handle handle, Communication stored, Communication changed, Actor actor, Instant now) {
    Row row = new Row();
    lifecycle(row, changed);
    long key =
        RecordRows.update(handle, TABLE, KIND, stored.id(), stored.version(), stored.confidentiality(), actor, now, row);
    CommunicationChildren.writeHistory(
        handle, key, changed.history(), Sealing.of(handle, "communication_transitions", stored.id(), stored.confidentiality()));
    return key;
  }

  public Optional<Communication> find(Handle handle, UUID id, Visibility linksVisibility) {
    return select(handle, "WHERE m.public_id = :id", Map.of("id", id), null, linksVisibility).stream().findFirst();
  }

  public List<Communication> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return select(handle, where(filter, visibility, parameters) + ORDER, parameters, page, visibility);
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery("SELECT COUNT(*) FROM communications m " + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  /** Every live communication linked to a case file, oldest first, for the export. */
  public List<Communication> forCase(Handle handle, UUID caseId, Visibility linksVisibility) {
    return select(
        handle,
        "WHERE m.voided_at IS NULL AND EXISTS (SELECT 1 FROM communication_cases l JOIN case_files c"
            + " ON c.id = l.case_id WHERE l.communication_id = m.id AND c.public_id = :case_id)"
            + " ORDER BY m.sent_on, m.id",
        Map.of("case_id", caseId),
        null,
        linksVisibility);
  }

  /**
   * The condition of a communication that is public on {@code today}: live, marked public,
   * published, and its public date reached.
   */
  static final String PUBLIC =
      "m.voided_at IS NULL AND m.confidentiality = 'public' AND m.public_on <= :today AND EXISTS (SELECT 1 FROM"
          + " communication_transitions pt WHERE pt.communication_id = m.id AND pt.status = 'published')";

  /** The communications public on {@code today} that match {@code filter}, newest first. */
  List<Communication> publicList(Handle handle, LocalDate today, CommunicationRegister.Filter filter, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return select(handle, publicWhere(today, filter, parameters) + ORDER, parameters, page, null, today);
  }

  long publicCount(Handle handle, LocalDate today, CommunicationRegister.Filter filter) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery("SELECT COUNT(*) FROM communications m " + publicWhere(today, filter, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  /** A communication public on {@code today}, with links only to communications public too. */
  Optional<Communication> findPublic(Handle handle, UUID id, LocalDate today) {
    return select(handle, "WHERE m.public_id = :id AND " + PUBLIC, Map.of("id", id, "today", today), null, null, today)
        .stream().findFirst();
  }

  /** Whether the communication {@code id} is public on {@code today}. */
  boolean isPublic(Handle handle, UUID id, LocalDate today) {
    return handle
            .createQuery("SELECT COUNT(*) FROM communications m WHERE m.public_id = :id AND " + PUBLIC)
            .bind("id", id)
            .bind("today", today)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static String publicWhere(LocalDate today, CommunicationRegister.Filter filter, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(PUBLIC);
    parameters.put("today", today);
    if (filter.state() != null && !filter.state().isBlank()) {
      conditions.add(
          "EXISTS (SELECT 1 FROM communication_addressees fa WHERE fa.communication_id = m.id AND fa.state = :state)");
      parameters.put("state", filter.state().trim());
    }
    if (filter.type() != null) {
      conditions.add("m.type = :type");
      parameters.put("type", filter.type().code());
    }
    if (filter.mandate() != null && !filter.mandate().isBlank()) {
      conditions.add(
          "EXISTS (SELECT 1 FROM communication_mandates fm WHERE fm.communication_id = m.id AND fm.mandate = :mandate)");
      parameters.put("mandate", filter.mandate().trim());
    }
    if (filter.year() != null) {
      conditions.add("m.ref_year = :year");
      parameters.put("year", filter.year());
    }
    if (filter.replied() != null) {
      conditions.add((filter.replied() ? "" : "NOT ")
          + "EXISTS (SELECT 1 FROM replies fr WHERE fr.communication_id = m.id AND fr.voided_at IS NULL)");
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("(LOWER(m.subject) LIKE :text " + Like.ESCAPE + " OR LOWER(m.reference) LIKE :text " + Like.ESCAPE + ")");
      parameters.put("text", Like.containing(filter.text()));
    }
    return "WHERE " + String.join(" AND ", conditions);
  }

  /** The communication with the reference {@code reference}, voided or not, if any. */
  public Optional<UUID> byReference(Handle handle, String reference) {
    return handle
        .createQuery("SELECT public_id FROM communications WHERE reference = :reference")
        .bind("reference", reference)
        .mapTo(UUID.class)
        .findOne();
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "m", parameters));
    if (!filter.includeVoided()) {
      conditions.add("m.voided_at IS NULL");
    }
    if (filter.caseId() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM communication_cases fl JOIN case_files fc ON fc.id = fl.case_id"
              + " WHERE fl.communication_id = m.id AND fc.public_id = :case_id)");
      parameters.put("case_id", filter.caseId());
    }
    if (filter.state() != null && !filter.state().isBlank()) {
      conditions.add(
          "EXISTS (SELECT 1 FROM communication_addressees fa WHERE fa.communication_id = m.id AND fa.state = :state)");
      parameters.put("state", filter.state().trim());
    }
    if (filter.type() != null) {
      conditions.add("m.type = :type");
      parameters.put("type", filter.type().code());
    }
    if (filter.status() != null) {
      conditions.add("m.status = :status");
      parameters.put("status", filter.status().code());
    }
    if (filter.mandate() != null && !filter.mandate().isBlank()) {
      conditions.add(
          "EXISTS (SELECT 1 FROM communication_mandates fm WHERE fm.communication_id = m.id AND fm.mandate = :mandate)");
      parameters.put("mandate", filter.mandate().trim());
    }
    if (filter.year() != null) {
      conditions.add("m.ref_year = :year");
      parameters.put("year", filter.year());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("(LOWER(m.subject) LIKE :text " + Like.ESCAPE + " OR LOWER(m.reference) LIKE :text " + Like.ESCAPE + ")");
      parameters.put("text", Like.containing(filter.text()));
    }
    return "WHERE " + String.join(" AND ", conditions);
  }

  /** Communications and their children: one query for them, one per child table for all of them. */
  private List<Communication> select(
      Handle handle, String where, Map<String, Object> parameters, PageRequest page, Visibility linksVisibility) {
    return select(handle, where, parameters, page, linksVisibility, null);
  }

  /** With a null {@code linksVisibility}, links go only to the communications public on {@code publicToday}. */
  private List<Communication> select(
      Handle handle, String where, Map<String, Object> parameters, PageRequest page, Visibility linksVisibility,
      LocalDate publicToday) {
    List<Long> keys = new ArrayList<>();
    var query =
        handle
            .createQuery(
                "SELECT m.id, " + RecordRows.headerColumns("m") + ", m.type, m.reference, m.status, m.sent_on,"
                    + " m.public_on, m.subject, m.summary, m.full_text, m.concerns, m.notes,"
                    + " f.public_id AS follow_up_public_id FROM communications m"
                    + " LEFT JOIN communications f ON f.id = m.follow_up_of "
                    + where
                    + (page == null ? "" : " LIMIT :limit OFFSET :offset"))
            .bindMap(parameters);
    if (page != null) {
      query.bind("limit", page.size()).bind("offset", page.offset());
    }
    List<Communication> found =
        query
            .map(
                (row, context) -> {
                  keys.add(row.getLong("id"));
                  return read(handle, row);
                })
            .list();
    if (found.isEmpty()) {
      return found;
    }
    CommunicationChildren children = CommunicationChildren.of(handle, keys, linksVisibility, publicToday);
    List<Communication> complete = new ArrayList<>();
    for (int index = 0; index < found.size(); index++) {
      complete.add(children.complete(keys.get(index), found.get(index)));
    }
    return complete;
  }

  private static Communication read(Handle handle, ResultSet row) throws SQLException {
    return new Communication(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        CommunicationType.parse(row.getString("type"), "type"),
        false,
        row.getString("reference"),
        CommunicationStatus.parse(row.getString("status"), "status"),
        row.getObject("sent_on", LocalDate.class),
        row.getObject("public_on", LocalDate.class),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        open(handle, row, "subject"),
        open(handle, row, "summary"),
        open(handle, row, "full_text"),
        open(handle, row, "concerns"),
        List.of(),
        List.of(),
        List.of(),
        row.getObject("follow_up_public_id", UUID.class),
        List.of(),
        List.of(),
        List.of(),
        open(handle, row, "notes"));
  }

  private static Sealing sealing(Handle handle, UUID id, Communication communication) {
    return Sealing.of(handle, TABLE, id, communication.confidentiality());
  }

  /** The content columns: everything but the lifecycle. */
  private static Row content(Handle handle, Sealing sealing, Communication communication) {
    return new Row()
        .text("type", communication.type().code())
        .text("subject", sealing.text("subject", communication.subject().trim()))
        .text("summary", sealing.text("summary", communication.summary()))
        .text("full_text", sealing.text("full_text", communication.text()))
        .text("concerns", sealing.text("concerns", communication.concerns()))
        .text("notes", communication.notes() == null ? null : sealing.restrictedField("notes", communication.notes()))
        .reference(
            "follow_up_of",
            communication.followUpOf() == null
                ? null
                : RecordRows.internalId(handle, TABLE, KIND, communication.followUpOf()));
  }

  /** The lifecycle columns: reference, status and dates. */
  private static void lifecycle(Row row, Communication communication) {
    Reference reference =
        communication.reference() == null ? null : Reference.parse(communication.reference(), "reference");
    row.text("reference", communication.reference())
        .text("ref_state", reference == null ? null : reference.state())
        .integer("ref_year", reference == null ? null : reference.year())
        .integer("ref_number", reference == null ? null : reference.number())
        .text("status", Lifecycle.statusOf(communication.history()).code())
        .date("sent_on", communication.sentOn())
        .date("public_on", communication.publicOn());
  }

  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
