package org.casebook.bench;

import java.util.UUID;

/**
 * One query of the {@link QueryMix}.
 *
 * <p>{@code text} is what a person types: words, a {@code "quoted phrase"}, a name, an article
 * number. {@code facets} asks for the counts by record kind, country and year along with the hits.
 * When the query was made from a record ({@code sampledKind} and {@code sampledFrom}, such as a
 * person whose name it is), {@code sampledVisible} says whether the benchmark's viewer may see that
 * record, so that a target that trims correctly finds it exactly then.
 *
 * @param number the query's place in the mix, from 1
 */
public record BenchQuery(
    int number,
    QueryCategory category,
    String text,
    QueryFilters filters,
    boolean facets,
    String sampledKind,
    UUID sampledFrom,
    boolean sampledVisible) {

  /** Whether a correct target must find {@link #sampledFrom} among its hits (for the viewer). */
  public boolean expectsSampledRecord() {
    return sampledFrom != null && sampledVisible;
  }
}
