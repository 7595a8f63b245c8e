package org.casebook.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.dates.PartialDate;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/** {@code GET /api/v1/search}: search every record the caller may see; see {@link SearchParameters}. */
public final class SearchRoutes implements Feature {
  private final SearchService search;
  private final Suggestions suggestions;

  public SearchRoutes(SearchService search) {
    this.search = search;
    this.suggestions = new Suggestions(search);
  }

  /**
   * The answer of the API: the hits of the page, the total, and per facet its values and counts.
   * A hit's {@code snippet} is HTML: the text escaped, the words that matched in {@code <mark>}.
   */
  public record Response(List<Hit> items, int page, int size, long total, Map<String, List<FacetCount>> facets) {}

  /** One hit as the API gives it. */
  public record Hit(String kind, UUID id, List<UUID> cases, String title, String snippet, PartialDate date) {}

  @Override
  public void register(Routes routes) {
    routes.get(
        "/api/v1/search",
        ApiDoc.of("search", "Search every record one may see, in any spelling, with facet counts and highlighted snippets")
            .returns(Response.class)
            .query(SearchParameters.NAMES.toArray(String[]::new)),
        context -> {
          SearchQuery query =
              SearchParameters.read(context.queryParamMap(), PartialDate::parse, SearchQuery.DEFAULT_SIZE);
          context.json(response(search.search(Callers.of(context), query)));
        });
    routes.get(
        "/api/v1/search/suggestions",
        ApiDoc.of("search", "Names of case files, persons and organizations one may see that complete what is typed, best first")
            .returnsArray(Suggestions.Suggestion.class)
            .query("q"),
        context -> context.json(suggestions.suggest(Callers.of(context), context.queryParam("q"))));
  }

  static Response response(SearchResult result) {
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    result.facets().forEach((facet, counts) -> facets.put(facet.parameter(), counts));
    return new Response(
        result.hits().stream()
            .map(hit -> new Hit(hit.kind().code(), hit.id(), hit.cases(), hit.title(), hit.snippet().html(), hit.date()))
            .toList(),
        result.page(),
        result.size(),
        result.total(),
        facets);
  }
}
