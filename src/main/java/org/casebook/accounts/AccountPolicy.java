package org.casebook.accounts;

import java.time.Duration;

/**
 * The timeouts of sessions and the rules of sign-in throttling.
 *
 * @param idleTimeout a session not used for this long ends
 * @param absoluteTimeout a session ends this long after sign-in, however active
 * @param throttleFailures failures (for one name, or from one address) within {@code
 *     throttleWindow} that start a block
 * @param throttleWindow the period within which failures are counted
 * @param firstBlock the first block; each further failure after a block doubles it
 * @param longestBlock the longest block: an owner is never locked out for longer
 */
public record AccountPolicy(
    Duration idleTimeout,
    Duration absoluteTimeout,
    int throttleFailures,
    Duration throttleWindow,
    Duration firstBlock,
    Duration longestBlock) {

  /** At most this often is a session's or token's last use written to the database. */
  public static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

  public AccountPolicy {
    if (idleTimeout.isNegative()
        || idleTimeout.isZero()
        || absoluteTimeout.compareTo(idleTimeout) < 0
        || throttleFailures < 1
        || firstBlock.compareTo(longestBlock) > 0) {
      throw new IllegalArgumentException(
          "inconsistent account policy: "
              + idleTimeout
              + ", "
              + absoluteTimeout
              + ", "
              + throttleFailures
              + ", "
              + firstBlock
              + ", "
              + longestBlock);
    }
  }

  /**
   * 30 minutes idle, 12 hours absolute; after 5 failures in 15 minutes a block of 1 minute,
   * doubling with each further failure up to 15 minutes.
   */
  public static AccountPolicy defaults() {
    return new AccountPolicy(
        Duration.ofMinutes(30),
        Duration.ofHours(12),
        5,
        Duration.ofMinutes(15),
        Duration.ofMinutes(1),
        Duration.ofMinutes(15));
  }

  /** The block after {@code failures} failures, or zero if they are not enough for one. */
  Duration blockAfter(int failures) {
    if (failures < throttleFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - throttleFailures, 30);
    Duration block = firstBlock.multipliedBy(1L << doublings);
    return block.compareTo(longestBlock) > 0 ? longestBlock : block;
  }
}
