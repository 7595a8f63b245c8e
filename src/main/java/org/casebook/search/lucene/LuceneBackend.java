package org.casebook.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.casebook.common.Background;
import org.casebook.search.IndexStats;
import org.casebook.search.QueryText;
import org.casebook.search.RecordKind;
import org.casebook.search.RecordRef;
import org.casebook.search.SearchBackend;
import org.casebook.search.SearchDocument;
import org.casebook.search.SearchHit;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResult;
import org.casebook.search.Snippet;
import org.casebook.search.SortOrder;
import org.casebook.search.Trim;
import org.casebook.storage.StorageUnavailable;

/**
 * The embedded search index: Lucene in a folder ({@code <data-dir>/index/} by default), one
 * writer, searchers refreshed after each commit. See {@link IndexFields} for the layout and {@link
 * Analysis} for how text is analysed.
 *
 * <p>Lifecycle: {@link #open} takes the folder's write lock (a second process opening the same
 * folder is refused with {@link StorageUnavailable}); {@link #close} releases it, dropping writes
 * not yet committed. An index that cannot be read, or was written in another layout, is opened
 * empty (its {@link #stats} say it is unusable, and the indexer rebuilds it).
 *
 * <p>Thread-safe: searches run concurrently with each other and with writes; commits are
 * serialised.
 */
public final class LuceneBackend implements SearchBackend {
  private static final String DATABASE = "casebook.database";
  private static final String POSITION = "casebook.position";
  private static final String LAYOUT = "casebook.layout";
  private static final int WRITERS = Runtime.getRuntime().availableProcessors();

