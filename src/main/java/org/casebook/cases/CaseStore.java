package org.casebook.cases;

import org.casebook.access.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.casebook.common.Actor;
import org.casebook.common.PageRequest;
import org.casebook.storage.Like;
import org.casebook.storage.Outbox;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;

/**
 * SQL for case files and their links to persons, organizations and sources. Every method runs in
 * the caller's transaction.
 */
public final class CaseStore {
  public static final String TABLE = "case_files";
  public static final String KIND = "case file";

  /**
   * The filters of the case file list; null fields do not filter. {@code teamMember} keeps the case
   * files on whose team that user is.
   */
  public record Filter(String text, String country, String status, String risk, UUID teamMember, boolean includeVoided) {
    public Filter(String text, String country, String status, String risk, boolean includeVoided) {
      this(text, country, status, risk, null, includeVoided);
    }
  }

  public long insert(Handle handle, UUID id, String importKey, CaseFile caseFile, Actor actor, Instant now) {
    long key = RecordRows.insert(handle, TABLE, id, importKey, caseFile.confidentiality(), actor, now, content(Sealing.of(handle, TABLE, id, caseFile.confidentiality()), caseFile));
    insertLinks(handle, key, caseFile);
    noteLinkChanges(handle, Map.of(), linkedKeys(handle, key));
    return key;
  }

