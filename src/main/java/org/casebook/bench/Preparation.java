package org.casebook.bench;

import java.time.Duration;

/**
 * What a target built before it could answer: how long it took, how many records it took in, how
 * many bytes the result takes (an index, a table with its indexes), and what it is, in words.
 */
public record Preparation(Duration took, long records, long bytes, String what) {
  /** Records taken in per second; 0 when nothing was built (kept from an earlier run). */
  public double rate() {
    double seconds = took.toNanos() / 1e9;
    return seconds <= 0 ? 0 : records / seconds;
  }
}
