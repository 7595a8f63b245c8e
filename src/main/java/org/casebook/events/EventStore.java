package org.casebook.events;

import org.casebook.access.Visibility;
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
import org.casebook.cases.CaseStore;
import org.casebook.common.Actor;
import org.casebook.common.PageRequest;
import org.casebook.dates.PartialDate;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.storage.Like;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;

/**
 * SQL for events and their participants, sources and links. Every method runs in the caller's
 * transaction. Events are listed in chronological order: by the sort key of their date, then in the
 * order they were recorded.
 */
public final class EventStore {
  public static final String TABLE = "events";
  public static final String KIND = "event";

  /** The violation status of an event that does not state one. */
  public static final String UNKNOWN_VIOLATION = "unknown";

  private static final String CHRONOLOGICAL = " ORDER BY e.date_sort, e.id";

  /**
   * The filters of the event list; null fields do not filter. An event is inside {@code from} and
   * {@code to} when the days its date can denote overlap the days from the earliest day of {@code
   * from} to the latest day of {@code to}: {@code 2016-07} is inside 2016-01 to 2016-12, and so is
   * {@code 2015/2016-03}.
   */
  public record Filter(
      UUID caseId,
      String type,
      PartialDate from,
      PartialDate to,
      String text,
      boolean includeVoided) {}

  public long insert(
      Handle handle, UUID id, String importKey, Event event, Actor actor, Instant now) {
    long key =
        RecordRows.insert(
            handle,
            TABLE,
            id,
            importKey,
            event.confidentiality(),
            actor,
            now,
            content(handle, Sealing.of(handle, TABLE, id, event.confidentiality()), event));
    EventChildren.insert(handle, key, Sealing.of(handle, "event_participants", id, event.confidentiality()), event);
    return key;
  }

  /** Updates an event under the optimistic version check and replaces its child rows. */
  public long update(Handle handle, UUID id, Event event, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle,
            TABLE,
            KIND,
            id,
            event.version(),
            event.confidentiality(),
            actor,
            now,
            content(handle, Sealing.of(handle, TABLE, id, event.confidentiality()), event));
    EventChildren.delete(handle, key);
    EventChildren.insert(handle, key, Sealing.of(handle, "event_participants", id, event.confidentiality()), event);
    return key;
  }

  public Optional<Event> find(Handle handle, UUID id) {
    return select(handle, "WHERE e.public_id = :id", Map.of("id", id), PageRequest.first()).stream()
        .findFirst();
  }

  public List<Event> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(filter, visibility, parameters);
    return select(handle, where + CHRONOLOGICAL, parameters, page);
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM events e JOIN case_files c ON c.id = e.case_id "
                + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  /** Every live event of a case file, in chronological order. */
  public List<Event> forCase(Handle handle, UUID caseId) {
    return select(
        handle,
        "WHERE c.public_id = :case_id AND e.voided_at IS NULL" + CHRONOLOGICAL,
        Map.of("case_id", caseId),
        null);
  }

  /** The case file a live record of {@code table} (events or proceedings) belongs to, if any. */
  static Optional<UUID> caseOfLive(Handle handle, String table, UUID id) {
    return handle
        .createQuery(
            "SELECT c.public_id FROM "
                + table
                + " r JOIN case_files c ON c.id = r.case_id"
                + " WHERE r.public_id = :id AND r.voided_at IS NULL")
        .bind("id", id)
        .mapTo(UUID.class)
        .findOne();
  }


  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "e", parameters));
    if (!filter.includeVoided()) {
      conditions.add("e.voided_at IS NULL");
    }
    if (filter.caseId() != null) {
      conditions.add("c.public_id = :case_id");
      parameters.put("case_id", filter.caseId());
    }
    if (filter.type() != null && !filter.type().isBlank()) {
      conditions.add("e.type = :type");
      parameters.put("type", filter.type().trim());
    }
    Optional<LocalDate> from = Optional.ofNullable(filter.from()).flatMap(PartialDate::earliest);
    if (from.isPresent()) {
      conditions.add("(e.date_to IS NULL OR e.date_to >= :from)");
      parameters.put("from", from.get());
    }
    Optional<LocalDate> to = Optional.ofNullable(filter.to()).flatMap(PartialDate::latest);
    if (to.isPresent()) {
      conditions.add("(e.date_from IS NULL OR e.date_from <= :to)");
      parameters.put("to", to.get());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("LOWER(e.title) LIKE :text ESCAPE '!'");
      parameters.put("text", Like.containing(filter.text()));
    }
    return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
  }

  /** Events and their children: one query for the events, one per child table for all of them. */
  private List<Event> select(
      Handle handle, String where, Map<String, Object> parameters, PageRequest page) {
    List<Long> keys = new ArrayList<>();
    var query =
        handle
            .createQuery(
                "SELECT e.id, "
                    + RecordRows.headerColumns("e")
                    + ", c.public_id AS case_public_id,"
                    + " e.date_edtf, e.type, e.title, e.description, e.location, e.country,"
                    + " e.violation_status, p.public_id AS proceeding_public_id FROM events e"
                    + " JOIN case_files c ON c.id = e.case_id"
                    + " LEFT JOIN proceedings p ON p.id = e.proceeding_id "
                    + where
                    + (page == null ? "" : " LIMIT :limit OFFSET :offset"))
            .bindMap(parameters);
    if (page != null) {
      query.bind("limit", page.size()).bind("offset", page.offset());
    }
    List<Event> events =
        query
            .map(
                (row, context) -> {
                  keys.add(row.getLong("id"));
                  return read(handle, row);
                })
            .list();
    if (events.isEmpty()) {
      return events;
    }
    EventChildren children = EventChildren.of(handle, keys);
    List<Event> complete = new ArrayList<>();
    for (int index = 0; index < events.size(); index++) {
      complete.add(children.complete(keys.get(index), events.get(index)));
    }
    return complete;
  }

  private static Event read(Handle handle, ResultSet row) throws SQLException {
    return new Event(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        row.getObject("case_public_id", UUID.class),
        PartialDate.parse(row.getString("date_edtf")),
        row.getString("type"),
        open(handle, row, "title"),
        open(handle, row, "description"),
        open(handle, row, "location"),
        row.getString("country"),
        row.getString("violation_status"),
        List.of(),
        List.of(),
        row.getObject("proceeding_public_id", UUID.class),
        List.of());
  }

  private static Row content(Handle handle, Sealing sealing, Event event) {
    PartialDate date = event.date();
    return new Row()
        .reference(
            "case_id", RecordRows.liveId(handle, CaseStore.TABLE, CaseStore.KIND, event.caseId()))
        .text("date_edtf", date.toEdtf())
        .text("date_sort", date.sortKey())
        .date("date_from", date.earliest().orElse(null))
        .date("date_to", date.latest().orElse(null))
        .text("type", event.type())
        .text("title", sealing.text("title", event.title().trim()))
        .text("description", sealing.text("description", event.description()))
        .text("location", sealing.text("location", event.location()))
        .text("country", event.country())
        .text("violation_status", event.violation() == null ? UNKNOWN_VIOLATION : event.violation())
        .reference(
            "proceeding_id",
            event.proceeding() == null
                ? null
                : RecordRows.liveId(
                    handle, ProceedingStore.TABLE, ProceedingStore.KIND, event.proceeding()));
  }


  /** A text column of the row, opened if it was sealed. */
  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
