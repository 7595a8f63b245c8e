package org.casebook.communications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.PageRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for claims, their sources and the replies' responses, in the order of the claims within
 * their communication. Every method runs in the caller's transaction.
 */
public final class ClaimStore {
  public static final String TABLE = "claims";
  public static final String KIND = "claim";

  private static final String ORDER = " ORDER BY m.id, x.sort_order, x.id";

  /** The filters of the claim list; null fields do not filter. */
  public record Filter(UUID communication, boolean includeVoided) {}

  public long insert(Handle handle, UUID id, String importKey, Claim claim, Actor actor, Instant now) {
    long key =
        RecordRows.insert(
            handle, TABLE, id, importKey, claim.confidentiality(), actor, now,
            content(handle, Sealing.of(handle, TABLE, id, claim.confidentiality()), claim));
    insertChildren(handle, key, Sealing.of(handle, "claim_responses", id, claim.confidentiality()), claim);
    return key;
  }

  public long update(Handle handle, UUID id, Claim claim, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle, TABLE, KIND, id, claim.version(), claim.confidentiality(), actor, now,
            content(handle, Sealing.of(handle, TABLE, id, claim.confidentiality()), claim));
    handle.execute("DELETE FROM claim_response_sources WHERE claim_id = ?", key);
    handle.execute("DELETE FROM claim_responses WHERE claim_id = ?", key);
    handle.execute("DELETE FROM claim_sources WHERE claim_id = ?", key);
    insertChildren(handle, key, Sealing.of(handle, "claim_responses", id, claim.confidentiality()), claim);
    return key;
  }

  /** The order after the last live claim of a communication. */
  public int nextOrder(Handle handle, UUID communication) {
    return handle
        .createQuery(
            "SELECT COALESCE(MAX(x.sort_order), 0) + 1 FROM claims x JOIN communications m ON m.id = x.communication_id"
                + " WHERE m.public_id = :communication AND x.voided_at IS NULL")
        .bind("communication", communication)
        .mapTo(Integer.class)
        .one();
  }

  public Optional<Claim> find(Handle handle, UUID id) {
    return select(handle, "WHERE x.public_id = :id", Map.of("id", id), null).stream().findFirst();
  }

  public List<Claim> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return select(handle, where(filter, visibility, parameters) + ORDER, parameters, page);
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery("SELECT COUNT(*) FROM claims x JOIN communications m ON m.id = x.communication_id "
            + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "x", parameters));
    if (!filter.includeVoided()) {
      conditions.add("x.voided_at IS NULL");
    }
    if (filter.communication() != null) {
      conditions.add("m.public_id = :communication");
      parameters.put("communication", filter.communication());
    }
    return "WHERE " + String.join(" AND ", conditions);
  }

  private List<Claim> select(Handle handle, String where, Map<String, Object> parameters, PageRequest page) {
    List<Long> keys = new ArrayList<>();
    var query =
        handle
            .createQuery(
                "SELECT x.id, " + RecordRows.headerColumns("x") + ", m.public_id AS communication_public_id,"
                    + " x.sort_order, x.claim_text, x.date_edtf, x.quote, x.notes"
                    + " FROM claims x JOIN communications m ON m.id = x.communication_id "
                    + where
                    + (page == null ? "" : " LIMIT :limit OFFSET :offset"))
            .bindMap(parameters);
    if (page != null) {
      query.bind("limit", page.size()).bind("offset", page.offset());
    }
    List<Claim> found =
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
    Map<Long, List<UUID>> sources = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT c.claim_id, s.public_id FROM claim_sources c JOIN sources s ON s.id = c.source_id"
                + " WHERE c.claim_id IN (<keys>) ORDER BY c.claim_id, c.position")
        .bindList("keys", keys)
        .map((row, context) -> sources.computeIfAbsent(row.getLong("claim_id"), ignored -> new ArrayList<>())
            .add(row.getObject("public_id", UUID.class)))
        .list();
    Map<String, List<UUID>> responseSources = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT c.claim_id, c.response_position, s.public_id FROM claim_response_sources c"
                + " JOIN sources s ON s.id = c.source_id WHERE c.claim_id IN (<keys>)"
                + " ORDER BY c.claim_id, c.response_position, c.position")
        .bindList("keys", keys)
        .map((row, context) -> responseSources
            .computeIfAbsent(row.getLong("claim_id") + "/" + row.getInt("response_position"), ignored -> new ArrayList<>())
            .add(row.getObject("public_id", UUID.class)))
        .list();
    Map<Long, List<ClaimResponse>> responses = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT c.claim_id, x.public_id AS claim, c.position, r.public_id AS reply, c.stance, c.quote"
                + " FROM claim_responses c JOIN claims x ON x.id = c.claim_id JOIN replies r ON r.id = c.reply_id"
                + " WHERE c.claim_id IN (<keys>) ORDER BY c.claim_id, c.position")
        .bindList("keys", keys)
        .map((row, context) -> responses.computeIfAbsent(row.getLong("claim_id"), ignored -> new ArrayList<>())
            .add(new ClaimResponse(
                row.getObject("reply", UUID.class),
                Stance.parse(row.getString("stance"), "stance"),
                Sealing.open(handle, "claim_responses", row.getObject("claim", UUID.class), "quote_" + row.getInt("position"),
                    row.getString("quote")),
                responseSources.getOrDefault(row.getLong("claim_id") + "/" + row.getInt("position"), List.of()))))
        .list();
    List<Claim> complete = new ArrayList<>();
    for (int index = 0; index < found.size(); index++) {
      Claim claim = found.get(index);
      long key = keys.get(index);
      complete.add(new Claim(
          claim.id(), claim.version(), claim.confidentiality(), claim.audit(), claim.communication(), claim.order(),
          claim.text(), claim.date(), claim.quote(), sources.getOrDefault(key, List.of()),
          responses.getOrDefault(key, List.of()), claim.notes()));
    }
    return complete;
  }

  private static Claim read(Handle handle, ResultSet row) throws SQLException {
    String date = row.getString("date_edtf");
    return new Claim(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        row.getObject("communication_public_id", UUID.class),
        row.getInt("sort_order"),
        open(handle, row, "claim_text"),
        date == null ? null : PartialDate.parse(date),
        open(handle, row, "quote"),
        List.of(),
        List.of(),
        open(handle, row, "notes"));
  }

  private static Row content(Handle handle, Sealing sealing, Claim claim) {
    PartialDate date = claim.date();
    return new Row()
        .reference(
            "communication_id",
            RecordRows.liveId(handle, CommunicationStore.TABLE, CommunicationStore.KIND, claim.communication()))
        .integer("sort_order", claim.order())
        .text("claim_text", sealing.text("claim_text", claim.text().trim()))
        .text("date_edtf", date == null ? null : date.toEdtf())
        .text("date_sort", date == null ? null : date.sortKey())
        .text("quote", sealing.text("quote", claim.quote()))
        .text("notes", claim.notes() == null ? null : sealing.restrictedField("notes", claim.notes()));
  }

  private static void insertChildren(Handle handle, long key, Sealing responseSealing, Claim claim) {
    if (!claim.sources().isEmpty()) {
      PreparedBatch batch =
          handle.prepareBatch(
              "INSERT INTO claim_sources (claim_id, position, source_id) VALUES (:key, :position,"
                  + " (SELECT id FROM sources WHERE public_id = :source))");
      for (int position = 0; position < claim.sources().size(); position++) {
        batch.bind("key", key).bind("position", position).bind("source", claim.sources().get(position)).add();
      }
      batch.execute();
    }
    for (int position = 0; position < claim.responses().size(); position++) {
      ClaimResponse response = claim.responses().get(position);
      handle
          .createUpdate(
              "INSERT INTO claim_responses (claim_id, position, reply_id, stance, quote) VALUES (:key, :position,"
                  + " (SELECT id FROM replies WHERE public_id = :reply), :stance, :quote)")
          .bind("key", key)
          .bind("position", position)
          .bind("reply", response.reply())
          .bind("stance", response.stance().code())
          .bindByType("quote", responseSealing.text("quote_" + position, response.quote()), String.class)
          .execute();
      if (!response.sources().isEmpty()) {
        PreparedBatch batch =
            handle.prepareBatch(
                "INSERT INTO claim_response_sources (claim_id, response_position, position, source_id) VALUES"
                    + " (:key, :response, :position, (SELECT id FROM sources WHERE public_id = :source))");
        for (int index = 0; index < response.sources().size(); index++) {
          batch.bind("key", key).bind("response", position).bind("position", index)
              .bind("source", response.sources().get(index)).add();
        }
        batch.execute();
      }
    }
  }

  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
