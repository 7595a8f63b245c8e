package org.casebook.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.dates.PartialDate;
import org.casebook.search.Facet;
import org.casebook.search.FacetCount;
import org.casebook.search.RecordKind;
import org.casebook.search.SearchHit;
import org.casebook.search.SearchQuery;
import org.casebook.search.SortOrder;
import org.casebook.storage.RecordRows;

/**
 * Translates between the benchmark and Casebook's search: a {@link BenchQuery} as the {@link
 * SearchQuery} a person would make of it on the search page (the text as typed, the kind, country
 * and year as facet filters, the range of days as partial dates; the first page of {@link
 * SearchResult#LIMIT} hits by relevance), and search results back as the benchmark's hits and
 * counts, with record kinds named as the audit log names them ({@code case-file} for {@code case}).
 */
final class SearchQueries {
  /** The facets the benchmark compares, by the name its results give them. */
  private static final Map<Facet, String> FACETS = Map.of(Facet.KIND, "kind", Facet.COUNTRY, "country", Facet.YEAR, "year");

  private SearchQueries() {}

  static SearchQuery of(BenchQuery query) {
    QueryFilters filters = query.filters();
    Map<Facet, Set<String>> facets = new EnumMap<>(Facet.class);
    if (filters.kind() != null) {
      facets.put(Facet.KIND, Set.of(searchKind(filters.kind()).code()));
    }
    if (filters.country() != null) {
      facets.put(Facet.COUNTRY, Set.of(filters.country()));
    }
    if (filters.year() != null) {
      facets.put(Facet.YEAR, Set.of(Integer.toString(filters.year())));
    }
    PartialDate from = filters.from() == null ? null : PartialDate.parse(filters.from().toString());
    PartialDate to = filters.to() == null ? null : PartialDate.parse(filters.to().toString());
    return new SearchQuery(query.text(), facets, from, to, SortOrder.RELEVANCE, 1, SearchResult.LIMIT);
  }

  /** The search's kind of a record kind as the audit log names it ({@code case-file} is {@code case}). */
  static RecordKind searchKind(String benchKind) {
    for (RecordKind kind : RecordKind.values()) {
      if (benchKind(kind).equals(benchKind)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no kind of search record is called " + benchKind);
  }

  /** A search's record kind as the audit log names it. */
  static String benchKind(RecordKind kind) {
    return RecordRows.recordKind(kind.table());
  }

  /** The benchmark's result of a search result; counts only when the query asked for them. */
  static SearchResult result(org.casebook.search.SearchResult found, BenchQuery query) {
    List<Hit> hits = new ArrayList<>();
    int rank = 0;
    for (SearchHit hit : found.hits()) {
      hits.add(new Hit(benchKind(hit.kind()), hit.id(), found.hits().size() - rank++));
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    if (query.facets()) {
      FACETS.forEach((facet, name) -> facets.put(name, counts(found.facet(facet), facet)));
    }
    return new SearchResult(hits, facets);
  }

  private static Map<String, Long> counts(List<FacetCount> counts, Facet facet) {
    Map<String, Long> byValue = new LinkedHashMap<>();
    for (FacetCount count : counts) {
      String value = facet == Facet.KIND ? RecordKind.byCode(count.value()).map(SearchQueries::benchKind).orElse(count.value()) : count.value();
      byValue.put(value, count.count());
    }
    return byValue;
  }
}
