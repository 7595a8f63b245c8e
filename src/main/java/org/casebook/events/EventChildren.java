package org.casebook.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The child rows of events (participants, sources, links), written in list order and read for a
 * whole page of events at once: one query per child table, never one per event.
 */
final class EventChildren {
  private final Map<Long, List<Participant>> participants = new LinkedHashMap<>();
  private final Map<Long, List<UUID>> sources = new LinkedHashMap<>();
  private final Map<Long, List<EventLink>> links = new LinkedHashMap<>();

  private EventChildren() {}

  /** Reads the children of the events with the internal keys {@code eventKeys}. */
  static EventChildren of(Handle handle, List<Long> eventKeys) {
    EventChildren children = new EventChildren();
    handle
        .createQuery(
            "SELECT ep.event_id, e.public_id AS event, ep.position, p.public_id AS person,"
                + " o.public_id AS organization, ep.name, ep.role, ep.note FROM event_participants ep"
                + " JOIN events e ON e.id = ep.event_id"
                + " LEFT JOIN persons p ON p.id = ep.person_id"
                + " LEFT JOIN organizations o ON o.id = ep.organization_id"
                + " WHERE ep.event_id IN (<keys>) ORDER BY ep.event_id, ep.position")
        .bindList("keys", eventKeys)
        .map(
            (row, context) ->
                children
                    .participants
                    .computeIfAbsent(row.getLong("event_id"), key -> new ArrayList<>())
                    .add(
                        new Participant(
                            row.getObject("person", UUID.class),
                            row.getObject("organization", UUID.class),
                            open(handle, row, "name"),
                            row.getString("role"),
                            open(handle, row, "note"))))
        .list();
    handle
        .createQuery(
            "SELECT es.event_id, s.public_id FROM event_sources es JOIN sources s ON s.id ="
                + " es.source_id WHERE es.event_id IN (<keys>) ORDER BY es.event_id, es.position")
        .bindList("keys", eventKeys)
        .map(
            (row, context) ->
                children
                    .sources
                    .computeIfAbsent(row.getLong("event_id"), key -> new ArrayList<>())
                    .add(row.getObject("public_id", UUID.class)))
        .list();
    handle
        .createQuery(
            "SELECT el.event_id, el.type, t.public_id FROM event_links el"
                + " JOIN events t ON t.id = el.target_event_id"
                + " WHERE el.event_id IN (<keys>) ORDER BY el.event_id, el.position")
        .bindList("keys", eventKeys)
        .map(
            (row, context) ->
                children
                    .links
                    .computeIfAbsent(row.getLong("event_id"), key -> new ArrayList<>())
                    .add(
                        new EventLink(
                            row.getString("type"), row.getObject("public_id", UUID.class))))
        .list();
    return children;
  }

  /** The event with its children filled in. */
  Event complete(long eventKey, Event event) {
    return new Event(
        event.id(),
        event.version(),
        event.confidentiality(),
        event.audit(),
        event.caseId(),
        event.date(),
        event.type(),
        event.title(),
        event.description(),
        event.location(),
        event.country(),
        event.violation(),
        participants.getOrDefault(eventKey, List.of()),
        sources.getOrDefault(eventKey, List.of()),
        event.proceeding(),
        links.getOrDefault(eventKey, List.of()));
  }

  /**
   * A participant's free-text name or note, opened if it was sealed (as they are for a restricted
   * event), bound to the event and the participant's position.
   */
  private static String open(Handle handle, java.sql.ResultSet row, String column) throws java.sql.SQLException {
    return Sealing.open(
        handle, "event_participants", row.getObject("event", UUID.class), column + "_" + row.getInt("position"),
        row.getString(column));
  }

  static void insert(Handle handle, long eventKey, Sealing sealing, Event event) {
    insertParticipants(handle, eventKey, sealing, event.participants());
    insertSources(handle, eventKey, event.sources());
    insertLinks(handle, eventKey, event.links());
  }

  static void delete(Handle handle, long eventKey) {
    handle.execute("DELETE FROM event_participants WHERE event_id = ?", eventKey);
    handle.execute("DELETE FROM event_sources WHERE event_id = ?", eventKey);
    handle.execute("DELETE FROM event_links WHERE event_id = ?", eventKey);
  }

  private static void insertParticipants(
      Handle handle, long eventKey, Sealing sealing, List<Participant> participants) {
    if (participants.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO event_participants (event_id, position, person_id, organization_id, name,"
                + " role, note) VALUES (:event, :position,"
                + " (SELECT id FROM persons WHERE public_id = CAST(:person AS UUID)),"
                + " (SELECT id FROM organizations WHERE public_id = CAST(:organization AS UUID)),"
                + " :name, :role, :note)");
    for (int position = 0; position < participants.size(); position++) {
      Participant participant = participants.get(position);
      batch
          .bind("event", eventKey)
          .bind("position", position)
          .bindByType("person", participant.person(), UUID.class)
          .bindByType("organization", participant.organization(), UUID.class)
          .bindByType("name", sealing.text("name_" + position, trimmed(participant.name())), String.class)
          .bind("role", participant.role())
          .bindByType("note", sealing.text("note_" + position, participant.note()), String.class)
          .add();
    }
    batch.execute();
  }

  private static void insertSources(Handle handle, long eventKey, List<UUID> sources) {
    if (sources.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO event_sources (event_id, position, source_id) VALUES (:event, :position,"
                + " (SELECT id FROM sources WHERE public_id = :source))");
    for (int position = 0; position < sources.size(); position++) {
      batch
          .bind("event", eventKey)
          .bind("position", position)
          .bind("source", sources.get(position))
          .add();
    }
    batch.execute();
  }

  private static void insertLinks(Handle handle, long eventKey, List<EventLink> links) {
    if (links.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO event_links (event_id, position, type, target_event_id) VALUES (:event,"
                + " :position, :type, (SELECT id FROM events WHERE public_id = :target))");
    for (int position = 0; position < links.size(); position++) {
      EventLink link = links.get(position);
      batch
          .bind("event", eventKey)
          .bind("position", position)
          .bind("type", link.type())
          .bind("target", link.event())
          .add();
    }
    batch.execute();
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
