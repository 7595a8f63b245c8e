package org.casebook.search;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an index holds, for the check at start that it agrees with the database: which database it
 * was built from, the last outbox position it applied, and per kind the number of documents and
 * their fingerprint (the sum of {@link SearchDocument#fingerprint(java.util.UUID, int)} over them,
 * which changes when any record is missing, extra or at another version).
 *
 * @param databaseId the id of the database (its {@code search_state} row) the index was built
 *     from, or null when the index is empty or its layout is not the one this code writes (then it
 *     is rebuilt)
 * @param position the highest outbox position applied and committed, 0 if none
 * @param counts documents per kind
 * @param fingerprints the fingerprint of the documents of each kind
 */
public record IndexStats(
    String databaseId, long position, Map<RecordKind, Long> counts, Map<RecordKind, Long> fingerprints) {

  public IndexStats {
    counts = complete(counts);
    fingerprints = complete(fingerprints);
  }

  /** The stats of an index that holds nothing usable. */
  public static IndexStats unusable() {
    return new IndexStats(null, 0, Map.of(), Map.of());
  }

  /** The number of documents in all. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<RecordKind, Long> complete(Map<RecordKind, Long> values) {
    Map<RecordKind, Long> all = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      all.put(kind, values.getOrDefault(kind, 0L));
    }
    return Map.copyOf(all);
  }
}
