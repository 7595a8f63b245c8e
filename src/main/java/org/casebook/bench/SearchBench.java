package org.casebook.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.casebook.transfer.Progress;

/**
 * Runs the {@link QueryMix} against one {@link BenchTarget}: first {@code warmupRounds} rounds of
 * every query, not timed, so that caches, the JIT and the database's buffers are warm; then {@code
 * timedRounds} rounds, each query timed whole with {@link System#nanoTime()}, and the CPU time the
 * calling thread spent on it measured too (all of the work of a target that searches in this
 * thread, such as the service and the bare searcher; only the client's part of HTTP or SQL), which
 * depends far less than the wall time on what else the machine is running. Queries run one at a
 * time, in the mix's order, from the calling thread.
 */
public final class SearchBench {
  private final QueryMix mix;
  private final int warmupRounds;
  private final int timedRounds;

  public SearchBench(QueryMix mix, int warmupRounds, int timedRounds) {
    if (warmupRounds < 0 || timedRounds < 1) {
      throw new IllegalArgumentException(
          "warm-up rounds must be 0 or more and timed rounds 1 or more, not " + warmupRounds + " and " + timedRounds);
    }
    this.mix = Objects.requireNonNull(mix, "mix");
    this.warmupRounds = warmupRounds;
    this.timedRounds = timedRounds;
  }

  /** Prepares {@code target}, runs the mix against it and measures. */
  public TargetResult run(BenchTarget target, Progress progress) {
    HeapGauge.resetPeak();
    Preparation preparation = target.prepare();
    int total = (warmupRounds + timedRounds) * mix.queries().size();
    int done = 0;
    for (int round = 0; round < warmupRounds; round++) {
      for (BenchQuery query : mix.queries()) {
        target.search(query);
        progress.report(target.name() + ": warming up", ++done, total);
      }
    }
    LatencyRecorder latencies = new LatencyRecorder();
    LatencyRecorder cpu = new LatencyRecorder();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean measuresCpu = threads.isCurrentThreadCpuTimeSupported();
    Map<QueryCategory, Long> hits = new EnumMap<>(QueryCategory.class);
    Map<QueryCategory, Long> runs = new EnumMap<>(QueryCategory.class);
    Map<QueryCategory, int[]> found = new EnumMap<>(QueryCategory.class);
    for (int round = 0; round < timedRounds; round++) {
      for (BenchQuery query : mix.queries()) {
        long cpuStarted = measuresCpu ? threads.getCurrentThreadCpuTime() : 0;
        long started = System.nanoTime();
        SearchResult result = target.search(query);
        long took = System.nanoTime() - started;
        latencies.record(query.category(), took);
        if (measuresCpu) {
          cpu.record(query.category(), Math.max(0, threads.getCurrentThreadCpuTime() - cpuStarted));
        }
        hits.merge(query.category(), (long) result.hits().size(), Long::sum);
        runs.merge(query.category(), 1L, Long::sum);
        if (round == 0 && query.expectsSampledRecord()) {
          int[] counts = found.computeIfAbsent(query.category(), category -> new int[2]);
          counts[1]++;
          if (result.hits().stream().anyMatch(hit -> hit.id().equals(query.sampledFrom()))) {
            counts[0]++;
          }
        }
        progress.report(target.name() + ": timed runs", ++done, total);
      }
    }
    Map<QueryCategory, Double> meanHits = new EnumMap<>(QueryCategory.class);
    hits.forEach((category, sum) -> meanHits.put(category, sum / (double) runs.get(category)));
    Map<QueryCategory, TargetResult.Found> foundByCategory = new EnumMap<>(QueryCategory.class);
    found.forEach((category, counts) -> foundByCategory.put(category, new TargetResult.Found(counts[0], counts[1])));
    return new TargetResult(
        target.name(), target.description(), preparation, latencies, measuresCpu ? cpu : null, meanHits, foundByCategory,
        HeapGauge.measure());
  }
}
