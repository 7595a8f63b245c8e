package org.casebook.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.Name;
import org.casebook.common.PageRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.Like;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;

/** SQL for persons and their other names. Every method runs in the caller's transaction. */
public final class PersonStore {
  public static final String TABLE = "persons";
  public static final String KIND = "person";

  /** Inserts a person with the given public id and returns its internal key. */
  public long insert(Handle handle, UUID id, String importKey, Person person, Actor actor, Instant now) {
    long key =
        RecordRows.insert(
            handle, TABLE, id, importKey, person.confidentiality(), actor, now,
            content(sealing(handle, id, person), person));
    insertNames(handle, key, sealing(handle, id, person), person.otherNames());
    return key;
  }

  /** Updates a person under the optimistic version check and returns its internal key. */
  public long update(Handle handle, UUID id, Person person, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle, TABLE, KIND, id, person.version(), person.confidentiality(), actor, now,
            content(sealing(handle, id, person), person));
    handle.execute("DELETE FROM person_names WHERE person_id = ?", key);
    insertNames(handle, key, sealing(handle, id, person), person.otherNames());
    return key;
  }

  public Optional<Person> find(Handle handle, UUID id) {
    return select(handle, "WHERE p.public_id = :id", Map.of("id", id), 1, 0).stream().findFirst();
  }

  /** The persons with the public ids {@code ids}, read in one query; unknown ids are left out. */
  public List<Person> findAll(Handle handle, List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringJoiner in = new StringJoiner(", ", "WHERE p.public_id IN (", ")");
    for (int index = 0; index < ids.size(); index++) {
      in.add(":id" + index);
      parameters.put("id" + index, ids.get(index));
    }
    return select(handle, in.toString(), parameters, ids.size(), 0);
  }

  /**
   * The filters of the person list; null fields do not filter. {@code text} matches any name,
   * case-insensitively; {@code caseId} limits to the persons linked to a case file.
   */
  public record Filter(String text, UUID caseId, boolean includeVoided) {}

  /** A page of the persons the caller may see, by primary name. */
  public List<Person> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(filter, visibility, parameters);
    return select(handle, where + " ORDER BY LOWER(p.primary_name), p.id", parameters, page.size(), page.offset());
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(filter, visibility, parameters);
    return handle
        .createQuery("SELECT COUNT(*) FROM persons p " + where)
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "p", parameters));
    String text = filter.text();
    UUID caseId = filter.caseId();
    if (!filter.includeVoided()) {
      conditions.add("p.voided_at IS NULL");
    }
    if (text != null && !text.isBlank()) {
      conditions.add(
          "(LOWER(p.primary_name) LIKE :text ESCAPE '!' OR EXISTS (SELECT 1 FROM person_names n"
              + " WHERE n.person_id = p.id AND LOWER(n.name) LIKE :text ESCAPE '!'))");
      parameters.put("text", Like.containing(text));
    }
    if (caseId != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM case_persons cp JOIN case_files c ON c.id = cp.case_id"
              + " WHERE cp.person_id = p.id AND c.public_id = :case_id)");
      parameters.put("case_id", caseId);
    }
    return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
  }

  private List<Person> select(
      Handle handle, String where, Map<String, Object> parameters, int limit, long offset) {
    List<Person> persons =
        handle
            .createQuery(
                "SELECT p.id, "
                    + RecordRows.headerColumns("p")
                    + ", p.primary_name, p.sex, p.birth_date_edtf, p.citizenship, p.occupation,"
                    + " p.protected, p.notes FROM persons p "
                    + where
                    + " LIMIT :limit OFFSET :offset")
            .bindMap(parameters)
            .bind("limit", limit)
            .bind("offset", offset)
            .map((row, context) -> read(handle, row))
            .list();
    if (persons.isEmpty()) {
      return persons;
    }
    Map<UUID, List<Name>> names = names(handle, persons.stream().map(Person::id).toList());
    return persons.stream()
        .map(
            person ->
                new Person(
                    person.id(), person.version(), person.confidentiality(), person.audit(),
                    person.name(), names.getOrDefault(person.id(), List.of()), person.sex(),
                    person.birthDate(), person.citizenship(), person.occupation(),
                    person.isProtected(), person.notes()))
        .toList();
  }

  /** The other names of several persons in one query, keyed by person id. */
  private static Map<UUID, List<Name>> names(Handle handle, List<UUID> ids) {
    Map<UUID, List<Name>> names = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT p.public_id, n.position, n.name, n.kind, n.language FROM person_names n"
                + " JOIN persons p ON p.id = n.person_id WHERE p.public_id IN (<ids>)"
                + " ORDER BY n.person_id, n.position")
        .bindList("ids", ids)
        .map(
            (row, context) -> {
              names
                  .computeIfAbsent(row.getObject("public_id", UUID.class), id -> new ArrayList<>())
                  .add(
                      new Name(
                          Sealing.open(
                              handle, TABLE, row.getObject("public_id", UUID.class),
                              "name_" + row.getInt("position"), row.getString("name")),
                          row.getString("kind"),
                          row.getString("language")));
              return null;
            })
        .list();
    return names;
  }

  /**
   * The sealing of a person's text: all of it for a restricted person or a protected one (a victim
   * or a minor, whose identity is restricted), and the notes always.
   */
  private static Sealing sealing(Handle handle, UUID id, Person person) {
    Confidentiality level = person.isProtected() ? Confidentiality.RESTRICTED : person.confidentiality();
    return Sealing.of(handle, TABLE, id, level);
  }

  private static Person read(Handle handle, ResultSet row) throws SQLException {
    UUID id = RecordRows.publicId(row);
    String citizenship = row.getString("citizenship");
    return new Person(
        id,
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        Sealing.open(handle, TABLE, id, "primary_name", row.getString("primary_name")),
        List.of(),
        row.getString("sex"),
        PartialDate.parseOptional(Sealing.open(handle, TABLE, id, "birth_date_edtf", row.getString("birth_date_edtf"))).orElse(null),
        citizenship.isEmpty() ? List.of() : List.of(citizenship.split(",")),
        Sealing.open(handle, TABLE, id, "occupation", row.getString("occupation")),
        row.getBoolean("protected"),
        Sealing.open(handle, TABLE, id, "notes", row.getString("notes")));
  }

  private static Row content(Sealing sealing, Person person) {
    PartialDate birth = person.birthDate();
    return new Row()
        .text("primary_name", sealing.text("primary_name", person.name().trim()))
        .text("sex", person.sex())
        .text("birth_date_edtf", sealing.text("birth_date_edtf", birth == null ? null : birth.toEdtf()))
        .text("birth_date_sort", birth == null || sealing.restricted() ? null : birth.sortKey())
        .text("citizenship", String.join(",", person.citizenship()))
        .text("occupation", sealing.text("occupation", person.occupation()))
        .flag("protected", person.isProtected())
        .text("notes", sealing.restrictedField("notes", person.notes()));
  }

  private static void insertNames(Handle handle, long personKey, Sealing sealing, List<Name> names) {
    if (names.isEmpty()) {
      return;
    }
    var batch =
        handle.prepareBatch(
            "INSERT INTO person_names (person_id, position, name, kind, language)"
                + " VALUES (:person, :position, :name, :kind, :language)");
    for (int position = 0; position < names.size(); position++) {
      Name name = names.get(position);
      batch
          .bind("person", personKey)
          .bind("position", position)
          .bind("name", sealing.text("name_" + position, name.name().trim()))
          .bind("kind", name.kind())
          .bindByType("language", name.language(), String.class)
          .add();
    }
    batch.execute();
  }
}
