package org.casebook.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.common.Actor;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.VersionConflict;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The bookkeeping every record table shares: insert with its audit columns, update and void with
 * an optimistic version check, and lookups between public UUIDs and internal keys. All methods
 * work inside the caller's transaction ({@code handle}); none commits. Every insert, update and
 * void is noted in the audit log and in the search index's {@link Outbox} in that transaction.
 */
public final class RecordRows {
  /** The bookkeeping columns, for SELECT lists: prefix them with a table alias where needed. */
  public static final List<String> HEADER_COLUMNS =
      List.of(
          "public_id",
          "import_key",
          "confidentiality",
          "version",
          "created_at",
          "created_by",
          "updated_at",
          "updated_by",
          "voided_at",
          "voided_by",
          "void_reason");

  private RecordRows() {}

  /** The header columns as a SELECT list with a table alias, such as {@code p.public_id, ...}. */
  public static String headerColumns(String alias) {
    return String.join(", ", HEADER_COLUMNS.stream().map(column -> alias + "." + column).toList());
  }

  /** Inserts a new record at version 1 and returns its internal key. */
  public static long insert(
      Handle handle,
      String table,
      UUID publicId,
      String importKey,
      Confidentiality confidentiality,
      Actor actor,
      Instant now,
      Row content) {
    Row row =
        new Row()
            .uuid("public_id", publicId)
            .text("import_key", importKey)
            .text("confidentiality", orInternal(confidentiality).code())
            .integer("version", 1)
            .timestamp("created_at", utc(now))
            .text("created_by", actor.name())
            .timestamp("updated_at", utc(now))
            .text("updated_by", actor.name());
    StringBuilder columns = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (Row part : List.of(row, content)) {
      for (String column : part.columns()) {
        columns.append(columns.length() == 0 ? "" : ", ").append(column);
        values.append(values.length() == 0 ? ":" : ", :").append(column);
      }
    }
    Update insert =
        handle.createUpdate(
            "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")");
    row.bindTo(insert);
    content.bindTo(insert);
    long key = insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    audit(handle, "create", table, publicId, actor, now);
    Outbox.changed(handle, table, publicId);
    return key;
  }

  /**
   * Updates a live record if its version is still {@code expectedVersion}, raising the version by
   * one, and returns its internal key.
   *
   * @throws NoSuchRecord if there is no such record or it is voided
   * @throws VersionConflict if someone else changed it first; nothing is written
   */
  public static long update(
      Handle handle,
      String table,
      String kind,
      UUID publicId,
      int expectedVersion,
      Confidentiality confidentiality,
      Actor actor,
      Instant now,
      Row content) {
    StringBuilder assignments =
        new StringBuilder(
            "version = version + 1, updated_at = :updated_at, updated_by = :updated_by,"
                + " confidentiality = :confidentiality");
    for (String column : content.columns()) {
      assignments.append(", ").append(column).append(" = :").append(column);
    }
    Update update =
        handle.createUpdate(
            "UPDATE "
                + table
                + " SET "
                + assignments
                + " WHERE public_id = :public_id AND version = :expected_version"
                + " AND voided_at IS NULL");
    new Row()
        .timestamp("updated_at", utc(now))
        .text("updated_by", actor.name())
        .text("confidentiality", orInternal(confidentiality).code())
        .uuid("public_id", publicId)
        .integer("expected_version", expectedVersion)
        .bindTo(update);
    content.bindTo(update);
    if (update.execute() == 0) {
      throw explainRefusal(handle, table, kind, publicId, expectedVersion);
    }
    audit(handle, "update", table, publicId, actor, now);
    Outbox.changed(handle, table, publicId);
    return internalId(handle, table, kind, publicId);
  }

  /** Voids a live record with a reason, under the same version check as {@link #update}. */
  public static long voidRecord(
      Handle handle,
      String table,
      String kind,
      UUID publicId,
      int expectedVersion,
      String reason,
      Actor actor,
      Instant now) {
    int changed =
        handle
            .createUpdate(
                "UPDATE "
                    + table
                    + " SET version = version + 1, updated_at = :now, updated_by = :actor,"
                    + " voided_at = :now, voided_by = :actor, void_reason = :reason"
                    + " WHERE public_id = :id AND version = :expected AND voided_at IS NULL")
            .bind("now", utc(now))
            .bind("actor", actor.name())
            .bind("reason", reason)
            .bind("id", publicId)
            .bind("expected", expectedVersion)
            .execute();
    if (changed == 0) {
      throw explainRefusal(handle, table, kind, publicId, expectedVersion);
    }
    audit(handle, "void", table, publicId, actor, now);
    Outbox.changed(handle, table, publicId);
    return internalId(handle, table, kind, publicId);
  }

