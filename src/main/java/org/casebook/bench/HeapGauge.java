package org.casebook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The Java heap of this process: the most it may grow to, what is in use after a full collection
 * (what the process keeps), and the peak since the last {@link #resetPeak} (summed over the heap's
 * pools, so a slight overestimate of the true peak). For a target inside this process (Lucene) it is
 * the target's heap; for PostgreSQL, whose work is done in the server, only the client's.
 */
public final class HeapGauge {
  private HeapGauge() {}

  /** Heap figures in bytes. */
  public record Heap(long max, long usedAfterGc, long peak) {}

  public static void resetPeak() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Collects garbage, then measures. */
  public static Heap measure() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return new Heap(runtime.maxMemory(), runtime.totalMemory() - runtime.freeMemory(), peak);
  }
}
