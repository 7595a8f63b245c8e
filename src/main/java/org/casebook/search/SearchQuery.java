package org.casebook.search;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.casebook.common.InvalidInput;
import org.casebook.dates.PartialDate;

/**
 * A search as asked: the text (see {@link QueryText}), facet filters, a date range, the order and
 * the page. Within one facet the values are alternatives (kind event or proceeding); different
 * facets and the date range must all hold.
 *
 * @param text what was typed; null or blank matches every record (filters still apply)
 * @param filters the accepted values per facet; a facet not in the map does not filter
 * @param from the start of the date range, or null: records whose dates end before its earliest
 *     day are left out
 * @param to the end of the date range, or null: records whose dates begin after its latest day
 *     are left out. With either end given, records without a date are left out.
 * @param sort the order
 * @param page the page, from 1
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 * @param detail what the result holds besides the hits
 */
public record SearchQuery(
    String text,
    Map<Facet, Set<String>> filters,
    PartialDate from,
    PartialDate to,
    SortOrder sort,
    int page,
    int size,
    Detail detail) {

  /** What a result holds besides its hits. */
  public enum Detail {
    /** Snippets, the exact number of matches and the facet counts over all of them. */
    FULL,
    /**
     * The hits alone: no snippets, no facet counts, and a total that is only at least the number
     * of hits. Cheaper for large matches, since the index need not visit every match: for
     * completions while a word is typed.
     */
    HITS
  }

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  /** How deep paging may go, in hits: page × size at most this. */
  public static final int MAX_WINDOW = 10_000;

  public SearchQuery {
    Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
    filters.forEach(
        (facet, values) -> {
          if (!values.isEmpty()) {
            copy.put(facet, Set.copyOf(values));
          }
        });
    filters = Map.copyOf(copy);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    detail = detail == null ? Detail.FULL : detail;
    if (page < 1) {
      throw new InvalidInput("page", "must be 1 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "must be from 1 to " + MAX_SIZE + ", was " + size);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new InvalidInput("page", "goes beyond the first " + MAX_WINDOW + " results (page " + page + " of size " + size + "); narrow the search instead");
    }
  }

  /** A search with everything in its result ({@link Detail#FULL}). */
  public SearchQuery(String text, Map<Facet, Set<String>> filters, PartialDate from, PartialDate to, SortOrder sort, int page, int size) {
    this(text, filters, from, to, sort, page, size, Detail.FULL);
  }

  /** A first page of {@code text}, by relevance, without filters. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, Map.of(), null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
  }

  public QueryText parsed() {
    return QueryText.parse(text);
  }

  /** The accepted values of one facet, empty if it does not filter. */
  public Set<String> filter(Facet facet) {
    return filters.getOrDefault(facet, Set.of());
  }

  /** The date range as days, or null when neither end is given. */
  public DateSpan range() {
    return from == null && to == null ? null : DateSpan.filter(from, to);
  }

  /** This query with another page. */
  public SearchQuery withPage(int newPage) {
    return new SearchQuery(text, filters, from, to, sort, newPage, size, detail);
  }

  /** This query with one more filter value (or the value of a facet replaced, when {@code replace}). */
  public SearchQuery withFilter(Facet facet, String value) {
    Map<Facet, Set<String>> more = new EnumMap<>(Facet.class);
    more.putAll(filters);
    more.put(facet, Set.of(value));
    return new SearchQuery(text, more, from, to, sort, 1, size, detail);
  }

  /** This query without the filter on {@code facet}. */
  public SearchQuery withoutFilter(Facet facet) {
    Map<Facet, Set<String>> fewer = new EnumMap<>(Facet.class);
    fewer.putAll(filters);
    fewer.remove(facet);
    return new SearchQuery(text, fewer, from, to, sort, 1, size, detail);
  }
}
