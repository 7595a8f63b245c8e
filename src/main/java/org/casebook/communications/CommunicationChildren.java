package org.casebook.communications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.casebook.access.Visibility;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The child rows of communications (addressees, mandates, case files, persons, questions, standards, sources,
 * relations, transitions), written in list order and read for a whole page of communications at
 * once: one query per child table, never one per communication. The free text of a child row
 * (an addressee's name, a question, a transition's note) is sealed when its communication is
 * restricted, bound to the communication's id and the row's position.
 */
final class CommunicationChildren {
  private final Map<Long, List<String>> states = new LinkedHashMap<>();
  private final Map<Long, List<String>> otherAddressees = new LinkedHashMap<>();
  private final Map<Long, List<String>> mandates = new LinkedHashMap<>();
  private final Map<Long, List<UUID>> cases = new LinkedHashMap<>();
  private final Map<Long, List<UUID>> persons = new LinkedHashMap<>();
  private final Map<Long, List<String>> questions = new LinkedHashMap<>();
  private final Map<Long, List<String>> standards = new LinkedHashMap<>();
  private final Map<Long, List<UUID>> sources = new LinkedHashMap<>();
  private final Map<Long, List<UUID>> related = new LinkedHashMap<>();
  private final Map<Long, List<Transition>> history = new LinkedHashMap<>();
  private final Map<Long, List<CommunicationLink>> links = new LinkedHashMap<>();

  private CommunicationChildren() {}

