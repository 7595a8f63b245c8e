package org.casebook.bench;

import org.casebook.search.SearchService;

/**
 * Casebook's search service as the viewer: trimmed inside the query, with facet counts, snippets
 * and the hits' case files trimmed too, exactly what {@code GET /api/v1/search} does short of HTTP
 * and JSON. The first Lucene target of a run rebuilds the index; see {@link LuceneIndex}.
 */
final class LuceneService implements BenchTarget {
  private final LuceneIndex index;
  private final BenchViewer viewer;
  private SearchService service;

  LuceneService(LuceneIndex index, BenchViewer viewer) {
    this.index = index;
    this.viewer = viewer;
  }

  @Override
  public String name() {
    return BenchTargets.LUCENE_SERVICE;
  }

  @Override
  public String description() {
    return "Casebook's SearchService over the embedded Lucene index as the viewer: trimmed in the query,"
        + " facet counts, snippets";
  }

  @Override
  public Preparation prepare() {
    Preparation preparation = index.prepare();
    service = index.casebook().search();
    return preparation;
  }

  @Override
  public SearchResult search(BenchQuery query) {
    return SearchQueries.result(service.search(viewer.caller(), SearchQueries.of(query)), query);
  }
}
