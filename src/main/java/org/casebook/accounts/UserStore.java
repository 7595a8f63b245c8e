package org.casebook.accounts;

import org.casebook.access.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.casebook.common.NoSuchRecord;
import org.casebook.crypto.FieldProtection;
import org.jdbi.v3.core.Handle;

/** SQL for {@code users}. Every method runs in the caller's transaction. */
final class UserStore {
  static final String KIND = "user";

  private static final String COLUMNS = columns("users");

  /** A row of {@code users}, secrets included: never leaves this package. */
  record StoredUser(
      long key, User user, String passwordHash, String totpSecret, Long totpLastStep) {}

  private UserStore() {}

  static Optional<StoredUser> byName(Handle handle, String normalizedName) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users WHERE name = :name")
        .bind("name", normalizedName)
        .map((row, context) -> read(row))
        .findOne();
  }

  static StoredUser byId(Handle handle, UUID id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users WHERE public_id = :id")
        .bind("id", id)
        .map((row, context) -> read(row))
        .findOne()
        .orElseThrow(() -> new NoSuchRecord(KIND, id));
  }

  static List<User> all(Handle handle) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM users ORDER BY name")
        .map((row, context) -> read(row).user())
        .list();
  }

  static long insert(
      Handle handle,
      UUID id,
      String name,
      String displayName,
      Role role,
      String hash,
      Instant now) {
    return handle
        .createUpdate(
            "INSERT INTO users (public_id, name, display_name, role, password_hash, created_at,"
                + " updated_at, password_changed_at)"
                + " VALUES (:id, :name, :display_name, :role, :hash, :now, :now, :now)")
        .bind("id", id)
        .bind("name", name)
        .bind("display_name", displayName)
        .bind("role", role.code())
        .bind("hash", hash)
        .bind("now", utc(now))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  static void setPasswordHash(Handle handle, long key, String hash, Instant now, boolean changed) {
    handle
        .createUpdate(
            "UPDATE users SET password_hash = :hash, updated_at = :now"
                + (changed ? ", password_changed_at = :now" : "")
                + " WHERE id = :key")
        .bind("hash", hash)
        .bind("now", utc(now))
        .bind("key", key)
        .execute();
  }

  static void setDisabled(Handle handle, long key, boolean disabled, Instant now) {
    handle
        .createUpdate("UPDATE users SET disabled = :disabled, updated_at = :now WHERE id = :key")
        .bind("disabled", disabled)
        .bind("now", utc(now))
        .bind("key", key)
        .execute();
  }

  /**
   * Stores a pending secret, or none; either way the second factor is off until confirmed. The
   * secret is sealed with the store's key, as restricted content is.
   */
  static void setTotp(Handle handle, long key, String secret, boolean enabled, Instant now) {
    UUID publicId =
        handle.createQuery("SELECT public_id FROM users WHERE id = :key").bind("key", key).mapTo(UUID.class).one();
    String sealed = FieldProtection.seal(handle, "users", publicId, "totp_secret", secret);
    handle
        .createUpdate(
            "UPDATE users SET totp_secret = :secret, totp_enabled = :enabled,"
                + " totp_last_step = NULL, updated_at = :now WHERE id = :key")
        .bindByType("secret", sealed, String.class)
        .bind("enabled", enabled)
        .bind("now", utc(now))
        .bind("key", key)
        .execute();
  }

  static void enableTotp(Handle handle, long key, Instant now) {
    handle
        .createUpdate("UPDATE users SET totp_enabled = TRUE, updated_at = :now WHERE id = :key")
        .bind("now", utc(now))
        .bind("key", key)
        .execute();
  }

  /**
   * Records {@code step} as the last TOTP step used, if it is later than the last one. Returns
   * false if it is not, which means the code was used already: the check and the write are one
   * statement, so two requests racing with the same code cannot both succeed.
   */
  static boolean useTotpStep(Handle handle, long key, long step) {
    return handle
            .createUpdate(
                "UPDATE users SET totp_last_step = :step"
                    + " WHERE id = :key AND (totp_last_step IS NULL OR totp_last_step < :step)")
            .bind("step", step)
            .bind("key", key)
            .execute()
        == 1;
  }

  /** The columns {@link #read} needs, qualified by {@code alias}, for joins. */
  static String columns(String alias) {
    return String.join(
        ", ",
        Stream.of(
                "id",
                "public_id",
                "name",
                "display_name",
                "role",
                "password_hash",
                "totp_secret",
                "totp_enabled",
                "totp_last_step",
                "disabled",
                "created_at",
                "updated_at",
                "password_changed_at")
            .map(column -> alias + "." + column)
            .toList());
  }

  /** Reads the columns of {@link #columns} from the current row. */
  static StoredUser read(ResultSet row) throws SQLException {
    long lastStep = row.getLong("totp_last_step");
    Long totpLastStep = row.wasNull() ? null : lastStep;
    User user =
        new User(
            row.getObject("public_id", UUID.class),
            row.getString("name"),
            row.getString("display_name"),
            Role.parse(row.getString("role"), "role"),
            row.getBoolean("totp_enabled"),
            row.getBoolean("disabled"),
            instant(row, "created_at"),
            instant(row, "updated_at"),
            instant(row, "password_changed_at"));
    return new StoredUser(
        row.getLong("id"),
        user,
        row.getString("password_hash"),
        row.getString("totp_secret"),
        totpLastStep);
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