  /** The internal key of a record, voided or not. */
  public static long internalId(Handle handle, String table, String kind, UUID publicId) {
    return handle
        .createQuery("SELECT id FROM " + table + " WHERE public_id = :id")
        .bind("id", publicId)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new NoSuchRecord(kind, publicId));
  }

  /** The internal key of a live (not voided) record. */
  public static long liveId(Handle handle, String table, String kind, UUID publicId) {
    return handle
        .createQuery("SELECT id FROM " + table + " WHERE public_id = :id AND voided_at IS NULL")
        .bind("id", publicId)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new NoSuchRecord(kind, publicId));
  }

  /** Whether {@code table} holds a live (not voided) record with the public id {@code id}. */
  public static boolean isLive(Handle handle, String table, UUID id) {
    return handle
            .createQuery(
                "SELECT COUNT(*) FROM " + table + " WHERE public_id = :id AND voided_at IS NULL")
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** The public id of the record imported under {@code importKey}, if any. */
  public static Optional<UUID> byImportKey(Handle handle, String table, String importKey) {
    return handle
        .createQuery("SELECT public_id FROM " + table + " WHERE import_key = :key")
        .bind("key", importKey)
        .mapTo(UUID.class)
        .findOne();
  }

  /** The current version of a record. */
  public static int currentVersion(Handle handle, String table, String kind, UUID publicId) {
    return handle
        .createQuery("SELECT version FROM " + table + " WHERE public_id = :id")
        .bind("id", publicId)
        .mapTo(Integer.class)
        .findOne()
        .orElseThrow(() -> new NoSuchRecord(kind, publicId));
  }

  public static Confidentiality confidentiality(ResultSet row) throws SQLException {
    return Confidentiality.parse(row.getString("confidentiality"), "confidentiality");
  }

  public static Audit audit(ResultSet row) throws SQLException {
    return new Audit(
        instant(row, "created_at"),
        row.getString("created_by"),
        instant(row, "updated_at"),
        row.getString("updated_by"),
        instant(row, "voided_at"),
        row.getString("voided_by"),
        row.getString("void_reason"));
  }

  public static UUID publicId(ResultSet row) throws SQLException {
    return row.getObject("public_id", UUID.class);
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /**
   * Appends the write to the audit log in the same transaction, so that the entry exists exactly
   * when the change does. The entry names the record by kind and id only.
   */
  private static void audit(Handle handle, String action, String table, UUID publicId, Actor actor, Instant now) {
    AuditLog.appendTo(
        handle, new AuditEntry(now, actor.name(), actor.sessionId(), action, recordKind(table), publicId, null));
  }

  /** The audit log's name for the records of {@code table}: {@code case_files} is {@code case-file}. */
  public static String recordKind(String table) {
    String singular = table.endsWith("ies") ? table.substring(0, table.length() - 3) + "y"
        : table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
    return singular.replace('_', '-');
  }

  /** A record given no confidentiality is internal: nothing becomes public by omission. */
  private static Confidentiality orInternal(Confidentiality confidentiality) {
    return confidentiality == null ? Confidentiality.INTERNAL : confidentiality;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static RuntimeException explainRefusal(
      Handle handle, String table, String kind, UUID publicId, int expectedVersion) {
    return handle
        .createQuery("SELECT version, voided_at FROM " + table + " WHERE public_id = :id")
        .bind("id", publicId)
        .map(
            (row, context) -> {
              if (row.getObject("voided_at") != null) {
                return (RuntimeException) new NoSuchRecord(kind, publicId);
              }
              return new VersionConflict(kind, publicId, expectedVersion, row.getInt("version"));
            })
        .findOne()
        .orElseGet(() -> new NoSuchRecord(kind, publicId));
  }
}
