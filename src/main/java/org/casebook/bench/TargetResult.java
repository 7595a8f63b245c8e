package org.casebook.bench;

import java.util.Map;

/**
 * What one target did with the query mix: what it built first, its latencies, and per category the
 * mean number of hits and how many of the queries made from a record the viewer may see found that
 * record among their hits (a check that the target searches what it should, not a measure of
 * relevance). {@code heap} is this process' heap after the target's runs. {@code cpu} is the CPU
 * time of the thread that asked each query (null where the JVM cannot measure it).
 */
public record TargetResult(
    String target,
    String description,
    Preparation preparation,
    LatencyRecorder latencies,
    LatencyRecorder cpu,
    Map<QueryCategory, Double> meanHits,
    Map<QueryCategory, Found> found,
    HeapGauge.Heap heap) {

  /** Of {@code expected} queries whose record the viewer may see, {@code found} found it. */
  public record Found(int found, int expected) {}
}
