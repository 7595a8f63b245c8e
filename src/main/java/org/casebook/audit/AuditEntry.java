package org.casebook.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One act to be written to the {@link AuditLog}: who did what, when, in which session, to which
 * record. {@code detail} holds ids and codes only (a version number, a vocabulary code, a count),
 * never names or other personal data, because the log is kept forever and cannot be edited.
 *
 * <p>The time is kept to the microsecond, the precision that both H2 and PostgreSQL store, so that
 * the entry read back from the database hashes to the same value as the entry written.
 *
 * @param at when it happened; truncated to microseconds
 * @param actor the account name, or a fixed name such as {@code system} for jobs
 * @param sessionId the session it happened in, if any
 * @param action what happened: lower-case words joined by hyphens, such as {@code create}, {@code
 *     update}, {@code void}, {@code read-restricted}, {@code import}, {@code export}, {@code
 *     sign-in}, {@code sign-in-failed}, {@code sign-out}
 * @param recordKind the kind of record acted on, such as {@code person}, if any
 * @param recordId the public id of the record acted on, if any
 * @param detail ids and codes that complete the picture, if any
 */
public record AuditEntry(
    Instant at,
    String actor,
    String sessionId,
    String action,
    String recordKind,
    UUID recordId,
    String detail) {
  public static final int MAX_ACTOR = 100;
  public static final int MAX_SESSION_ID = 100;
  public static final int MAX_ACTION = 30;
  public static final int MAX_RECORD_KIND = 50;
  public static final int MAX_DETAIL = 2000;

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    at = at.truncatedTo(ChronoUnit.MICROS);
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new IllegalArgumentException("audit time out of range (years 1 to 9999): " + at);
    }
    requireText("actor", actor, MAX_ACTOR);
    if (sessionId != null) {
      requireText("sessionId", sessionId, MAX_SESSION_ID);
    }
    requireCode("action", action, MAX_ACTION);
    if (recordKind != null) {
      requireCode("recordKind", recordKind, MAX_RECORD_KIND);
    }
    if (detail != null) {
      requireText("detail", detail, MAX_DETAIL);
    }
  }

  private static void requireText(String field, String value, int maxLength) {
    Objects.requireNonNull(value, field);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("audit " + field + " is empty");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "audit " + field + " has " + value.length() + " characters, more than " + maxLength);
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("audit " + field + " contains a NUL character");
    }
  }

  private static void requireCode(String field, String value, int maxLength) {
    requireText(field, value, maxLength);
    if (!CODE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "audit " + field + " must be lower-case words joined by hyphens: \"" + value + "\"");
    }
  }
}
