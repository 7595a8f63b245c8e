package org.casebook.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One page of results: the hits, how many records match in all, and the facet counts over all of
 * them (every value with at least one match, most frequent first), all trimmed to what the caller
 * may see.
 *
 * @param hits this page's hits, in the query's order
 * @param total how many records match
 * @param page the page, from 1
 * @param size the page size asked for
 * @param facets per facet, its values and counts
 */
public record SearchResult(
    List<SearchHit> hits, long total, int page, int size, Map<Facet, List<FacetCount>> facets) {

  public SearchResult {
    hits = List.copyOf(hits);
    Map<Facet, List<FacetCount>> copy = new EnumMap<>(Facet.class);
    facets.forEach((facet, counts) -> copy.put(facet, List.copyOf(counts)));
    facets = copy;
  }

  /** The counts of one facet, empty if no result has a value for it. */
  public List<FacetCount> facet(Facet facet) {
    return facets.getOrDefault(facet, List.of());
  }

  /** The count of one value of a facet, 0 when no result has it. */
  public long count(Facet facet, String value) {
    return facet(facet).stream().filter(count -> count.value().equals(value)).mapToLong(FacetCount::count).sum();
  }

  /** This result with other hits (the same totals and counts). */
  public SearchResult withHits(List<SearchHit> newHits) {
    return new SearchResult(newHits, total, page, size, facets);
  }
}
