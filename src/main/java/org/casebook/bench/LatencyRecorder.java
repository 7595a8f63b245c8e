package org.casebook.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * Collects the duration of each timed query of one target, by category, and gives their
 * {@link LatencyStats} per category and over all queries. Warm-up runs are not recorded here: the
 * runner ({@link SearchBench}) does not pass them. Not thread-safe; one per target and thread.
 */
public final class LatencyRecorder {
  private final Map<QueryCategory, long[]> byCategory = new EnumMap<>(QueryCategory.class);
  private final Map<QueryCategory, Integer> sizes = new EnumMap<>(QueryCategory.class);
  private long[] all = new long[64];
  private int allSize;

  /** Records one timed run of a query of {@code category}, taking {@code nanos}. */
  public void record(QueryCategory category, long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("a duration is not negative: " + nanos);
    }
    long[] values = byCategory.computeIfAbsent(category, key -> new long[16]);
    int size = sizes.getOrDefault(category, 0);
    if (size == values.length) {
      values = java.util.Arrays.copyOf(values, size * 2);
      byCategory.put(category, values);
    }
    values[size] = nanos;
    sizes.put(category, size + 1);
    if (allSize == all.length) {
      all = java.util.Arrays.copyOf(all, allSize * 2);
    }
    all[allSize++] = nanos;
  }

  public LatencyStats stats(QueryCategory category) {
    long[] values = byCategory.get(category);
    return values == null
        ? LatencyStats.NONE
        : LatencyStats.of(java.util.Arrays.copyOf(values, sizes.get(category)));
  }

  public LatencyStats overall() {
    return LatencyStats.of(java.util.Arrays.copyOf(all, allSize));
  }
}
