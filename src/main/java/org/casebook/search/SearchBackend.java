package org.casebook.search;

import java.util.Collection;

/**
 * A search index of {@link SearchDocument}s: the embedded Lucene index ({@code
 * search.lucene.LuceneBackend}) or another engine behind the same contract. Casebook talks to it
 * through {@link SearchService} (searches, for callers) and {@link SearchIndexer} (every change,
 * through the outbox).
 *
 * <p>The contract every backend keeps, and that the shared behaviour tests ({@code
 * SearchBehaviourTest}) check:
 *
 * <ul>
 *   <li><b>Writes</b> ({@link #index}, {@link #delete}, {@link #deleteAll}) are idempotent: a
 *       document is identified by its {@link RecordRef}; indexing it again replaces it, deleting
 *       an absent one does nothing. They become visible to searches and durable together at the
 *       next {@link #commit}, never before it, so that a crash loses only what was not committed,
 *       and the outbox still holds it.
 *   <li><b>Searches</b> apply the {@link Trim} inside the query: hits, {@link SearchResult#total()},
 *       facet counts and snippets come only from documents the trim allows. Analysis must let
 *       Cyrillic and Latin spellings meet, fold case and diacritics (and Kazakh letters), stem
 *       English and Russian, and read {@link QueryText} clauses as described there. Snippets are
 *       cut from the {@code body} (else the {@code names}) of the document as stored. A search for
 *       the hits alone ({@link SearchQuery.Detail#HITS}) gives the same hits in the same order,
 *       without snippets or facet counts, and a total of at least the hits up to its page.
 *   <li><b>Stats</b> report what the last commit holds, for the agreement check at start.
 * </ul>
 *
 * <p>Implementations are thread-safe: searches run concurrently with each other and with the one
 * indexer thread that writes; there is one writer per backend instance.
 */
public interface SearchBackend extends AutoCloseable {

  /** Adds the documents, replacing any with the same kind and id. */
  void index(Collection<SearchDocument> documents);

  /** Removes the documents of these records, if present. */
  void delete(Collection<RecordRef> records);

  /** Removes every document (before a rebuild). */
  void deleteAll();

  /**
   * Makes every write so far durable and visible to searches, recording that the index now follows
   * the database {@code databaseId} up to outbox position {@code position}.
   */
  void commit(String databaseId, long position);

  /** One page of results for {@code query}, trimmed to what {@code trim} allows. */
  SearchResult search(SearchQuery query, Trim trim);

  /** What the last commit holds. */
  IndexStats stats();

  /** Releases the index; uncommitted writes are lost (the outbox still holds them). */
  @Override
  void close();
}
