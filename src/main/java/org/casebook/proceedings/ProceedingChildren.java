package org.casebook.proceedings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.catalogue.CatalogueService;
import org.casebook.catalogue.Citation;
import org.casebook.catalogue.ResolvedCharge;
import org.casebook.dates.PartialDate;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The child rows of proceedings (charges, parties, status history and its sources), written in list
 * order and read for a whole page of proceedings at once: one query per child table, never one per
 * proceeding.
 */
final class ProceedingChildren {
  private final CatalogueService catalogue;

  ProceedingChildren(CatalogueService catalogue) {
    this.catalogue = catalogue;
  }

  /** The children of a page of proceedings, keyed by internal proceeding key. */
  static final class Loaded {
    private final Map<Long, List<Charge>> charges = new LinkedHashMap<>();
    private final Map<Long, List<Party>> parties = new LinkedHashMap<>();
    private final Map<Long, List<StatusChange>> history = new LinkedHashMap<>();

    /** The proceeding with its children filled in. */
    Proceeding complete(long key, Proceeding proceeding) {
      return new Proceeding(
          proceeding.id(),
          proceeding.version(),
          proceeding.confidentiality(),
          proceeding.audit(),
          proceeding.caseId(),
          proceeding.kind(),
          proceeding.title(),
          proceeding.authority(),
          proceeding.jurisdiction(),
          proceeding.number(),
          charges.getOrDefault(key, List.of()),
          parties.getOrDefault(key, List.of()),
          history.getOrDefault(key, List.of()),
          proceeding.outcome(),
          proceeding.notes());
    }
  }

  private record Position(long proceedingKey, int position) {}

  Loaded load(Handle handle, List<Long> keys) {
    Loaded loaded = new Loaded();
    loadCharges(handle, keys, loaded);
    loadParties(handle, keys, loaded);
    loadHistory(handle, keys, loaded);
    return loaded;
  }

