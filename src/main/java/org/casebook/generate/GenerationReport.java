package org.casebook.generate;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a generation wrote: records by kind (as the audit log names them: {@code case-file},
 * {@code person} ...), how long it took, and how many case files each benchmark account is on.
 */
public record GenerationReport(
    long seed, long records, Map<String, Long> byKind, Duration took, Map<String, Long> teamCaseFiles) {

  public GenerationReport {
    byKind = Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
    teamCaseFiles = Collections.unmodifiableMap(new LinkedHashMap<>(teamCaseFiles));
  }

  public long caseFiles() {
    return byKind.getOrDefault("case-file", 0L);
  }

  /** Records written per second of the whole run. */
  public double rate() {
    double seconds = took.toNanos() / 1e9;
    return seconds <= 0 ? records : records / seconds;
  }

  /** One line for people: {@code 100000 records (4012 case files, ...) in 41.3 s (2421 records/s), seed 42}. */
  public String summary() {
    StringBuilder kinds = new StringBuilder();
    for (String kind : new String[] {"case-file", "person", "organization", "source", "proceeding", "event"}) {
      kinds
          .append(kinds.length() == 0 ? "" : ", ")
          .append(byKind.getOrDefault(kind, 0L))
          .append(' ')
          .append(kind.replace('-', ' '))
          .append('s');
    }
    return String.format(
        Locale.ROOT, "%d records (%s) in %.1f s (%.0f records/s), seed %d",
        records, kinds, took.toNanos() / 1e9, rate(), seed);
  }
}
