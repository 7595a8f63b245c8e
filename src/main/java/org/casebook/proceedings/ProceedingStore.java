package org.casebook.proceedings;

import org.casebook.access.Visibility;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebook.cases.CaseStore;
import org.casebook.catalogue.CatalogueService;
import org.casebook.common.Actor;
import org.casebook.common.PageRequest;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;

/**
 * SQL for proceedings and their charges, parties and status history. Every method runs in the
 * caller's transaction. Proceedings are listed by the date of their first status (those without a
 * history last), then in the order they were recorded.
 */
public final class ProceedingStore {
  public static final String TABLE = "proceedings";
  public static final String KIND = "proceeding";

  private static final String BY_FIRST_STATUS =
      " ORDER BY (SELECT s.date_sort FROM proceeding_status_changes s"
          + " WHERE s.proceeding_id = p.id AND s.position = 0), p.id";

  private final ProceedingChildren children;

  public ProceedingStore(CatalogueService catalogue) {
    this.children = new ProceedingChildren(catalogue);
  }

  /**
   * The filters of the proceeding list; null fields do not filter. {@code status} matches the
   * current status: that of the last entry of the history.
   */
  public record Filter(UUID caseId, String kind, String status, boolean includeVoided) {}

  public long insert(
      Handle handle, UUID id, String importKey, Proceeding proceeding, Actor actor, Instant now) {
    long key =
        RecordRows.insert(
            handle,
            TABLE,
            id,
            importKey,
            proceeding.confidentiality(),
            actor,
            now,
            content(handle, Sealing.of(handle, TABLE, id, proceeding.confidentiality()), proceeding));
    children.insert(handle, key, id, proceeding);
    return key;
  }

  /** Updates a proceeding under the optimistic version check and replaces its child rows. */
  public long update(Handle handle, UUID id, Proceeding proceeding, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle,
            TABLE,
            KIND,
            id,
            proceeding.version(),
            proceeding.confidentiality(),
            actor,
            now,
            content(handle, Sealing.of(handle, TABLE, id, proceeding.confidentiality()), proceeding));
    children.delete(handle, key);
    children.insert(handle, key, id, proceeding);
    return key;
  }

  public Optional<Proceeding> find(Handle handle, UUID id) {
    return select(handle, "WHERE p.public_id = :id", Map.of("id", id), PageRequest.first()).stream()
        .findFirst();
  }

  public List<Proceeding> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return select(handle, where(filter, visibility, parameters) + BY_FIRST_STATUS, parameters, page);
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM proceedings p JOIN case_files c ON c.id = p.case_id "
                + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  /** Every live proceeding of a case file, in list order. */
  public List<Proceeding> forCase(Handle handle, UUID caseId) {
    return select(
        handle,
        "WHERE c.public_id = :case_id AND p.voided_at IS NULL" + BY_FIRST_STATUS,
        Map.of("case_id", caseId),
        null);
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "p", parameters));
    if (!filter.includeVoided()) {
      conditions.add("p.voided_at IS NULL");
    }
    if (filter.caseId() != null) {
      conditions.add("c.public_id = :case_id");
      parameters.put("case_id", filter.caseId());
    }
    if (filter.kind() != null && !filter.kind().isBlank()) {
      conditions.add("p.kind = :kind");
      parameters.put("kind", filter.kind().trim());
    }
    if (filter.status() != null && !filter.status().isBlank()) {
      conditions.add(
          "EXISTS (SELECT 1 FROM proceeding_status_changes s WHERE s.proceeding_id = p.id"
              + " AND s.status = :status AND s.position = (SELECT MAX(m.position)"
              + " FROM proceeding_status_changes m WHERE m.proceeding_id = p.id))");
      parameters.put("status", filter.status().trim());
    }
    return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
  }

  /** Proceedings and their children: one query for the proceedings, one per child table. */
  private List<Proceeding> select(
      Handle handle, String where, Map<String, Object> parameters, PageRequest page) {
    List<Long> keys = new ArrayList<>();
    var query =
        handle
            .createQuery(
                "SELECT p.id, "
                    + RecordRows.headerColumns("p")
                    + ", c.public_id AS case_public_id,"
                    + " p.kind, p.title, p.authority, p.jurisdiction, p.number, p.outcome_summary,"
                    + " p.fine_amount, p.fine_currency, p.notes FROM proceedings p"
                    + " JOIN case_files c ON c.id = p.case_id "
                    + where
                    + (page == null ? "" : " LIMIT :limit OFFSET :offset"))
            .bindMap(parameters);
    if (page != null) {
      query.bind("limit", page.size()).bind("offset", page.offset());
    }
    List<Proceeding> proceedings =
        query
            .map(
                (row, context) -> {
                  keys.add(row.getLong("id"));
                  return read(handle, row);
                })
            .list();
    if (proceedings.isEmpty()) {
      return proceedings;
    }
    ProceedingChildren.Loaded loaded = children.load(handle, keys);
    List<Proceeding> complete = new ArrayList<>();
    for (int index = 0; index < proceedings.size(); index++) {
      complete.add(loaded.complete(keys.get(index), proceedings.get(index)));
    }
    return complete;
  }

  private static Proceeding read(Handle handle, ResultSet row) throws SQLException {
    return new Proceeding(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        row.getObject("case_public_id", UUID.class),
        row.getString("kind"),
        open(handle, row, "title"),
        open(handle, row, "authority"),
        row.getString("jurisdiction"),
        open(handle, row, "number"),
        List.of(),
        List.of(),
        List.of(),
        outcome(handle, row),
        open(handle, row, "notes"));
  }

  private static Outcome outcome(Handle handle, ResultSet row) throws SQLException {
    String summary = open(handle, row, "outcome_summary");
    BigDecimal amount = row.getBigDecimal("fine_amount");
    if (summary == null && amount == null) {
      return null;
    }
    return new Outcome(
        summary, amount == null ? null : new Outcome.Fine(amount, row.getString("fine_currency")));
  }

  private static Row content(Handle handle, Sealing sealing, Proceeding proceeding) {
    Outcome outcome = proceeding.outcome();
    Outcome.Fine fine = outcome == null ? null : outcome.fine();
    return new Row()
        .reference(
            "case_id",
            RecordRows.liveId(handle, CaseStore.TABLE, CaseStore.KIND, proceeding.caseId()))
        .text("kind", proceeding.kind())
        .text("title", sealing.text("title", proceeding.title().trim()))
        .text("authority", sealing.text("authority", proceeding.authority()))
        .text("jurisdiction", proceeding.jurisdiction())
        .text("number", sealing.text("number", proceeding.number()))
        .text("outcome_summary", sealing.text("outcome_summary", outcome == null ? null : outcome.summary()))
        .decimal("fine_amount", fine == null ? null : fine.amount())
        .text("fine_currency", fine == null ? null : fine.currency())
        .text("notes", sealing.restrictedField("notes", proceeding.notes()));
  }


  /** A text column of the row, opened if it was sealed. */
  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
