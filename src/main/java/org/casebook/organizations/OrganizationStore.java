package org.casebook.organizations;

import org.casebook.access.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.Name;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.PageRequest;
import org.casebook.dates.PartialDate;
import org.casebook.people.PersonStore;
import org.casebook.storage.Like;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for organizations and their other names, registrations and memberships. Every method runs in
 * the caller's transaction.
 */
public final class OrganizationStore {
  public static final String TABLE = "organizations";
  public static final String KIND = "organization";

  /**
   * The filters of the organization list; null fields do not filter. {@code text} matches any name,
   * case-insensitively; {@code caseId} limits to the organizations linked to a case file; {@code
   * personId} to those the person is a member of.
   */
  public record Filter(String text, UUID caseId, UUID personId, boolean includeVoided) {}

  /** Inserts an organization with the given public id and returns its internal key. */
  public long insert(
      Handle handle,
      UUID id,
      String importKey,
      Organization organization,
      Actor actor,
      Instant now) {
    long key =
        RecordRows.insert(
            handle,
            TABLE,
            id,
            importKey,
            confidentiality(organization),
            actor,
            now,
            content(Sealing.of(handle, TABLE, id, confidentiality(organization)), organization));
    insertParts(handle, key, id, organization);
    return key;
  }

  /**
   * Updates an organization under the optimistic version check, replaces its names, registrations
   * and memberships, and returns its internal key.
   */
  public long update(Handle handle, UUID id, Organization organization, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle,
            TABLE,
            KIND,
            id,
            organization.version(),
            confidentiality(organization),
            actor,
            now,
            content(Sealing.of(handle, TABLE, id, confidentiality(organization)), organization));
    handle.execute("DELETE FROM organization_names WHERE organization_id = ?", key);
    handle.execute("DELETE FROM organization_registrations WHERE organization_id = ?", key);
    handle.execute("DELETE FROM organization_memberships WHERE organization_id = ?", key);
    insertParts(handle, key, id, organization);
    return key;
  }

  public Optional<Organization> find(Handle handle, UUID id) {
    return select(handle, "WHERE o.public_id = :id", Map.of("id", id), 1, 0).stream().findFirst();
  }

  /** A page of organizations, by primary name. */
  public List<Organization> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(filter, visibility, parameters);
    return select(
        handle,
        where + " ORDER BY LOWER(o.primary_name), o.id",
        parameters,
        page.size(),
        page.offset());
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery("SELECT COUNT(*) FROM organizations o " + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "o", parameters));
    if (!filter.includeVoided()) {
      conditions.add("o.voided_at IS NULL");
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add(
          "(LOWER(o.primary_name) LIKE :text ESCAPE '!' OR EXISTS (SELECT 1 FROM"
              + " organization_names n WHERE n.organization_id = o.id"
              + " AND LOWER(n.name) LIKE :text ESCAPE '!'))");
      parameters.put(
          "text",
          Like.containing(filter.text()));
    }
    if (filter.caseId() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM case_organizations co JOIN case_files c ON c.id = co.case_id"
              + " WHERE co.organization_id = o.id AND c.public_id = :case_id)");
      parameters.put("case_id", filter.caseId());
    }
    if (filter.personId() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM organization_memberships m JOIN persons p ON p.id = m.person_id"
              + " WHERE m.organization_id = o.id AND p.public_id = :person_id)");
      parameters.put("person_id", filter.personId());
    }
    return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
  }

  private List<Organization> select(
      Handle handle, String where, Map<String, Object> parameters, int limit, long offset) {
    List<Long> keys = new ArrayList<>();
    List<Organization> organizations =
        handle
            .createQuery(
                "SELECT o.id, "
                    + RecordRows.headerColumns("o")
                    + ", o.primary_name, o.kind, o.country, o.notes FROM organizations o "
                    + where
                    + " LIMIT :limit OFFSET :offset")
            .bindMap(parameters)
            .bind("limit", limit)
            .bind("offset", offset)
            .map(
                (row, context) -> {
                  keys.add(row.getLong("id"));
                  return read(handle, row);
                })
            .list();
    if (organizations.isEmpty()) {
      return organizations;
    }
    Map<Long, List<Name>> names = names(handle, keys);
    Map<Long, List<Registration>> registrations = registrations(handle, keys);
    Map<Long, List<Membership>> memberships = memberships(handle, keys);
    List<Organization> complete = new ArrayList<>();
    for (int index = 0; index < organizations.size(); index++) {
      Organization organization = organizations.get(index);
      long key = keys.get(index);
      complete.add(
          new Organization(
              organization.id(),
              organization.version(),
              organization.confidentiality(),
              organization.audit(),
              organization.name(),
              names.getOrDefault(key, List.of()),
              organization.kind(),
              organization.country(),
              registrations.getOrDefault(key, List.of()),
              memberships.getOrDefault(key, List.of()),
              organization.notes()));
    }
    return complete;
  }

  /** The other names of several organizations in one query, keyed by internal key. */
  private static Map<Long, List<Name>> names(Handle handle, List<Long> keys) {
    Map<Long, List<Name>> names = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT n.organization_id, o.public_id, n.position, n.name, n.kind, n.language"
                + " FROM organization_names n JOIN organizations o ON o.id = n.organization_id"
                + " WHERE n.organization_id IN (<keys>) ORDER BY n.organization_id, n.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              names
                  .computeIfAbsent(row.getLong("organization_id"), key -> new ArrayList<>())
                  .add(
                      new Name(
                          openChild(handle, "organization_names", row, "name"),
                          row.getString("kind"),
                          row.getString("language")));
              return null;
            })
        .list();
    return names;
  }

  /** The registrations of several organizations in one query, keyed by internal key. */
  private static Map<Long, List<Registration>> registrations(Handle handle, List<Long> keys) {
    Map<Long, List<Registration>> registrations = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT r.organization_id, o.public_id, r.position, r.authority, r.country, r.date_edtf,"
                + " r.number, r.outcome FROM organization_registrations r"
                + " JOIN organizations o ON o.id = r.organization_id WHERE r.organization_id IN (<keys>)"
                + " ORDER BY r.organization_id, r.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              registrations
                  .computeIfAbsent(row.getLong("organization_id"), key -> new ArrayList<>())
                  .add(
                      new Registration(
                          openChild(handle, "organization_registrations", row, "authority"),
                          row.getString("country"),
                          date(row, "date_edtf"),
                          openChild(handle, "organization_registrations", row, "number"),
                          row.getString("outcome")));
              return null;
            })
        .list();
    return registrations;
  }

  /** The memberships of several organizations in one query, keyed by internal key. */
  private static Map<Long, List<Membership>> memberships(Handle handle, List<Long> keys) {
    Map<Long, List<Membership>> memberships = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT m.organization_id, p.public_id, m.role, m.start_edtf, m.end_edtf"
                + " FROM organization_memberships m JOIN persons p ON p.id = m.person_id"
                + " WHERE m.organization_id IN (<keys>) ORDER BY m.organization_id, m.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              memberships
                  .computeIfAbsent(row.getLong("organization_id"), key -> new ArrayList<>())
                  .add(
                      new Membership(
                          row.getObject("public_id", UUID.class), row.getString("role"),
                          date(row, "start_edtf"), date(row, "end_edtf")));
              return null;
            })
        .list();
    return memberships;
  }

  private static Organization read(Handle handle, ResultSet row) throws SQLException {
    return new Organization(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        open(handle, row, "primary_name"),
        List.of(),
        row.getString("kind"),
        row.getString("country"),
        List.of(),
        List.of(),
        open(handle, row, "notes"));
  }

  private static PartialDate date(ResultSet row, String column) throws SQLException {
    return PartialDate.parseOptional(row.getString(column)).orElse(null);
  }

  private static String edtf(PartialDate date) {
    return date == null ? null : date.toEdtf();
  }

  private static Confidentiality confidentiality(Organization organization) {
    return Objects.requireNonNullElse(organization.confidentiality(), Confidentiality.INTERNAL);
  }

  private static Row content(Sealing sealing, Organization organization) {
    return new Row()
        .text("primary_name", sealing.text("primary_name", organization.name().trim()))
        .text("kind", organization.kind())
        .text("country", organization.country())
        .text("notes", sealing.restrictedField("notes", organization.notes()));
  }

  /**
   * A child row's text, opened if it was sealed (as it is for a restricted organization), bound to
   * the organization and the row's position.
   */
  private static String openChild(Handle handle, String table, ResultSet row, String column) throws SQLException {
    return Sealing.open(
        handle, table, row.getObject("public_id", UUID.class), column + "_" + row.getInt("position"), row.getString(column));
  }

  private static void insertParts(Handle handle, long key, UUID id, Organization organization) {
    insertNames(handle, key, Sealing.of(handle, "organization_names", id, confidentiality(organization)), organization.otherNames());
    insertRegistrations(
        handle, key, Sealing.of(handle, "organization_registrations", id, confidentiality(organization)), organization.registrations());
    insertMemberships(handle, key, organization.memberships());
  }

  private static void insertNames(Handle handle, long organizationKey, Sealing sealing, List<Name> names) {
    if (names.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO organization_names (organization_id, position, name, kind, language)"
                + " VALUES (:organization, :position, :name, :kind, :language)");
    for (int position = 0; position < names.size(); position++) {
      Name name = names.get(position);
      batch
          .bind("organization", organizationKey)
          .bind("position", position)
          .bind("name", sealing.text("name_" + position, name.name().trim()))
          .bind("kind", name.kind())
          .bindByType("language", name.language(), String.class)
          .add();
    }
    batch.execute();
  }

  private static void insertRegistrations(
      Handle handle, long organizationKey, Sealing sealing, List<Registration> registrations) {
    if (registrations.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO organization_registrations"
                + " (organization_id, position, authority, country, date_edtf, number, outcome)"
                + " VALUES (:organization, :position, :authority, :country, :date, :number,"
                + " :outcome)");
    for (int position = 0; position < registrations.size(); position++) {
      Registration registration = registrations.get(position);
      batch
          .bind("organization", organizationKey)
          .bind("position", position)
          .bind("authority", sealing.text("authority_" + position, registration.authority().trim()))
          .bindByType("country", registration.country(), String.class)
          .bindByType("date", edtf(registration.date()), String.class)
          .bindByType("number", sealing.text("number_" + position, registration.number()), String.class)
          .bind("outcome", registration.outcome())
          .add();
    }
    batch.execute();
  }

  /**
   * Writes the memberships, resolving each person's public id in the same statement.
   *
   * @throws NoSuchRecord if a membership names a person that does not exist
   */
  private static void insertMemberships(
      Handle handle, long organizationKey, List<Membership> memberships) {
    if (memberships.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO organization_memberships"
                + " (organization_id, position, person_id, role, start_edtf, end_edtf)"
                + " SELECT :organization, :position, id, :role, :start, :end FROM persons"
                + " WHERE public_id = :person");
    for (int position = 0; position < memberships.size(); position++) {
      Membership membership = memberships.get(position);
      batch
          .bind("organization", organizationKey)
          .bind("position", position)
          .bind("role", membership.role())
          .bindByType("start", edtf(membership.start()), String.class)
          .bindByType("end", edtf(membership.end()), String.class)
          .bind("person", membership.person())
          .add();
    }
    int[] inserted = batch.execute();
    for (int position = 0; position < inserted.length; position++) {
      if (inserted[position] == 0) {
        throw new NoSuchRecord(PersonStore.KIND, memberships.get(position).person());
      }
    }
  }

  /** Whether a live person with this public id exists. */
  static boolean livePersonExists(Handle handle, UUID personId) {
    return handle
            .createQuery("SELECT COUNT(*) FROM persons WHERE public_id = :id AND voided_at IS NULL")
            .bind("id", personId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }


  /** A text column of the row, opened if it was sealed. */
  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