  public long update(Handle handle, UUID id, CaseFile caseFile, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle, TABLE, KIND, id, caseFile.version(), caseFile.confidentiality(), actor, now, content(Sealing.of(handle, TABLE, id, caseFile.confidentiality()), caseFile));
    Map<String, Set<Long>> before = linkedKeys(handle, key);
    handle.execute("DELETE FROM case_persons WHERE case_id = ?", key);
    handle.execute("DELETE FROM case_organizations WHERE case_id = ?", key);
    handle.execute("DELETE FROM case_sources WHERE case_id = ?", key);
    insertLinks(handle, key, caseFile);
    noteLinkChanges(handle, before, linkedKeys(handle, key));
    return key;
  }

  /** The internal keys of the persons, organizations and sources a case file lists, by table. */
  private static Map<String, Set<Long>> linkedKeys(Handle handle, long caseKey) {
    Map<String, Set<Long>> keys = new LinkedHashMap<>();
    for (String[] link :
        List.of(
            new String[] {"persons", "case_persons", "person_id"},
            new String[] {"organizations", "case_organizations", "organization_id"},
            new String[] {"sources", "case_sources", "source_id"})) {
      keys.put(
          link[0],
          new LinkedHashSet<>(
              handle
                  .createQuery("SELECT " + link[2] + " FROM " + link[1] + " WHERE case_id = :case_key")
                  .bind("case_key", caseKey)
                  .mapTo(Long.class)
                  .list()));
    }
    return keys;
  }

  /**
   * Notes in the search outbox the records a case file started or stopped listing: who may find
   * them in search follows from the case files that list them.
   */
  private static void noteLinkChanges(Handle handle, Map<String, Set<Long>> before, Map<String, Set<Long>> after) {
    for (Map.Entry<String, Set<Long>> entry : after.entrySet()) {
      Set<Long> old = before.getOrDefault(entry.getKey(), Set.of());
      Set<Long> changed = new LinkedHashSet<>();
      entry.getValue().stream().filter(key -> !old.contains(key)).forEach(changed::add);
      old.stream().filter(key -> !entry.getValue().contains(key)).forEach(changed::add);
      Outbox.changedKeys(handle, entry.getKey(), changed);
    }
  }

  public Optional<CaseFile> find(Handle handle, UUID id) {
    return select(handle, "WHERE c.public_id = :id", Map.of("id", id), 1, 0).stream().findFirst();
  }

  public List<CaseFile> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(filter, visibility, parameters);
    return select(handle, where + " ORDER BY LOWER(c.title), c.id", parameters, page.size(), page.offset());
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery("SELECT COUNT(*) FROM case_files c " + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "c", parameters));
    if (!filter.includeVoided()) {
      conditions.add("c.voided_at IS NULL");
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("LOWER(c.title) LIKE :text ESCAPE '!'");
      parameters.put("text", Like.containing(filter.text()));
    }
    if (filter.country() != null && !filter.country().isBlank()) {
      conditions.add("(',' || c.countries || ',') LIKE :country");
      parameters.put("country", "%," + filter.country().trim().replaceAll("[^A-Z]", "") + ",%");
    }
    if (filter.status() != null && !filter.status().isBlank()) {
      conditions.add("c.status = :status");
      parameters.put("status", filter.status().trim());
    }
    if (filter.risk() != null && !filter.risk().isBlank()) {
      conditions.add("c.risk = :risk");
      parameters.put("risk", filter.risk().trim());
    }
    if (filter.teamMember() != null) {
      conditions.add(
          "c.id IN (SELECT t.case_id FROM case_teams t JOIN users u ON u.id = t.user_id WHERE u.public_id = :team_member)");
      parameters.put("team_member", filter.teamMember());
    }
    return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
  }

  private List<CaseFile> select(Handle handle, String where, Map<String, Object> parameters, int limit, long offset) {
    List<Long> keys = new ArrayList<>();
    List<CaseFile> cases =
        handle
            .createQuery(
                "SELECT c.id, " + RecordRows.headerColumns("c")
                    + ", c.title, c.summary, c.risk, c.status, c.countries FROM case_files c "
                    + where + " LIMIT :limit OFFSET :offset")
            .bindMap(parameters)
            .bind("limit", limit)
            .bind("offset", offset)
            .map(
                (row, context) -> {
                  keys.add(row.getLong("id"));
                  return read(handle, row);
                })
            .list();
    if (cases.isEmpty()) {
      return cases;
    }
    Map<Long, Links> links = links(handle, keys);
    List<CaseFile> complete = new ArrayList<>();
    for (int index = 0; index < cases.size(); index++) {
      CaseFile caseFile = cases.get(index);
      Links linked = links.getOrDefault(keys.get(index), new Links());
      complete.add(
          new CaseFile(
              caseFile.id(), caseFile.version(), caseFile.confidentiality(), caseFile.audit(),
              caseFile.title(), caseFile.summary(), caseFile.countries(), caseFile.risk(),
              caseFile.status(), List.copyOf(linked.subjects), List.copyOf(linked.persons),
              List.copyOf(linked.organizations), List.copyOf(linked.sources)));
    }
    return complete;
  }

  private static final class Links {
    final Set<UUID> subjects = new LinkedHashSet<>();
    final Set<UUID> persons = new LinkedHashSet<>();
    final Set<UUID> organizations = new LinkedHashSet<>();
    final Set<UUID> sources = new LinkedHashSet<>();
  }

  /** The links of several case files, three queries in all, keyed by internal case key. */
  private static Map<Long, Links> links(Handle handle, List<Long> keys) {
    Map<Long, Links> links = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT l.case_id, p.public_id, l.subject FROM case_persons l JOIN persons p ON p.id = l.person_id"
                + " WHERE l.case_id IN (<keys>) ORDER BY l.case_id, l.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              Links entry = links.computeIfAbsent(row.getLong("case_id"), key -> new Links());
              UUID id = row.getObject("public_id", UUID.class);
              entry.persons.add(id);
              if (row.getBoolean("subject")) {
                entry.subjects.add(id);
              }
              return null;
            })
        .list();
    handle
        .createQuery(
            "SELECT l.case_id, o.public_id, l.subject FROM case_organizations l"
                + " JOIN organizations o ON o.id = l.organization_id"
                + " WHERE l.case_id IN (<keys>) ORDER BY l.case_id, l.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              Links entry = links.computeIfAbsent(row.getLong("case_id"), key -> new Links());
              UUID id = row.getObject("public_id", UUID.class);
              entry.organizations.add(id);
              if (row.getBoolean("subject")) {
                entry.subjects.add(id);
              }
              return null;
            })
        .list();
    handle
        .createQuery(
            "SELECT l.case_id, s.public_id FROM case_sources l JOIN sources s ON s.id = l.source_id"
                + " WHERE l.case_id IN (<keys>) ORDER BY l.case_id, l.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              links.computeIfAbsent(row.getLong("case_id"), key -> new Links())
                  .sources.add(row.getObject("public_id", UUID.class));
              return null;
            })
        .list();
    return links;
  }

  private static CaseFile read(Handle handle, ResultSet row) throws SQLException {
    String countries = row.getString("countries");
    return new CaseFile(
        RecordRows.publicId(row), row.getInt("version"), RecordRows.confidentiality(row),
        RecordRows.audit(row), open(handle, row, "title"), open(handle, row, "summary"),
        countries.isEmpty() ? List.of() : List.of(countries.split(",")), row.getString("risk"),
        row.getString("status"), List.of(), List.of(), List.of(), List.of());
  }

  private static Row content(Sealing sealing, CaseFile caseFile) {
    return new Row()
        .text("title", sealing.text("title", caseFile.title().trim()))
        .text("summary", sealing.text("summary", caseFile.summary()))
        .text("risk", caseFile.risk())
        .text("status", caseFile.status())
        .text("countries", String.join(",", caseFile.countries()));
  }

  /**
   * Writes the links. A subject is linked as a person or an organization with the subject mark;
   * persons and organizations not named as subjects are linked without it.
   */
  private static void insertLinks(Handle handle, long caseKey, CaseFile caseFile) {
    Set<UUID> subjects = new LinkedHashSet<>(caseFile.subjects());
    Set<UUID> persons = new LinkedHashSet<>(caseFile.persons());
    Set<UUID> organizations = new LinkedHashSet<>(caseFile.organizations());
    for (UUID subject : subjects) {
      if (RecordRows.isLive(handle, "organizations", subject)) {
        organizations.add(subject);
      } else {
        persons.add(subject);
      }
    }
    int position = 0;
    for (UUID person : persons) {
      handle
          .createUpdate(
              "INSERT INTO case_persons (case_id, person_id, subject, position)"
                  + " SELECT :case_key, id, :subject, :position FROM persons WHERE public_id = :id")
          .bind("case_key", caseKey)
          .bind("subject", subjects.contains(person))
          .bind("position", position++)
          .bind("id", person)
          .execute();
    }
    position = 0;
    for (UUID organization : organizations) {
      handle
          .createUpdate(
              "INSERT INTO case_organizations (case_id, organization_id, subject, position)"
                  + " SELECT :case_key, id, :subject, :position FROM organizations WHERE public_id = :id")
          .bind("case_key", caseKey)
          .bind("subject", subjects.contains(organization))
          .bind("position", position++)
          .bind("id", organization)
          .execute();
    }
    position = 0;
    for (UUID source : new LinkedHashSet<>(caseFile.sources())) {
      handle
          .createUpdate(
              "INSERT INTO case_sources (case_id, source_id, position)"
                  + " SELECT :case_key, id, :position FROM sources WHERE public_id = :id")
          .bind("case_key", caseKey)
          .bind("position", position++)
          .bind("id", source)
          .execute();
    }
  }


  /** A text column of the row, opened if it was sealed. */
  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
