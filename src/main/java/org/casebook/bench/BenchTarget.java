package org.casebook.bench;

/**
 * Something the benchmark sends its {@link QueryMix} to: PostgreSQL full-text search, Casebook's
 * search service, its HTTP API, a bare Lucene {@code IndexSearcher}. Each target answers the same
 * queries for the same viewer (see {@link BenchContext}) with at most {@link SearchResult#LIMIT}
 * hits, best first, trimmed to what that viewer may see unless its name says otherwise.
 *
 * <p>Lifecycle: {@link #prepare} once (build what the target searches: index, table), then {@link
 * #search} for every query, from one thread, then {@link #close}. {@link #search} is timed whole,
 * so it includes everything a caller of that layer would wait for.
 */
public interface BenchTarget extends AutoCloseable {
  /** A short name for the report and the {@code --targets} option, such as {@code postgres-fts}. */
  String name();

  /** What the target is, in one line for the report. */
  String description();

  /** Builds what the target searches over the corpus of {@code context}; not timed as a query. */
  Preparation prepare();

  /** Answers one query. */
  SearchResult search(BenchQuery query);

  @Override
  default void close() {}
}
