package org.casebook.accounts;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for {@code sessions} and {@code api_tokens}: both are looked up by the SHA-256 of the token
 * presented, never by the token. Every method runs in the caller's transaction.
 */
final class SessionStore {
  /** A session not yet ended, with its user, before the timeouts are applied. */
  record StoredSession(long id, Instant lastSeenAt, Instant expiresAt, UserStore.StoredUser user) {}

  /** An API token with its user, before expiry and revocation are applied. */
  record StoredToken(
      long id,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      UserStore.StoredUser user) {}

  private SessionStore() {}

  static long insertSession(
      Handle handle, String tokenHash, long userKey, Instant now, Instant expiresAt) {
    return handle
        .createUpdate(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)"
                + " VALUES (:token_hash, :user_id, :now, :now, :expires_at)")
        .bind("token_hash", tokenHash)
        .bind("user_id", userKey)
        .bind("now", UserStore.utc(now))
        .bind("expires_at", UserStore.utc(expiresAt))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  static Optional<StoredSession> openSession(Handle handle, String tokenHash) {
    return handle
        .createQuery(
            "SELECT s.id AS session_id, s.last_seen_at AS session_last_seen_at,"
                + " s.expires_at AS session_expires_at, "
                + UserStore.columns("u")
                + " FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE s.token_hash = :hash AND s.ended_at IS NULL")
        .bind("hash", tokenHash)
        .map(
            (row, context) ->
                new StoredSession(
                    row.getLong("session_id"),
                    UserStore.instant(row, "session_last_seen_at"),
                    UserStore.instant(row, "session_expires_at"),
                    UserStore.read(row)))
        .findOne();
  }

  static void touchSession(Handle handle, long id, Instant now) {
    handle
        .createUpdate("UPDATE sessions SET last_seen_at = :now WHERE id = :id")
        .bind("now", UserStore.utc(now))
        .bind("id", id)
        .execute();
  }

  static void endSession(Handle handle, long id, Instant now) {
    handle
        .createUpdate("UPDATE sessions SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
        .bind("now", UserStore.utc(now))
        .bind("id", id)
        .execute();
  }

  /** Ends every open session of a user except {@code keptSessionId} (pass -1 to keep none). */
  static void endSessionsOf(Handle handle, long userKey, long keptSessionId, Instant now) {
    handle
        .createUpdate(
            "UPDATE sessions SET ended_at = :now"
                + " WHERE user_id = :user_id AND ended_at IS NULL AND id <> :kept")
        .bind("now", UserStore.utc(now))
        .bind("user_id", userKey)
        .bind("kept", keptSessionId)
        .execute();
  }

  static Optional<StoredToken> token(Handle handle, String tokenHash) {
    return handle
        .createQuery(
            "SELECT t.id AS token_id, t.expires_at AS token_expires_at,"
                + " t.last_used_at AS token_last_used_at, t.revoked_at AS token_revoked_at, "
                + UserStore.columns("u")
                + " FROM api_tokens t JOIN users u ON u.id = t.user_id"
                + " WHERE t.token_hash = :hash")
        .bind("hash", tokenHash)
        .map(
            (row, context) ->
                new StoredToken(
                    row.getLong("token_id"),
                    UserStore.instant(row, "token_expires_at"),
                    UserStore.instant(row, "token_last_used_at"),
                    UserStore.instant(row, "token_revoked_at"),
                    UserStore.read(row)))
        .findOne();
  }

  static void touchToken(Handle handle, long id, Instant now) {
    handle
        .createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
        .bind("now", UserStore.utc(now))
        .bind("id", id)
        .execute();
  }

  static void revokeTokensOf(Handle handle, long userKey, Instant now) {
    handle
        .createUpdate(
            "UPDATE api_tokens SET revoked_at = :now"
                + " WHERE user_id = :user_id AND revoked_at IS NULL")
        .bind("now", UserStore.utc(now))
        .bind("user_id", userKey)
        .execute();
  }
}
