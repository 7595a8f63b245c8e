package org.casebook.bench;

import java.util.Arrays;

/**
 * Latencies of a set of timed runs, in milliseconds: nearest-rank percentiles (p99 of 100 runs is
 * the 99th fastest), the slowest, and the mean.
 */
public record LatencyStats(int runs, double p50, double p95, double p99, double max, double mean) {
  public static final LatencyStats NONE = new LatencyStats(0, 0, 0, 0, 0, 0);

  /** The statistics of {@code nanos}, one duration per run. */
  public static LatencyStats of(long[] nanos) {
    if (nanos.length == 0) {
      return NONE;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    return new LatencyStats(
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 95)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]),
        sum / sorted.length / 1e6);
  }

  /** The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
