package org.casebook.communications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.access.Role;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.common.NotPermitted;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The secret links through which calendar programs read a user's deadlines. A link is a random
 * 256-bit secret in the address; only its SHA-256 is stored (as for API tokens), so the database
 * cannot give it away. A user has at most one live link: a new one revokes the old, and a revoked
 * link, or that of a disabled account, opens nothing. Creating and revoking are in the audit log.
 *
 * <p>Thread-safe.
 */
public final class CalendarLinkService {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Jdbi jdbi;
  private final Clock clock;

  public CalendarLinkService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A new link for the caller, revoking any earlier one. Needs a signed-in user who may read records. */
  public CalendarLink create(Caller caller) {
    requireUser(caller);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    jdbi.useTransaction(
        handle -> {
          revokeAll(handle, caller, now);
          handle
              .createUpdate(
                  "INSERT INTO calendar_links (public_id, user_id, secret_hash, created_at)"
                      + " SELECT :id, u.id, :hash, :now FROM users u WHERE u.public_id = :user")
              .bind("id", UUID.randomUUID())
              .bind("hash", sha256Hex(secret))
              .bind("now", utc(now))
              .bind("user", caller.userId())
              .execute();
          audit(handle, caller, "calendar-link-create", now);
        });
    return new CalendarLink(now, secret, "/calendar/" + secret + ".ics");
  }

  /** Revokes the caller's link, if there is one; its address then opens nothing. */
  public void revoke(Caller caller) {
    requireUser(caller);
    Instant now = clock.instant();
    jdbi.useTransaction(
        handle -> {
          revokeAll(handle, caller, now);
          audit(handle, caller, "calendar-link-revoke", now);
        });
  }

  /** When the caller's live link was made, if they have one (its secret is not kept). */
  public Optional<Instant> current(Caller caller) {
    requireUser(caller);
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT l.created_at FROM calendar_links l JOIN users u ON u.id = l.user_id"
                        + " WHERE u.public_id = :user AND l.revoked_at IS NULL")
                .bind("user", caller.userId())
                .mapTo(OffsetDateTime.class)
                .findFirst()
                .map(OffsetDateTime::toInstant));
  }

  /**
   * The user whose live link has the secret {@code secret}, as a caller for reading their
   * deadlines; empty for an unknown, revoked or malformed secret and for a disabled account.
   */
  public Optional<Caller> owner(String secret) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT u.public_id, u.name, u.role FROM calendar_links l JOIN users u ON u.id = l.user_id"
                        + " WHERE l.secret_hash = :hash AND l.revoked_at IS NULL AND u.disabled = FALSE")
                .bind("hash", sha256Hex(secret))
                .map(
                    (row, context) ->
                        Caller.user(
                            row.getObject("public_id", UUID.class),
                            row.getString("name"),
                            Role.parse(row.getString("role"), "role"),
                            null))
                .findOne());
  }

  private static void requireUser(Caller caller) {
    caller.require(Permission.READ_RECORDS);
    if (caller.userId() == null) {
      throw new NotPermitted("a calendar link belongs to a user; sign in as one");
    }
  }

  private static void revokeAll(Handle handle, Caller caller, Instant now) {
    handle
        .createUpdate(
            "UPDATE calendar_links SET revoked_at = :now WHERE revoked_at IS NULL"
                + " AND user_id = (SELECT id FROM users WHERE public_id = :user)")
        .bind("now", utc(now))
        .bind("user", caller.userId())
        .execute();
  }

  private static void audit(Handle handle, Caller caller, String action, Instant now) {
    AuditLog.appendTo(handle, new AuditEntry(now, caller.name(), caller.sessionId(), action, "user", caller.userId(), null));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