  /**
   * Charges with the article's title and the maximum penalty of the part when the catalogue lists
   * the part, else of the article.
   */
  private static void loadCharges(Handle handle, List<Long> keys, Loaded loaded) {
    handle
        .createQuery(
            "SELECT pc.proceeding_id, a.code, a.article, pc.part, pc.clause, a.title_en,"
                + " CASE WHEN pp.id IS NULL THEN a.max_penalty_years ELSE pp.max_penalty_years END"
                + " AS max_penalty_years FROM proceeding_charges pc"
                + " JOIN provisions a ON a.id = pc.provision_id"
                + " LEFT JOIN provisions pp ON pp.code = a.code AND pp.article = a.article"
                + " AND pp.part = pc.part"
                + " WHERE pc.proceeding_id IN (<keys>) ORDER BY pc.proceeding_id, pc.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              Citation citation =
                  new Citation(
                      row.getString("code"),
                      row.getString("article"),
                      row.getString("part"),
                      row.getString("clause"));
              return loaded
                  .charges
                  .computeIfAbsent(row.getLong("proceeding_id"), key -> new ArrayList<>())
                  .add(
                      new Charge(
                          citation.toString(),
                          row.getString("title_en"),
                          row.getBigDecimal("max_penalty_years")));
            })
        .list();
  }

  private static void loadParties(Handle handle, List<Long> keys, Loaded loaded) {
    handle
        .createQuery(
            "SELECT pp.proceeding_id, pr.public_id AS proceeding, pp.position, p.public_id AS person,"
                + " o.public_id AS organization, pp.name, pp.role FROM proceeding_parties pp"
                + " JOIN proceedings pr ON pr.id = pp.proceeding_id"
                + " LEFT JOIN persons p ON p.id = pp.person_id"
                + " LEFT JOIN organizations o ON o.id = pp.organization_id"
                + " WHERE pp.proceeding_id IN (<keys>) ORDER BY pp.proceeding_id, pp.position")
        .bindList("keys", keys)
        .map(
            (row, context) ->
                loaded
                    .parties
                    .computeIfAbsent(row.getLong("proceeding_id"), key -> new ArrayList<>())
                    .add(
                        new Party(
                            row.getObject("person", UUID.class),
                            row.getObject("organization", UUID.class),
                            open(handle, "proceeding_parties", row, "name"),
                            row.getString("role"))))
        .list();
  }

  private static void loadHistory(Handle handle, List<Long> keys, Loaded loaded) {
    Map<Position, List<UUID>> sources = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT ss.proceeding_id, ss.change_position, s.public_id FROM"
                + " proceeding_status_sources ss JOIN sources s ON s.id = ss.source_id WHERE"
                + " ss.proceeding_id IN (<keys>) ORDER BY ss.proceeding_id, ss.change_position,"
                + " ss.position")
        .bindList("keys", keys)
        .map(
            (row, context) ->
                sources
                    .computeIfAbsent(
                        new Position(row.getLong("proceeding_id"), row.getInt("change_position")),
                        position -> new ArrayList<>())
                    .add(row.getObject("public_id", UUID.class)))
        .list();
    handle
        .createQuery(
            "SELECT sc.proceeding_id, pr.public_id AS proceeding, sc.position, sc.date_edtf, sc.status,"
                + " sc.note FROM proceeding_status_changes sc JOIN proceedings pr ON pr.id = sc.proceeding_id"
                + " WHERE sc.proceeding_id IN (<keys>) ORDER BY sc.proceeding_id, sc.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              long key = row.getLong("proceeding_id");
              return loaded
                  .history
                  .computeIfAbsent(key, proceeding -> new ArrayList<>())
                  .add(
                      new StatusChange(
                          PartialDate.parse(row.getString("date_edtf")),
                          row.getString("status"),
                          open(handle, "proceeding_status_changes", row, "note"),
                          sources.getOrDefault(
                              new Position(key, row.getInt("position")), List.of())));
            })
        .list();
  }

  /**
   * Writes the child rows; the free-text names of parties and the notes on status changes are
   * sealed for a restricted proceeding, bound to the proceeding and the row's position.
   */
  void insert(Handle handle, long key, UUID id, Proceeding proceeding) {
    insertCharges(handle, key, proceeding.charges());
    insertParties(handle, key, Sealing.of(handle, "proceeding_parties", id, proceeding.confidentiality()), proceeding.parties());
    insertHistory(
        handle, key, Sealing.of(handle, "proceeding_status_changes", id, proceeding.confidentiality()), proceeding.history());
  }

  private static String open(Handle handle, String table, java.sql.ResultSet row, String column)
      throws java.sql.SQLException {
    return Sealing.open(
        handle, table, row.getObject("proceeding", UUID.class), column + "_" + row.getInt("position"), row.getString(column));
  }

  void delete(Handle handle, long key) {
    handle.execute("DELETE FROM proceeding_charges WHERE proceeding_id = ?", key);
    handle.execute("DELETE FROM proceeding_parties WHERE proceeding_id = ?", key);
    handle.execute("DELETE FROM proceeding_status_sources WHERE proceeding_id = ?", key);
    handle.execute("DELETE FROM proceeding_status_changes WHERE proceeding_id = ?", key);
  }

  private void insertCharges(Handle handle, long key, List<Charge> charges) {
    if (charges.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO proceeding_charges (proceeding_id, position, provision_id, part, clause)"
                + " VALUES (:proceeding, :position, :provision, :part, :clause)");
    for (int position = 0; position < charges.size(); position++) {
      String field = "charges[" + position + "]";
      ResolvedCharge resolved =
          catalogue.resolve(handle, Citation.parse(charges.get(position).citation(), field), field);
      batch
          .bind("proceeding", key)
          .bind("position", position)
          .bind("provision", resolved.provisionKey())
          .bindByType("part", resolved.citation().part(), String.class)
          .bindByType("clause", resolved.citation().clause(), String.class)
          .add();
    }
    batch.execute();
  }

  private static void insertParties(Handle handle, long key, Sealing sealing, List<Party> parties) {
    if (parties.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO proceeding_parties (proceeding_id, position, person_id, organization_id,"
                + " name, role) VALUES (:proceeding, :position, (SELECT id FROM persons WHERE"
                + " public_id = CAST(:person AS UUID)), (SELECT id FROM organizations WHERE"
                + " public_id = CAST(:organization AS UUID)), :name, :role)");
    for (int position = 0; position < parties.size(); position++) {
      Party party = parties.get(position);
      batch
          .bind("proceeding", key)
          .bind("position", position)
          .bindByType("person", party.person(), UUID.class)
          .bindByType("organization", party.organization(), UUID.class)
          .bindByType("name", sealing.text("name_" + position, trimmed(party.name())), String.class)
          .bind("role", party.role())
          .add();
    }
    batch.execute();
  }

  private static void insertHistory(Handle handle, long key, Sealing sealing, List<StatusChange> history) {
    if (history.isEmpty()) {
      return;
    }
    PreparedBatch changes =
        handle.prepareBatch(
            "INSERT INTO proceeding_status_changes (proceeding_id, position, date_edtf, date_sort,"
                + " date_from, date_to, status, note) VALUES (:proceeding, :position, :edtf, :sort,"
                + " :from, :to, :status, :note)");
    PreparedBatch sources =
        handle.prepareBatch(
            "INSERT INTO proceeding_status_sources (proceeding_id, change_position, position,"
                + " source_id) VALUES (:proceeding, :change, :position,"
                + " (SELECT id FROM sources WHERE public_id = :source))");
    for (int position = 0; position < history.size(); position++) {
      StatusChange change = history.get(position);
      changes
          .bind("proceeding", key)
          .bind("position", position)
          .bind("edtf", change.date().toEdtf())
          .bind("sort", change.date().sortKey())
          .bindByType("from", change.date().earliest().orElse(null), LocalDate.class)
          .bindByType("to", change.date().latest().orElse(null), LocalDate.class)
          .bind("status", change.status())
          .bindByType("note", sealing.text("note_" + position, change.note()), String.class)
          .add();
      for (int sourcePosition = 0; sourcePosition < change.sources().size(); sourcePosition++) {
        sources
            .bind("proceeding", key)
            .bind("change", position)
            .bind("position", sourcePosition)
            .bind("source", change.sources().get(sourcePosition))
            .add();
      }
    }
    changes.execute();
    if (sources.size() > 0) {
      sources.execute();
    }
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
