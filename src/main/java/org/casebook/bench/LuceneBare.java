package org.casebook.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.casebook.search.RecordRef;
import org.casebook.search.lucene.LuceneBackend;

/**
 * The floor: the query's text as Casebook's backend translates it, on a bare Lucene {@code
 * IndexSearcher} over the same index, the best {@link SearchResult#LIMIT} by score, and each hit's
 * kind and id read from the stored fields. No service, no trimming, no filters, no facets, no
 * snippets, no HTTP: what Casebook adds to Lucene is the difference between this and the others.
 */
final class LuceneBare implements BenchTarget {
  private final LuceneIndex index;
  private LuceneBackend backend;

  LuceneBare(LuceneIndex index) {
    this.index = index;
  }

  @Override
  public String name() {
    return BenchTargets.LUCENE_BARE;
  }

  @Override
  public String description() {
    return "a bare Lucene IndexSearcher over the same index: the query text only, untrimmed, no filters,"
        + " facets or snippets";
  }

  @Override
  public Preparation prepare() {
    Preparation preparation = index.prepare();
    backend = index.backend();
    return preparation;
  }

  @Override
  public SearchResult search(BenchQuery benchQuery) {
    Query query = backend.textQuery(benchQuery.text());
    return backend.withSearcher(
        searcher -> {
          TopDocs top = searcher.search(query, SearchResult.LIMIT);
          List<Hit> hits = new ArrayList<>();
          for (ScoreDoc found : top.scoreDocs) {
            RecordRef record = LuceneBackend.record(searcher, found.doc);
            hits.add(new Hit(SearchQueries.benchKind(record.kind()), record.id(), found.score));
          }
          return new SearchResult(hits, java.util.Map.of());
        });
  }
}