  private final Path folder;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final QueryTranslator translator;
  private final Snippets snippets;
  /**
   * The threads that analyse and write documents, one per core. Not a shared pool's: the writer's
   * analyzers keep each thread's token streams, with the words they have seen, in thread locals,
   * and the common fork-join pool clears its threads' thread locals after every task.
   */
  private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, Background.daemonThreads("search-index-writer"));

  private LuceneBackend(Path folder, Directory directory, IndexWriter writer, Analyzer analyzer) throws IOException {
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.translator = new QueryTranslator(analyzer);
    this.snippets = new Snippets(analyzer);
  }

  /** Opens (or creates) the index in {@code folder}. */
  public static LuceneBackend open(Path folder) {
    try {
      Files.createDirectories(folder);
      if (!readable(folder)) {
        clear(folder);
      }
      Directory directory = FSDirectory.open(folder);
      Analyzer analyzer = Analysis.perField();
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      config.setCommitOnClose(false);
      IndexWriter writer;
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException e) {
        directory.close();
        throw new StorageUnavailable(
            "the search index " + folder + " is in use by another Casebook process; stop it first", e);
      }
      return new LuceneBackend(folder, directory, writer, analyzer);
    } catch (IOException e) {
      throw new StorageUnavailable("cannot open the search index " + folder, e);
    }
  }

  /** Whether the folder holds no index, or one this code can read and the layout it writes. */
  private static boolean readable(Path folder) {
    try (Directory directory = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(directory)) {
        return true;
      }
      SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
      return IndexFields.LAYOUT.equals(infos.getUserData().get(LAYOUT));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Removes an unreadable or outdated index; it is made again from the database. */
  private static void clear(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isRegularFile(file)) {
          Files.delete(file);
        }
      }
    }
  }

  /** The folder of the index. */
  public Path folder() {
    return folder;
  }

  /**
   * Analyses the documents on every core (the writer takes documents from several threads at once),
   * since analysis is most of the cost of indexing. Each of the {@link #writers} takes the next
   * document no other has taken, so that they finish a batch within a document of each other.
   * After a failure (or an interrupt of the waiting caller) no further document is taken, and the
   * first failure is thrown.
   */
  @Override
  public void index(Collection<SearchDocument> documents) {
    List<SearchDocument> batch = List.copyOf(documents);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int thread = 0; thread < Math.min(WRITERS, batch.size()); thread++) {
      running.add(writers.submit(() -> writeUntaken(batch, next)));
    }
    RuntimeException failure = null;
    for (Future<?> writing : running) {
      try {
        Background.await(writing, "indexing documents");
      } catch (RuntimeException e) {
        next.set(batch.size());
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Writes the documents of {@code batch} from {@code next} on, one at a time, until none is left or one fails. */
  private void writeUntaken(List<SearchDocument> batch, AtomicInteger next) {
    for (int taken = next.getAndIncrement(); taken < batch.size(); taken = next.getAndIncrement()) {
      try {
        write(batch.get(taken));
      } catch (RuntimeException e) {
        next.set(batch.size());
        throw e;
      }
    }
  }

  private void write(SearchDocument document) {
    try {
      writer.updateDocument(IndexFields.key(document.ref()), IndexFields.toLucene(document));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the search index", e);
    }
  }

  @Override
  public void delete(Collection<RecordRef> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      writer.deleteDocuments(records.stream().map(IndexFields::key).toArray(Term[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the search index", e);
    }
  }

  @Override
  public void deleteAll() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the search index", e);
    }
  }

  @Override
  public synchronized void commit(String databaseId, long position) {
    try {
      writer.setLiveCommitData(
          Map.of(DATABASE, databaseId, POSITION, Long.toString(position), LAYOUT, IndexFields.LAYOUT).entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the search index", e);
    }
  }

  @Override
  public SearchResult search(SearchQuery search, Trim trim) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return search(searcher, search, trim);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
  }

  private SearchResult search(IndexSearcher searcher, SearchQuery search, Trim trim) throws IOException {
    Query parsed = translator.text(search.parsed());
    // Rewritten once, for the search and the snippets: a word with a typo or a prefix is expanded
    // to the words of the index it stands for, which costs more than the rest of the rewrite.
    Query text = parsed == null ? null : searcher.rewrite(parsed);
    Query query = translator.query(search, text, trim);
    int wanted = search.page() * search.size();
    boolean full = search.detail() == SearchQuery.Detail.FULL;
    // Counting every match (for the total and the facets) is what makes a search visit them all;
    // without it, the collector may skip the matches that can no longer make the page.
    CollectorManager<?, ? extends TopDocs> ranked;
    if (search.sort() == SortOrder.DATE) {
      SortField date = new SortField(IndexFields.SORT_DATE, SortField.Type.STRING, true);
      date.setMissingValue(SortField.STRING_FIRST);
      ranked = new TopFieldCollectorManager(new Sort(date, SortField.FIELD_SCORE), wanted, null, wanted);
    } else {
      ranked = new TopScoreDocCollectorManager(wanted, null, wanted);
    }
    TopDocs top;
    FacetCounting.Counts counts = null;
    if (full) {
      Object[] collected = searcher.search(query, new MultiCollectorManager(ranked, new FacetCounting()));
      top = (TopDocs) collected[0];
      counts = (FacetCounting.Counts) collected[1];
    } else {
      top = searcher.search(query, ranked);
    }
    int from = Math.min(top.scoreDocs.length, (search.page() - 1) * search.size());
    ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
    int[] docs = java.util.Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
    Snippet[] marked;
    if (full) {
      marked = snippets.of(searcher, text, docs);
    } else {
      marked = new Snippet[docs.length];
      java.util.Arrays.fill(marked, Snippet.EMPTY);
    }
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>();
    for (int index = 0; index < docs.length; index++) {
      hits.add(IndexFields.hit(stored.document(docs[index], IndexFields.HIT_FIELDS), marked[index]));
    }
    return full
        ? new SearchResult(hits, counts.matches(), search.page(), search.size(), counts.sorted())
        : new SearchResult(hits, top.totalHits.value, search.page(), search.size(), Map.of());
  }

  @Override
  public IndexStats stats() {
    try {
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      if (!IndexFields.LAYOUT.equals(data.get(LAYOUT)) || data.get(DATABASE) == null) {
        return IndexStats.unusable();
      }
      Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
      Map<RecordKind, Long> fingerprints = new EnumMap<>(RecordKind.class);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          SortedSetDocValues kinds = DocValues.getSortedSet(leaf.reader(), IndexFields.facetField(org.casebook.search.Facet.KIND));
          NumericDocValues fingerprint = DocValues.getNumeric(leaf.reader(), IndexFields.FINGERPRINT);
          Bits live = leaf.reader().getLiveDocs();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            if ((live != null && !live.get(doc)) || !kinds.advanceExact(doc)) {
              continue;
            }
            RecordKind kind = RecordKind.byCode(kinds.lookupOrd(kinds.nextOrd()).utf8ToString()).orElseThrow();
            counts.merge(kind, 1L, Long::sum);
            fingerprints.merge(kind, fingerprint.advanceExact(doc) ? fingerprint.longValue() : 0L, Long::sum);
          }
        }
      }
      return new IndexStats(data.get(DATABASE), Long.parseLong(data.getOrDefault(POSITION, "0")), counts, fingerprints);
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      return IndexStats.unusable();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index", e);
    }
  }

  /**
   * The text part of a query as this backend runs it, without trimming, filters or facets: for the
   * benchmark's floor, a bare {@link IndexSearcher} over the same index.
   */
  public Query textQuery(String text) {
    Query query = translator.text(QueryText.parse(text));
    return query == null ? new org.apache.lucene.search.MatchAllDocsQuery() : query;
  }

  /**
   * Runs {@code work} with a searcher over the last commit, for the benchmark's floor. The searcher
   * must not be kept after {@code work} returns.
   */
  public <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
  }

  /** The kind and id of the document {@code doc} of {@code searcher}, read from its stored fields. */
  public static RecordRef record(IndexSearcher searcher, int doc) throws IOException {
    org.apache.lucene.document.Document stored =
        searcher.storedFields().document(doc, java.util.Set.of(IndexFields.KIND, IndexFields.ID));
    return new RecordRef(
        RecordKind.byCode(stored.get(IndexFields.KIND)).orElseThrow(), java.util.UUID.fromString(stored.get(IndexFields.ID)));
  }

  /** Work on a searcher. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  @Override
  public synchronized void close() {
    writers.shutdown();
    try {
      searchers.close();
      writer.rollback();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
