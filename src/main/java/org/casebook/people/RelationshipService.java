package org.casebook.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.ReadAudit;
import org.casebook.access.RestrictedFields;
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Relationships between people: validation, storage, and each operation as one transaction. */
public final class RelationshipService {
  public static final String TABLE = "relationships";
  public static final String KIND = "relationship";

  private final Jdbi jdbi;
  private final Vocabularies vocabularies;
  private final Clock clock;

  public RelationshipService(Jdbi jdbi, Vocabularies vocabularies, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.clock = clock;
  }

  /** A relationship the caller may see. Needs {@link Permission#READ_RECORDS}. */
  public Relationship get(Caller caller, UUID id) {
    caller.require(Permission.READ_RECORDS);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireVisible(handle, caller, TABLE, KIND, id);
          Relationship record = get(handle, id);
          ReadAudit.restricted(handle, caller, clock, TABLE, List.of(record));
          return RestrictedFields.show(handle, caller, TABLE, record, Relationship::withheld);
        });
  }

  /** A relationship, whoever may see it: for code that has checked access already. */
  public Relationship get(Handle handle, UUID id) {
    return select(handle, "WHERE r.public_id = :id", Map.of("id", id), 1, 0).stream()
        .findFirst()
        .orElseThrow(() -> new NoSuchRecord(KIND, id));
  }

  /**
   * A page of the relationships the caller may see, optionally those in which {@code personId}
   * takes either side. Needs {@link Permission#READ_RECORDS}.
   */
  public Page<Relationship> list(Caller caller, UUID personId, boolean includeVoided, PageRequest page) {
    caller.require(Permission.READ_RECORDS);
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where =
        "WHERE " + new Visibility(caller).condition(TABLE, "r", parameters)
            + (includeVoided ? "" : " AND r.voided_at IS NULL");
    if (personId != null) {
      where += " AND (a.public_id = :person OR b.public_id = :person)";
      parameters.put("person", personId);
    }
    String filter = where;
    return jdbi.inTransaction(
        handle -> {
          long total =
              handle
                  .createQuery(
                      "SELECT COUNT(*) FROM relationships r JOIN persons a ON a.id = r.person_id"
                          + " JOIN persons b ON b.id = r.other_person_id "
                          + filter)
                  .bindMap(parameters)
                  .mapTo(Long.class)
                  .one();
          List<Relationship> items = select(handle, filter + " ORDER BY r.id", parameters, page.size(), page.offset());
          ReadAudit.restricted(handle, caller, clock, TABLE, items);
          items = RestrictedFields.show(handle, caller, TABLE, items, Relationship::withheld);
          return page.of(items, total);
        });
  }

  /**
   * The live relationships the caller may see between two persons of the case file {@code caseId},
   * in the order they were recorded: what its case page shows. Needs {@link Permission#READ_RECORDS}.
   */
  public List<Relationship> ofCase(Caller caller, UUID caseId) {
    caller.require(Permission.READ_RECORDS);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("case_id", caseId);
    String where =
        "WHERE " + new Visibility(caller).condition(TABLE, "r", parameters) + " AND r.voided_at IS NULL"
            + " AND EXISTS (SELECT 1 FROM case_persons ca JOIN case_files c ON c.id = ca.case_id"
            + " WHERE ca.person_id = r.person_id AND c.public_id = :case_id)"
            + " AND EXISTS (SELECT 1 FROM case_persons cb JOIN case_files c ON c.id = cb.case_id"
            + " WHERE cb.person_id = r.other_person_id AND c.public_id = :case_id)"
            + " ORDER BY r.id";
    return jdbi.inTransaction(
        handle -> {
          List<Relationship> items = select(handle, where, parameters, Page.MAX_SIZE, 0);
          ReadAudit.restricted(handle, caller, clock, TABLE, items);
          return RestrictedFields.show(handle, caller, TABLE, items, Relationship::withheld);
        });
  }

  /** The relationships in which any of the given persons takes part, for a case export. */
  public List<Relationship> involving(Handle handle, List<UUID> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return select(
        handle,
        "WHERE r.voided_at IS NULL AND a.public_id IN (<persons>) AND b.public_id IN (<persons>)"
            + " ORDER BY r.id",
        Map.of(),
        Integer.MAX_VALUE,
        0,
        personIds);
  }

  /** Creates a relationship between two persons the caller may see. Needs {@link Permission#WRITE_RECORDS}. */
  public Relationship create(Caller caller, Relationship relationship) {
    caller.require(Permission.WRITE_RECORDS);
    check(relationship, "").throwIfAny();
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          requirePersonsVisible(handle, caller, relationship);
          insert(handle, id, null, relationship, caller.actor());
          return RestrictedFields.show(handle, caller, TABLE, get(handle, id), Relationship::withheld);
        });
  }

  /**
   * Updates a relationship the caller may see. A caller without the restricted grant cannot change
   * the notes: the stored ones are kept, and the relationship is checked as it will be stored.
   * Needs {@link Permission#WRITE_RECORDS}.
   */
  public Relationship update(Caller caller, UUID id, Relationship relationship) {
    caller.require(Permission.WRITE_RECORDS);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, TABLE, KIND, id);
          Relationship changed =
              RestrictedFields.granted(handle, caller, TABLE, id)
                  ? relationship
                  : relationship.keepingRestrictedOf(get(handle, id));
          Checks checks = check(changed, "");
          checks.required("version", changed.version());
          checks.throwIfAny();
          requirePersonsVisible(handle, caller, changed);
          RecordRows.update(
              handle, TABLE, KIND, id, changed.version(), changed.confidentiality(),
              caller.actor(), clock.instant(), content(handle, id, changed));
          return RestrictedFields.show(handle, caller, TABLE, get(handle, id), Relationship::withheld);
        });
  }

  /** Voids a relationship the caller may see. Needs {@link Permission#WRITE_RECORDS}. */
  public Relationship voidRelationship(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, TABLE, KIND, id);
          RecordRows.voidRecord(handle, TABLE, KIND, id, request.version(), request.reason(), caller.actor(), clock.instant());
          return RestrictedFields.show(handle, caller, TABLE, get(handle, id), Relationship::withheld);
        });
  }

  private static void requirePersonsVisible(Handle handle, Caller caller, Relationship relationship) {
    Guard.requireVisible(handle, caller, PersonStore.TABLE, PersonStore.KIND, relationship.person());
    Guard.requireVisible(handle, caller, PersonStore.TABLE, PersonStore.KIND, relationship.other());
  }

  /** Inserts or updates inside an import's transaction. */
  public void save(Handle handle, UUID id, String importKey, Relationship relationship, Actor actor) {
    Optional<UUID> existing = RecordRows.byImportKey(handle, TABLE, importKey);
    if (existing.isEmpty()) {
      insert(handle, id, importKey, relationship, actor);
      return;
    }
    UUID current = existing.get();
    int version = RecordRows.currentVersion(handle, TABLE, KIND, current);
    RecordRows.update(
        handle, TABLE, KIND, current, version, relationship.confidentiality(), actor,
        clock.instant(), content(handle, current, relationship));
  }

  private void insert(Handle handle, UUID id, String importKey, Relationship relationship, Actor actor) {
    RecordRows.insert(
        handle, TABLE, id, importKey, relationship.confidentiality(), actor, clock.instant(),
        content(handle, id, relationship));
  }

  public Checks check(Relationship relationship, String prefix) {
    Checks checks = new Checks();
    checks.required(prefix + "person", relationship.person());
    checks.required(prefix + "type", relationship.type());
    checks.required(prefix + "other", relationship.other());
    vocabularies.check(checks, prefix + "type", Vocabularies.RELATIONSHIP_TYPE, relationship.type());
    if (relationship.person() != null && relationship.person().equals(relationship.other())) {
      checks.add(prefix + "other", "is the same person as person; a relationship needs two people");
    }
    PartialDate start = relationship.start();
    PartialDate end = relationship.end();
    if (start != null && end != null && start.earliest().isPresent() && end.latest().isPresent()
        && end.latest().get().isBefore(start.earliest().get())) {
      checks.add(prefix + "end", "ends (" + end.toEdtf() + ") before it starts (" + start.toEdtf() + ")");
    }
    checks.optionalText(prefix + "notes", relationship.notes(), 100_000);
    checks.notRedactionMark(prefix + "notes", relationship.notes());
    return checks;
  }

  private static Row content(Handle handle, UUID id, Relationship relationship) {
    return new Row()
        .reference("person_id", RecordRows.liveId(handle, PersonStore.TABLE, PersonStore.KIND, relationship.person()))
        .text("type", relationship.type())
        .reference("other_person_id", RecordRows.liveId(handle, PersonStore.TABLE, PersonStore.KIND, relationship.other()))
        .text("start_edtf", edtf(relationship.start()))
        .text("end_edtf", edtf(relationship.end()))
        .text("notes", Sealing.of(handle, TABLE, id, relationship.confidentiality()).restrictedField("notes", relationship.notes()));
  }

  private static String edtf(PartialDate date) {
    return date == null ? null : date.toEdtf();
  }

  private static List<Relationship> select(
      Handle handle, String where, Map<String, Object> parameters, int limit, long offset) {
    return select(handle, where, parameters, limit, offset, null);
  }

  private static List<Relationship> select(
      Handle handle, String where, Map<String, Object> parameters, int limit, long offset, List<UUID> persons) {
    var query =
        handle
            .createQuery(
                "SELECT "
                    + RecordRows.headerColumns("r")
                    + ", a.public_id AS person, r.type, b.public_id AS other, r.start_edtf,"
                    + " r.end_edtf, r.notes FROM relationships r"
                    + " JOIN persons a ON a.id = r.person_id"
                    + " JOIN persons b ON b.id = r.other_person_id "
                    + where
                    + " LIMIT :limit OFFSET :offset")
            .bindMap(parameters)
            .bind("limit", limit)
            .bind("offset", offset);
    if (persons != null) {
      query.bindList("persons", persons);
    }
    return query.map((row, context) -> read(handle, row)).list();
  }

  private static Relationship read(Handle handle, ResultSet row) throws SQLException {
    return new Relationship(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        row.getObject("person", UUID.class),
        row.getString("type"),
        row.getObject("other", UUID.class),
        PartialDate.parseOptional(row.getString("start_edtf")).orElse(null),
        PartialDate.parseOptional(row.getString("end_edtf")).orElse(null),
        Sealing.open(handle, TABLE, RecordRows.publicId(row), "notes", row.getString("notes")));
  }
}
