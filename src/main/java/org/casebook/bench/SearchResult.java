package org.casebook.bench;

import java.util.List;
import java.util.Map;

/**
 * What a target answers to a {@link BenchQuery}: the best hits, best first (at most {@link
 * #LIMIT}), and, when the query asked for them, counts by facet ({@code kind}, {@code country},
 * {@code year}) and value.
 */
public record SearchResult(List<Hit> hits, Map<String, Map<String, Long>> facets) {
  /** How many hits every target returns: one page of results. */
  public static final int LIMIT = 20;

  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }
}
