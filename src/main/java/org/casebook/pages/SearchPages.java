package org.casebook.pages;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.dates.PartialDateInput;
import org.casebook.search.Facet;
import org.casebook.search.FacetCount;
import org.casebook.search.RecordKind;
import org.casebook.search.SearchHit;
import org.casebook.search.SearchParameters;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResult;
import org.casebook.search.SearchService;
import org.casebook.search.Snippet;
import org.casebook.search.SortOrder;
import org.casebook.search.Suggestions;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * {@code GET /search}: the search page of signed-in users. A GET form (it works without
 * JavaScript and every state has its address), the hits with their marked snippets, the facets as
 * links with their counts, paging. Everything shown comes from {@link SearchService}, trimmed to
 * the reader.
 */
final class SearchPages implements Feature {
  static final int PAGE_SIZE = 20;

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final SearchService search;
  private final Vocabularies vocabularies;
  private final Suggestions suggestions;

  SearchPages(PageRenderer renderer, SignInPages signIn, SearchService search, Vocabularies vocabularies) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.search = search;
    this.vocabularies = vocabularies;
    this.suggestions = new Suggestions(search);
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/search",
        ApiDoc.of("pages", "Search every record one may see, with facets and highlighted snippets")
            .query(SearchParameters.NAMES.toArray(String[]::new)),
        this::searchPage);
    routes.get(
        "/search/suggestions",
        ApiDoc.of("pages", "The suggestions under the header's search box: names one may see that complete what is typed").query("q"),
        this::suggestionList);
  }

  /**
   * The list under the header's search box, replaced by htmx as one types: a case file's
   * suggestion opens it, a person's or organization's searches for the name as a phrase (which
   * finds the record and everything that names it).
   */
  private void suggestionList(Context context) {
    Caller caller = Callers.of(context);
    caller.require(org.casebook.access.Permission.READ_RECORDS);
    PageContext page = renderer.context(context);
    List<SearchView.Suggestion> items = new ArrayList<>();
    for (Suggestions.Suggestion suggestion : suggestions.suggest(caller, context.queryParam("q"))) {
      String link =
          suggestion.kind() == RecordKind.CASE
              ? "/cases/" + suggestion.id()
              : link(SearchQuery.of("\"" + suggestion.title().replace("\"", " ") + "\""));
      items.add(new SearchView.Suggestion(suggestion.title(), page.t("search.kind." + suggestion.kind().code()), link));
    }
    renderer.render(context, "search_suggestions.jte", page, Map.of("suggestions", items));
  }

  private void searchPage(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    PageContext page = renderer.context(context);
    Map<String, List<String>> parameters = context.queryParamMap();
    SearchQuery query;
    try {
      query = SearchParameters.read(parameters, text -> PartialDateInput.parse(text, page.locale()), PAGE_SIZE);
    } catch (InvalidInput invalid) {
      Map<String, String> errors = new java.util.LinkedHashMap<>();
      for (FieldError error : invalid.errors()) {
        errors.putIfAbsent(error.field(), error.message());
      }
      context.status(422);
      render(context, page, form(parameters, errors), null, null);
      return;
    }
    boolean asked = parameters.containsKey("q") || query.filters().size() > 0 || query.range() != null;
    SearchResult result = asked ? search.search(caller, query) : null;
    render(context, page, form(parameters, Map.of()), query, result);
  }

  private void render(Context context, PageContext page, SearchView.Form form, SearchQuery query, SearchResult result) {
    List<SearchView.Hit> hits = new ArrayList<>();
    List<SearchView.FacetGroup> facets = new ArrayList<>();
    List<SearchView.ChosenFilter> chosen = new ArrayList<>();
    long pages = 1;
    if (result != null) {
      for (SearchHit hit : result.hits()) {
        hits.add(new SearchView.Hit(
            page.t(kindKey(hit.kind().code())), hit.title(), link(hit), page.date(hit.date()), hit.snippet().parts()));
      }
      for (Facet facet : Facet.values()) {
        List<SearchView.FacetLink> values = new ArrayList<>();
        for (FacetCount count : result.facet(facet)) {
          boolean isChosen = query.filter(facet).contains(count.value());
          values.add(new SearchView.FacetLink(
              label(facet, count.value(), page), count.count(),
              isChosen ? link(query.withoutFilter(facet)) : link(query.withFilter(facet, count.value())), isChosen));
        }
        if (!values.isEmpty()) {
          facets.add(new SearchView.FacetGroup(page.t("search.facet." + facet.parameter()), values));
        }
      }
      for (Facet facet : Facet.values()) {
        for (String value : query.filter(facet)) {
          chosen.add(new SearchView.ChosenFilter(page.t("search.facet." + facet.parameter()) + ": " + label(facet, value, page), link(query.withoutFilter(facet))));
        }
      }
      pages = Math.max(1, Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE, SearchQuery.MAX_WINDOW / PAGE_SIZE));
    }
    SearchQuery linked = query;
    renderer.render(
        context,
        "search.jte",
        page,
        Map.of(
            "form", form,
            "asked", result != null,
            "total", result == null ? 0L : result.total(),
            "hits", hits,
            "facets", facets,
            "chosen", chosen,
            "pageNumber", query == null ? 1 : query.page(),
            "pages", pages,
            "pageLinks", new SearchView.PageLinks(linked),
            "firstNumber", ((query == null ? 1 : query.page()) - 1) * PAGE_SIZE + 1));
  }

  private static SearchView.Form form(Map<String, List<String>> parameters, Map<String, String> errors) {
    Map<Facet, java.util.Set<String>> filters = new java.util.EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      List<String> values = parameters.getOrDefault(facet.parameter(), List.of());
      if (!values.isEmpty()) {
        filters.put(facet, new java.util.LinkedHashSet<>(values));
      }
    }
    return new SearchView.Form(
        first(parameters, "q"), first(parameters, "from"), first(parameters, "to"),
        first(parameters, "sort").isEmpty() ? SortOrder.RELEVANCE.code() : first(parameters, "sort"), filters, errors);
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.getOrDefault(name, List.of());
    return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }

  /** The address of {@code query} on this page. */
  static String link(SearchQuery query) {
    StringBuilder link = new StringBuilder("/search?q=").append(encode(query.text() == null ? "" : query.text()));
    for (Facet facet : Facet.values()) {
      for (String value : query.filter(facet)) {
        link.append('&').append(facet.parameter()).append('=').append(encode(value));
      }
    }
    if (query.from() != null) {
      link.append("&from=").append(encode(query.from().toEdtf()));
    }
    if (query.to() != null) {
      link.append("&to=").append(encode(query.to().toEdtf()));
    }
    if (query.sort() != SortOrder.RELEVANCE) {
      link.append("&sort=").append(query.sort().code());
    }
    if (query.page() > 1) {
      link.append("&page=").append(query.page());
    }
    return link.toString();
  }

  /**
   * Where a hit is shown: a case file's or a communication's page; the place of an event, a proceeding, a source, a
   * person or an organization on the page of the first case file the reader sees that holds it;
   * nowhere yet for a record no case file lists.
   */
  private static String link(SearchHit hit) {
    if (hit.kind() == RecordKind.CASE) {
      return "/cases/" + hit.id();
    }
    if (hit.kind() == RecordKind.COMMUNICATION) {
      return "/communications/" + hit.id();
    }
    if (hit.cases().isEmpty()) {
      return null;
    }
    UUID caseId = hit.cases().get(0);
    String anchor =
        switch (hit.kind()) {
          case EVENT -> "event-" + hit.id();
          case PROCEEDING -> "proceedings";
          case SOURCE -> "sources";
          default -> "who";
        };
    return "/cases/" + caseId + "#" + anchor;
  }

  /** The message key of the name of a kind of record, by its code. */
  static String kindKey(String code) {
    return code.equals(RecordKind.COMMUNICATION.code()) ? "searchcomm.kind.communication" : "search.kind." + code;
  }

  private String label(Facet facet, String value, PageContext page) {
    return switch (facet) {
      case KIND -> page.t(kindKey(value));
      case EVENT_TYPE -> vocabularies.label(Vocabularies.EVENT_TYPE, value, page.russian());
      case STATUS -> vocabularies.label(Vocabularies.PROCEEDING_STATUS, value, page.russian());
      default -> value;
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
