package org.casebook.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.search.Facet;
import org.casebook.search.SearchQuery;
import org.casebook.search.Snippet;

/** What the search page shows, in the words of the page. */
public final class SearchView {
  private SearchView() {}

  /** A suggestion under the header's search box. */
  public record Suggestion(String title, String kindLabel, String link) {}

  /** A hit: what it is, its title, where it is shown (null: nowhere yet), its date and snippet. */
  public record Hit(String kindLabel, String title, String link, String date, List<Snippet.Part> snippet) {}

  /** A value of a facet: its words, its count, the page that narrows to it (or, when chosen, removes it). */
  public record FacetLink(String label, long count, String link, boolean chosen) {}

  /** A facet with its heading and values. */
  public record FacetGroup(String heading, List<FacetLink> values) {}

  /** A chosen filter, in words, and the page without it. */
  public record ChosenFilter(String label, String removeLink) {}

  /** The form as typed, and the message next to each field that could not be read. */
  public record Form(String text, String from, String to, String sort, Map<Facet, Set<String>> filters, Map<String, String> errors) {
    public String error(String field) {
      return errors.get(field);
    }

    /** The chosen values of the facets, as hidden fields that a new search keeps. */
    public List<Map.Entry<String, String>> hiddenFilters() {
      return filters.entrySet().stream()
          .flatMap(entry -> entry.getValue().stream().map(value -> Map.entry(entry.getKey().parameter(), value)))
          .toList();
    }
  }

  /** Links to the other pages of the same search. */
  public record PageLinks(SearchQuery query) {
    public String to(int pageNumber) {
      return SearchPages.link(query.withPage(pageNumber));
    }
  }
}