  /**
   * Reads the children of the communications with the internal keys {@code keys}; their links to
   * other communications are those {@code visibility} lets the reader see, voided ones left out,
   * or with a null visibility those public on {@code publicToday}.
   */
  static CommunicationChildren of(Handle handle, List<Long> keys, Visibility visibility, LocalDate publicToday) {
    CommunicationChildren children = new CommunicationChildren();
    handle
        .createQuery(
            "SELECT a.communication_id, m.public_id AS communication, a.position, a.state, a.name"
                + " FROM communication_addressees a JOIN communications m ON m.id = a.communication_id"
                + " WHERE a.communication_id IN (<keys>) ORDER BY a.communication_id, a.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              long key = row.getLong("communication_id");
              if (row.getString("state") != null) {
                children.states.computeIfAbsent(key, ignored -> new ArrayList<>()).add(row.getString("state"));
              } else {
                children.otherAddressees.computeIfAbsent(key, ignored -> new ArrayList<>())
                    .add(open(handle, row, "communication_addressees", "name"));
              }
              return key;
            })
        .list();
    handle
        .createQuery(
            "SELECT communication_id, mandate FROM communication_mandates"
                + " WHERE communication_id IN (<keys>) ORDER BY communication_id, position")
        .bindList("keys", keys)
        .map((row, context) -> add(children.mandates, row.getLong("communication_id"), row.getString("mandate")))
        .list();
    uuids(handle, keys, children.cases, "communication_cases", "case_files", "case_id");
    uuids(handle, keys, children.persons, "communication_persons", "persons", "person_id");
    uuids(handle, keys, children.sources, "communication_sources", "sources", "source_id");
    uuids(handle, keys, children.related, "communication_related", "communications", "related_id");
    handle
        .createQuery(
            "SELECT q.communication_id, m.public_id AS communication, q.position, q.question"
                + " FROM communication_questions q JOIN communications m ON m.id = q.communication_id"
                + " WHERE q.communication_id IN (<keys>) ORDER BY q.communication_id, q.position")
        .bindList("keys", keys)
        .map(
            (row, context) ->
                add(children.questions, row.getLong("communication_id"), open(handle, row, "communication_questions", "question")))
        .list();
    handle
        .createQuery(
            "SELECT s.communication_id, m.public_id AS communication, s.position, s.standard"
                + " FROM communication_standards s JOIN communications m ON m.id = s.communication_id"
                + " WHERE s.communication_id IN (<keys>) ORDER BY s.communication_id, s.position")
        .bindList("keys", keys)
        .map(
            (row, context) ->
                add(children.standards, row.getLong("communication_id"), open(handle, row, "communication_standards", "standard")))
        .list();
    handle
        .createQuery(
            "SELECT t.communication_id, m.public_id AS communication, t.position, t.status, t.transition_on,"
                + " t.note, t.recorded_at, t.recorded_by FROM communication_transitions t"
                + " JOIN communications m ON m.id = t.communication_id"
                + " WHERE t.communication_id IN (<keys>) ORDER BY t.communication_id, t.position")
        .bindList("keys", keys)
        .map(
            (row, context) ->
                add(
                    children.history,
                    row.getLong("communication_id"),
                    new Transition(
                        CommunicationStatus.parse(row.getString("status"), "status"),
                        row.getObject("transition_on", LocalDate.class),
                        open(handle, row, "communication_transitions", "note"),
                        RecordRows.instant(row, "recorded_at"),
                        row.getString("recorded_by"))))
        .list();
    readLinks(handle, keys, visibility, publicToday, children);
    return children;
  }

  /** The other communications related to these, in both directions, as far as the reader sees. */
  private static void readLinks(
      Handle handle, List<Long> keys, Visibility visibility, LocalDate publicToday, CommunicationChildren children) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String visible;
    if (visibility == null) {
      visible = CommunicationStore.PUBLIC.replace("m.", "o.");
      parameters.put("today", publicToday);
    } else {
      visible = "o.voided_at IS NULL AND " + visibility.condition(CommunicationStore.TABLE, "o", parameters);
    }
    String sql =
        "SELECT x.from_id, o.public_id, o.reference, x.relation, x.ordering FROM ("
            + "SELECT m.id AS from_id, m.follow_up_of AS other_id, 'follow-up-of' AS relation, 0 AS ordering"
            + " FROM communications m WHERE m.id IN (<keys>) AND m.follow_up_of IS NOT NULL"
            + " UNION ALL SELECT f.follow_up_of, f.id, 'followed-up-by', 1 FROM communications f"
            + " WHERE f.follow_up_of IN (<keys>)"
            + " UNION ALL SELECT r.communication_id, r.related_id, 'related', 2 FROM communication_related r"
            + " WHERE r.communication_id IN (<keys>)"
            + " UNION ALL SELECT r.related_id, r.communication_id, 'related', 3 FROM communication_related r"
            + " WHERE r.related_id IN (<keys>)"
            + ") x JOIN communications o ON o.id = x.other_id WHERE "
            + visible
            + " ORDER BY x.from_id, x.ordering, o.sent_on, o.id";
    handle
        .createQuery(sql)
        .bindList("keys", keys)
        .bindMap(parameters)
        .map(
            (row, context) -> {
              Relation relation =
                  switch (row.getString("relation")) {
                    case "follow-up-of" -> Relation.FOLLOW_UP_OF;
                    case "followed-up-by" -> Relation.FOLLOWED_UP_BY;
                    default -> Relation.RELATED;
                  };
              return add(
                  children.links,
                  row.getLong("from_id"),
                  new CommunicationLink(row.getObject("public_id", UUID.class), row.getString("reference"), relation));
            })
        .list();
  }

  private static void uuids(
      Handle handle, List<Long> keys, Map<Long, List<UUID>> into, String table, String target, String column) {
    handle
        .createQuery(
            "SELECT l.communication_id, t.public_id FROM " + table + " l JOIN " + target + " t ON t.id = l." + column
                + " WHERE l.communication_id IN (<keys>) ORDER BY l.communication_id, l.position")
        .bindList("keys", keys)
        .map((row, context) -> add(into, row.getLong("communication_id"), row.getObject("public_id", UUID.class)))
        .list();
  }

  private static <T> long add(Map<Long, List<T>> into, long key, T value) {
    into.computeIfAbsent(key, ignored -> new ArrayList<>()).add(value);
    return key;
  }

  /** A child's free text, opened if it was sealed, bound to the communication and the position. */
  private static String open(Handle handle, ResultSet row, String table, String column) throws SQLException {
    return Sealing.open(
        handle, table, row.getObject("communication", UUID.class), column + "_" + row.getInt("position"),
        row.getString(column));
  }

  /** The communication with its children filled in. */
  Communication complete(long key, Communication communication) {
    List<String> mandateCodes = mandates.getOrDefault(key, List.of());
    return new Communication(
        communication.id(), communication.version(), communication.confidentiality(), communication.audit(),
        communication.type(), mandateCodes.size() > 1, communication.reference(), communication.status(),
        communication.sentOn(), communication.publicOn(), states.getOrDefault(key, List.of()),
        otherAddressees.getOrDefault(key, List.of()), mandateCodes, cases.getOrDefault(key, List.of()),
        persons.getOrDefault(key, List.of()), communication.subject(), communication.summary(),
        communication.text(), communication.concerns(), questions.getOrDefault(key, List.of()),
        standards.getOrDefault(key, List.of()),
        sources.getOrDefault(key, List.of()), communication.followUpOf(), related.getOrDefault(key, List.of()),
        links.getOrDefault(key, List.of()), history.getOrDefault(key, List.of()), communication.notes());
  }

  /** Writes the content children of a communication (all but its history). */
  static void insert(Handle handle, long key, Communication communication, Function<String, Sealing> sealing) {
    Sealing addressees = sealing.apply("communication_addressees");
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (String state : communication.states()) {
      rows.add(new Object[] {position++, state, null});
    }
    for (String name : communication.otherAddressees()) {
      rows.add(new Object[] {position, null, addressees.text("name_" + position, name.trim())});
      position++;
    }
    if (!rows.isEmpty()) {
      PreparedBatch batch =
          handle.prepareBatch(
              "INSERT INTO communication_addressees (communication_id, position, state, name)"
                  + " VALUES (:key, :position, :state, :name)");
      for (Object[] row : rows) {
        batch.bind("key", key).bind("position", (int) row[0])
            .bindByType("state", row[1], String.class).bindByType("name", row[2], String.class).add();
      }
      batch.execute();
    }
    batch(handle, key, "communication_mandates", "mandate", ":value", communication.mandates(), String.class);
    batch(handle, key, "communication_cases", "case_id", "(SELECT id FROM case_files WHERE public_id = :value)",
        communication.cases(), UUID.class);
    batch(handle, key, "communication_persons", "person_id", "(SELECT id FROM persons WHERE public_id = :value)",
        communication.persons(), UUID.class);
    batch(handle, key, "communication_sources", "source_id", "(SELECT id FROM sources WHERE public_id = :value)",
        communication.sources(), UUID.class);
    batch(handle, key, "communication_related", "related_id", "(SELECT id FROM communications WHERE public_id = :value)",
        communication.related(), UUID.class);
    Sealing questionSealing = sealing.apply("communication_questions");
    List<String> questions = new ArrayList<>();
    for (int index = 0; index < communication.questions().size(); index++) {
      questions.add(questionSealing.text("question_" + index, communication.questions().get(index).trim()));
    }
    batch(handle, key, "communication_questions", "question", ":value", questions, String.class);
    Sealing standardSealing = sealing.apply("communication_standards");
    List<String> standards = new ArrayList<>();
    for (int index = 0; index < communication.standards().size(); index++) {
      standards.add(standardSealing.text("standard_" + index, communication.standards().get(index).trim()));
    }
    batch(handle, key, "communication_standards", "standard", ":value", standards, String.class);
  }

  /** Removes the content children of a communication (all but its history). */
  static void delete(Handle handle, long key) {
    for (String table :
        List.of(
            "communication_addressees", "communication_mandates", "communication_cases", "communication_persons",
            "communication_sources", "communication_related", "communication_questions",
            "communication_standards")) {
      handle.execute("DELETE FROM " + table + " WHERE communication_id = ?", key);
    }
  }

  /** Replaces a communication's history. */
  static void writeHistory(Handle handle, long key, List<Transition> history, Sealing sealing) {
    handle.execute("DELETE FROM communication_transitions WHERE communication_id = ?", key);
    if (history.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO communication_transitions (communication_id, position, status, transition_on, note,"
                + " recorded_at, recorded_by) VALUES (:key, :position, :status, :on, :note, :at, :by)");
    for (int position = 0; position < history.size(); position++) {
      Transition step = history.get(position);
      String note = step.note() == null || step.note().isBlank() ? null : step.note().trim();
      batch
          .bind("key", key)
          .bind("position", position)
          .bind("status", step.status().code())
          .bindByType("on", step.date(), LocalDate.class)
          .bindByType("note", sealing.text("note_" + position, note), String.class)
          .bindByType("at", step.recordedAt().atOffset(java.time.ZoneOffset.UTC), java.time.OffsetDateTime.class)
          .bind("by", step.recordedBy())
          .add();
    }
    batch.execute();
  }

  /**
   * Inserts one row per value of {@code values} into a child table whose columns are the
   * communication's key, the position and {@code column}, the value bound through {@code value}.
   */
  private static <T> void batch(
      Handle handle, long key, String table, String column, String value, List<T> values, Class<T> type) {
    if (values.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO " + table + " (communication_id, position, " + column + ") VALUES (:key, :position, "
                + value + ")");
    for (int position = 0; position < values.size(); position++) {
      batch.bind("key", key).bind("position", position).bindByType("value", values.get(position), type).add();
    }
    batch.execute();
  }
}
