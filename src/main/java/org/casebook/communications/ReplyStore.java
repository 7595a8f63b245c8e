package org.casebook.communications;

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
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.PageRequest;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for replies and their documents, in the order they came. Every method runs in the caller's transaction. */
public final class ReplyStore {
  public static final String TABLE = "replies";
  public static final String KIND = "reply";

  private static final String ORDER = " ORDER BY r.received_on, r.id";

  /** The filters of the reply list; null fields do not filter. */
  public record Filter(UUID communication, boolean includeVoided) {}

  public long insert(Handle handle, UUID id, String importKey, Reply reply, Actor actor, Instant now) {
    long key =
        RecordRows.insert(
            handle, TABLE, id, importKey, reply.confidentiality(), actor, now,
            content(handle, Sealing.of(handle, TABLE, id, reply.confidentiality()), reply));
    insertDocuments(handle, key, reply.documents());
    return key;
  }

  public long update(Handle handle, UUID id, Reply reply, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle, TABLE, KIND, id, reply.version(), reply.confidentiality(), actor, now,
            content(handle, Sealing.of(handle, TABLE, id, reply.confidentiality()), reply));
    handle.execute("DELETE FROM reply_documents WHERE reply_id = ?", key);
    insertDocuments(handle, key, reply.documents());
    return key;
  }

  public Optional<Reply> find(Handle handle, UUID id) {
    return select(handle, "WHERE r.public_id = :id", Map.of("id", id), null).stream().findFirst();
  }

  public List<Reply> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return select(handle, where(filter, visibility, parameters) + ORDER, parameters, page);
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery("SELECT COUNT(*) FROM replies r JOIN communications m ON m.id = r.communication_id "
            + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "r", parameters));
    if (!filter.includeVoided()) {
      conditions.add("r.voided_at IS NULL");
    }
    if (filter.communication() != null) {
      conditions.add("m.public_id = :communication");
      parameters.put("communication", filter.communication());
    }
    return "WHERE " + String.join(" AND ", conditions);
  }

  private List<Reply> select(Handle handle, String where, Map<String, Object> parameters, PageRequest page) {
    List<Long> keys = new ArrayList<>();
    var query =
        handle
            .createQuery(
                "SELECT r.id, " + RecordRows.headerColumns("r") + ", m.public_id AS communication_public_id,"
                    + " r.received_on, r.sender, r.sender_reference, r.language, r.translation_status, r.summary, r.notes"
                    + " FROM replies r JOIN communications m ON m.id = r.communication_id "
                    + where
                    + (page == null ? "" : " LIMIT :limit OFFSET :offset"))
            .bindMap(parameters);
    if (page != null) {
      query.bind("limit", page.size()).bind("offset", page.offset());
    }
    List<Reply> found =
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
    Map<Long, List<ReplyDocument>> documents = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT d.reply_id, s.public_id, d.role, d.language FROM reply_documents d JOIN sources s ON s.id = d.source_id"
                + " WHERE d.reply_id IN (<keys>) ORDER BY d.reply_id, d.position")
        .bindList("keys", keys)
        .map(
            (row, context) -> {
              documents
                  .computeIfAbsent(row.getLong("reply_id"), ignored -> new ArrayList<>())
                  .add(
                      new ReplyDocument(
                          row.getObject("public_id", UUID.class),
                          DocumentRole.parse(row.getString("role"), "role"),
                          row.getString("language")));
              return 0;
            })
        .list();
    List<Reply> complete = new ArrayList<>();
    for (int index = 0; index < found.size(); index++) {
      Reply reply = found.get(index);
      complete.add(
          new Reply(
              reply.id(), reply.version(), reply.confidentiality(), reply.audit(), reply.communication(),
              reply.received(), reply.sender(), reply.senderReference(), reply.language(),
              documents.getOrDefault(keys.get(index), List.of()), reply.translationStatus(), reply.summary(),
              reply.notes()));
    }
    return complete;
  }

  private static Reply read(Handle handle, ResultSet row) throws SQLException {
    return new Reply(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        row.getObject("communication_public_id", UUID.class),
        row.getObject("received_on", LocalDate.class),
        open(handle, row, "sender"),
        open(handle, row, "sender_reference"),
        row.getString("language"),
        List.of(),
        TranslationStatus.parse(row.getString("translation_status"), "translation_status"),
        open(handle, row, "summary"),
        open(handle, row, "notes"));
  }

  private static Row content(Handle handle, Sealing sealing, Reply reply) {
    return new Row()
        .reference(
            "communication_id",
            RecordRows.liveId(handle, CommunicationStore.TABLE, CommunicationStore.KIND, reply.communication()))
        .date("received_on", reply.received())
        .text("sender", sealing.text("sender", trimmed(reply.sender())))
        .text("sender_reference", sealing.text("sender_reference", trimmed(reply.senderReference())))
        .text("language", reply.language())
        .text("translation_status", reply.translationStatus().code())
        .text("summary", sealing.text("summary", reply.summary()))
        .text("notes", reply.notes() == null ? null : sealing.restrictedField("notes", reply.notes()));
  }

  private static void insertDocuments(Handle handle, long key, List<ReplyDocument> documents) {
    if (documents.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO reply_documents (reply_id, position, source_id, role, language) VALUES (:key, :position,"
                + " (SELECT id FROM sources WHERE public_id = :source), :role, :language)");
    for (int position = 0; position < documents.size(); position++) {
      ReplyDocument document = documents.get(position);
      batch
          .bind("key", key)
          .bind("position", position)
          .bind("source", document.source())
          .bind("role", (document.role() == null ? DocumentRole.ORIGINAL : document.role()).code())
          .bindByType("language", document.language(), String.class)
          .add();
    }
    batch.execute();
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
