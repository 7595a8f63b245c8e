package org.casebook.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Counts failed sign-ins per account name and per client address in {@code sign_in_throttle}, so
 * that every node of an installation sees the same counts, and says when a name or address is
 * blocked.
 *
 * <p>After {@link AccountPolicy#throttleFailures()} failures within {@link
 * AccountPolicy#throttleWindow()}, the key is blocked for {@link AccountPolicy#firstBlock()}; every
 * further failure within the window after the block ends doubles the block, up to {@link
 * AccountPolicy#longestBlock()}. Attempts during a block are refused unchecked and are not counted,
 * so a block always ends on time: nobody is locked out for ever. A key with no failure within the
 * window (after its last block) starts again from zero.
 *
 * <p>Keys are HMAC-SHA256 pseudonyms of the name or address under a key that is not in the
 * database: the table holds no address, and no name (people sometimes type their password into the
 * name field).
 *
 * <p>Thread-safe: each failure is counted in its own transaction under a row lock.
 */
final class SignInThrottle {
  private final Jdbi jdbi;
  private final AccountPolicy policy;
  private final byte[] pseudonymKey;

  SignInThrottle(Jdbi jdbi, AccountPolicy policy, byte[] pseudonymKey) {
    this.jdbi = jdbi;
    this.policy = policy;
    this.pseudonymKey = pseudonymKey.clone();
  }

  /** The throttling keys of an attempt: the name's, and the address's if it is known. */
  List<String> keys(String normalizedName, String clientAddress) {
    String account = "account:" + Secrets.hmacSha256Hex(pseudonymKey, "account\0" + normalizedName);
    if (clientAddress == null || clientAddress.isBlank()) {
      return List.of(account);
    }
    String address =
        "address:" + Secrets.hmacSha256Hex(pseudonymKey, "address\0" + clientAddress.trim());
    return List.of(account, address);
  }

  /** The end of the latest block on any of {@code keys} still running at {@code now}, if any. */
  Optional<Instant> blockedUntil(List<String> keys, Instant now) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT MAX(blocked_until) FROM sign_in_throttle"
                        + " WHERE throttle_key IN (<keys>) AND blocked_until > :now")
                .bindList("keys", keys)
                .bind("now", utc(now))
                .mapTo(OffsetDateTime.class)
                .findOne()
                .map(OffsetDateTime::toInstant));
  }

  /** Counts one failure against each of {@code keys}, and forgets keys that have gone quiet. */
  void recordFailure(List<String> keys, Instant now) {
    for (String key : keys) {
      try {
        jdbi.useTransaction(handle -> count(handle, key, now));
      } catch (UnableToExecuteStatementException concurrentInsert) {
        jdbi.useTransaction(handle -> count(handle, key, now));
      }
    }
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "DELETE FROM sign_in_throttle"
                        + " WHERE COALESCE(blocked_until, first_failure_at) <= :quiet_since")
                .bind("quiet_since", utc(now.minus(policy.throttleWindow())))
                .execute());
  }

  /** Forgets the failures counted against {@code key}. */
  void clear(String key) {
    jdbi.useHandle(
        handle -> handle.execute("DELETE FROM sign_in_throttle WHERE throttle_key = ?", key));
  }

  private void count(Handle handle, String key, Instant now) {
    Optional<CountedFailures> current =
        handle
            .createQuery(
                "SELECT failures, first_failure_at, blocked_until FROM sign_in_throttle"
                    + " WHERE throttle_key = :key FOR UPDATE")
            .bind("key", key)
            .map(
                (row, context) ->
                    new CountedFailures(
                        row.getInt("failures"),
                        row.getObject("first_failure_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(row.getObject("blocked_until", OffsetDateTime.class))
                            .map(OffsetDateTime::toInstant)
                            .orElse(null)))
            .findOne();
    if (current.isEmpty()) {
      handle
          .createUpdate(
              "INSERT INTO sign_in_throttle (throttle_key, failures, first_failure_at,"
                  + " blocked_until) VALUES (:key, 1, :now, :blocked_until)")
          .bind("key", key)
          .bind("now", utc(now))
          .bindByType("blocked_until", blockEnd(1, now), OffsetDateTime.class)
          .execute();
      return;
    }
    Instant quietSince = now.minus(policy.throttleWindow());
    CountedFailures counted = current.get();
    Instant lastActivity =
        counted.blockedUntil() != null ? counted.blockedUntil() : counted.first();
    boolean startAgain = !lastActivity.isAfter(quietSince);
    int failures = startAgain ? 1 : counted.failures() + 1;
    handle
        .createUpdate(
            "UPDATE sign_in_throttle SET failures = :failures, first_failure_at = :first,"
                + " blocked_until = :blocked_until WHERE throttle_key = :key")
        .bind("failures", failures)
        .bind("first", utc(startAgain ? now : counted.first()))
        .bindByType("blocked_until", blockEnd(failures, now), OffsetDateTime.class)
        .bind("key", key)
        .execute();
  }

  private OffsetDateTime blockEnd(int failures, Instant now) {
    var block = policy.blockAfter(failures);
    return block.isZero() ? null : utc(now.plus(block));
  }

  private record CountedFailures(int failures, Instant first, Instant blockedUntil) {}

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
