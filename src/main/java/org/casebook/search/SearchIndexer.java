package org.casebook.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casebook.common.Background;
import org.casebook.common.Failures;
import org.casebook.storage.Outbox;
import org.casebook.transfer.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link SearchBackend} following the database through the transactional outbox ({@code
 * search_outbox}, written by {@link Outbox} in the same transaction as each change).
 *
 * <p><b>Draining</b> ({@link #drain}): read a batch of outbox rows in position order; add the
 * records whose documents hold the names of the persons and organizations among them; read every
 * such record as it is stored now ({@link SearchDocuments}) and index it, or delete it from the
 * index if it is no longer indexed (voided, restricted, protected); commit the backend with the
 * batch's last position; only then delete the batch's rows. A crash at any point leaves the rows of
 * the batch to apply again, which is harmless: applying a row reads the record's current state.
 *
 * <p><b>At start</b> ({@link #start}), in the background: if the index was built from another
 * database or cannot be used, rebuild it; apply the outbox; then compare the index with the
 * database (documents per kind and their fingerprint, see {@link IndexStats}) and rebuild if they still differ.
 * Searches work meanwhile, on the index as last committed.
 *
 * <p><b>Rebuild</b> ({@link #rebuild}): every indexed record, read in batches in key order; the
 * outbox rows present when it began are deleted after its commit (the rebuild read their records
 * after they were written), later ones are applied by the next drain.
 *
 * <p>One indexer per backend and database: with several servers on one database, use a backend
 * that they share (each draining server removes the rows it applied). Thread-safe: draining,
 * rebuilding and checking are serialised; {@link #start} runs them on one background thread, woken
 * at once by commits in this process ({@link Outbox.Signal}) and otherwise every {@link #POLL}.
 */
public final class SearchIndexer implements AutoCloseable {
  /** Outbox rows applied per batch. */
  public static final int BATCH = 1000;
  /** Records read per query during a rebuild. */
  public static final int REBUILD_BATCH = SearchDocuments.CHUNK;
  /** How often the outbox is read when no commit in this process said it changed. */
  public static final Duration POLL = Duration.ofMillis(500);
  /** How many times the check at start drains again before deciding that a difference is real. */
  private static final int CHECK_ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

  private final Jdbi jdbi;
  private final SearchBackend backend;
  private final SearchDocuments documents = new SearchDocuments();
  private final Object wake = new Object();
  private boolean woken;
  private volatile boolean stopping;
  private volatile Thread thread;
  private String databaseId;
  private long position;
  /** Set while a rebuild is under way: if it fails, its uncommitted half must not be committed by a drain. */
  private boolean rebuildUnfinished;

  public SearchIndexer(Jdbi jdbi, SearchBackend backend) {
    this.jdbi = jdbi;
    this.backend = backend;
  }

  /** What the comparison of index and database found. */
  public record Agreement(boolean agrees, IndexStats index, Map<RecordKind, SearchDocuments.Expected> database, long pending) {
    /** The kinds that differ, as "kind: index N documents, database M records, fingerprints equal or not", for logs. */
    public List<String> differences() {
      List<String> differences = new ArrayList<>();
      if (index.databaseId() == null) {
        differences.add("the index is empty, unreadable or of another layout");
      }
      for (RecordKind kind : RecordKind.values()) {
        SearchDocuments.Expected expected = database.get(kind);
        long count = index.counts().get(kind);
        boolean sameFingerprint = index.fingerprints().get(kind) == expected.fingerprint();
        if (count != expected.count() || !sameFingerprint) {
          differences.add(
              kind.code() + ": index " + count + " documents, database " + expected.count() + " records, "
                  + (sameFingerprint ? "same" : "different") + " fingerprints");
        }
      }
      if (pending > 0) {
        differences.add(pending + " outbox rows not yet applied");
      }
      return differences;
    }
  }

  /** What a rebuild did. */
  public record Rebuilt(long documents, Duration took) {}

  /**
   * Starts the background thread: the check at start, then draining as changes come. Calling it
   * again does nothing. Stop it with {@link #close}.
   */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    jdbi.getConfig(Outbox.Signal.class).use(this::wake);
    thread = Background.daemonThreads("search-indexer").newThread(this::run);
    thread.start();
  }

  /** Tells the background thread that the outbox has rows. */
  public void wake() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  private void run() {
    boolean checked = false;
    Duration pause = POLL;
    while (!stopping) {
      try {
        long applied;
        if (checked) {
          applied = drain();
        } else {
          catchUp();
          checked = true;
          applied = 0;
        }
        pause = POLL;
        if (applied == 0) {
          sleep(pause);
        }
      } catch (RuntimeException e) {
        LOG.error(
            "search index: {} failed; retrying in {} ms: {}",
            checked ? "applying the outbox" : "the check at start", pause.toMillis(), Failures.withoutMessages(e));
        sleep(pause);
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause.multipliedBy(2);
      }
    }
  }

  private void sleep(Duration pause) {
    synchronized (wake) {
      if (!woken && !stopping) {
        try {
          wake.wait(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
      woken = false;
    }
  }

  /**
   * The check at start: rebuilds an index from another database or that cannot be used, applies
   * the outbox, and rebuilds if index and database still disagree. Returns the final comparison.
   */
  public synchronized Agreement catchUp() {
    IndexStats stats = backend.stats();
    if (stats.databaseId() == null || !stats.databaseId().equals(databaseId())) {
      LOG.info("search index: built from {} database; rebuilding", stats.databaseId() == null ? "no" : "another");
      logRebuilt(rebuild(Progress.NONE));
    } else {
      position = Math.max(position, stats.position());
    }
    Agreement agreement = null;
    for (int attempt = 0; attempt < CHECK_ATTEMPTS; attempt++) {
      long applied = drain();
      agreement = compare();
      if (stopping) {
        return agreement;
      }
      if (agreement.agrees()) {
        if (applied > 0) {
          LOG.info("search index: applied {} outbox rows at start", applied);
        }
        return agreement;
      }
      if (agreement.pending() == 0) {
        break;
      }
    }
    LOG.warn("search index: differs from the database ({}); rebuilding", String.join("; ", agreement.differences()));
    logRebuilt(rebuild(Progress.NONE));
    drain();
    return compare();
  }

  private static void logRebuilt(Rebuilt rebuilt) {
    LOG.info("search index: rebuilt with {} documents in {} ms", rebuilt.documents(), rebuilt.took().toMillis());
  }

  /** Compares what the index holds with what the database says it should. */
  public synchronized Agreement compare() {
    IndexStats stats = backend.stats();
    return jdbi.inTransaction(
        handle -> {
          long pending = handle.createQuery("SELECT COUNT(*) FROM search_outbox").mapTo(Long.class).one();
          Map<RecordKind, SearchDocuments.Expected> expected = documents.expected(handle);
          boolean agrees = pending == 0 && databaseId(handle).equals(stats.databaseId());
          for (RecordKind kind : RecordKind.values()) {
            agrees &= stats.counts().get(kind) == expected.get(kind).count()
                && stats.fingerprints().get(kind) == expected.get(kind).fingerprint();
          }
          return new Agreement(agrees, stats, expected, pending);
        });
  }

  /** Applies every outbox row there is now, in batches; returns how many rows it applied. */
  public synchronized long drain() {
    if (rebuildUnfinished) {
      rebuild(Progress.NONE);
    }
    long applied = 0;
    while (!stopping) {
      int batch = drainBatch();
      applied += batch;
      if (batch < BATCH) {
        break;
      }
    }
    return applied;
  }

  private record OutboxRow(long position, String table, UUID id) {}

  private int drainBatch() {
    List<OutboxRow> rows =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery("SELECT position, record_table, record_id FROM search_outbox ORDER BY position LIMIT " + BATCH)
                    .map((row, context) -> new OutboxRow(row.getLong("position"), row.getString("record_table"), row.getObject("record_id", UUID.class)))
                    .list());
    if (rows.isEmpty()) {
      return 0;
    }
    Map<RecordKind, Set<UUID>> changed = new EnumMap<>(RecordKind.class);
    for (OutboxRow row : rows) {
      RecordKind.byTable(row.table()).ifPresent(kind -> changed.computeIfAbsent(kind, key -> new LinkedHashSet<>()).add(row.id()));
    }
    apply(changed);
    long last = rows.stream().mapToLong(OutboxRow::position).max().orElse(0);
    position = Math.max(position, last);
    backend.commit(databaseId(), position);
    deleteRows(rows.stream().map(OutboxRow::position).toList());
    return rows.size();
  }

  /** Indexes the current state of the changed records and of the records that hold their names. */
  private void apply(Map<RecordKind, Set<UUID>> changed) {
    List<SearchDocument> found = new ArrayList<>();
    List<RecordRef> gone = new ArrayList<>();
    jdbi.useTransaction(
        handle -> {
          Map<RecordKind, Set<UUID>> all = new EnumMap<>(RecordKind.class);
          changed.forEach((kind, ids) -> all.computeIfAbsent(kind, key -> new LinkedHashSet<>()).addAll(ids));
          for (RecordKind named : List.of(RecordKind.PERSON, RecordKind.ORGANIZATION)) {
            for (RecordRef dependent : documents.dependents(handle, named, changed.getOrDefault(named, Set.of()))) {
              all.computeIfAbsent(dependent.kind(), key -> new LinkedHashSet<>()).add(dependent.id());
            }
          }
          for (Map.Entry<RecordKind, Set<UUID>> entry : all.entrySet()) {
            List<SearchDocument> loaded = documents.byIds(handle, entry.getKey(), entry.getValue());
            Set<UUID> indexed = new LinkedHashSet<>();
            loaded.forEach(document -> indexed.add(document.id()));
            found.addAll(loaded);
            entry.getValue().stream().filter(id -> !indexed.contains(id)).forEach(id -> gone.add(new RecordRef(entry.getKey(), id)));
          }
        });
    backend.index(found);
    backend.delete(gone);
  }

  /**
   * Rebuilds the index from the database: removes every document, indexes every record that is
   * indexed, commits, and removes the outbox rows that were there when it began.
   *
   * <p>The next batch is read from the database on another thread while this one is indexed: a
   * read waits on the database most of its time, and indexing would otherwise wait for it.
   */
  public synchronized Rebuilt rebuild(Progress progress) {
    long started = System.nanoTime();
    List<Long> before =
        jdbi.withHandle(handle -> handle.createQuery("SELECT position FROM search_outbox ORDER BY position").mapTo(Long.class).list());
    long total = jdbi.withHandle(documents::expectedTotal);
    rebuildUnfinished = true;
    backend.deleteAll();
    long done = 0;
    progress.report("indexing", 0, total);
    ExecutorService reader = Executors.newSingleThreadExecutor(Background.daemonThreads("search-rebuild-reader"));
    try {
      List<RecordKind> kinds = List.of(RecordKind.values());
      int kind = 0;
      Future<SearchDocuments.Batch> next = reader.submit(() -> read(kinds.get(0), 0));
      while (next != null) {
        if (stopping) {
          LOG.info("search index: rebuild stopped after {} documents; the next start rebuilds again", done);
          return new Rebuilt(done, Duration.ofNanos(System.nanoTime() - started));
        }
        SearchDocuments.Batch batch = Background.await(next, "reading records to index");
        long from;
        if (batch.documents().size() == REBUILD_BATCH) {
          from = batch.lastKey();
        } else {
          kind++;
          from = 0;
        }
        RecordKind nextKind = kind < kinds.size() ? kinds.get(kind) : null;
        next = nextKind == null ? null : reader.submit(() -> read(nextKind, from));
        backend.index(batch.documents());
        done += batch.documents().size();
        progress.report("indexing", done, Math.max(total, done));
      }
    } finally {
      // A read under way is left to finish on its own: interrupting it could break its connection.
      reader.shutdown();
    }
    position = Math.max(position, before.isEmpty() ? 0 : before.get(before.size() - 1));
    backend.commit(databaseId(), position);
    rebuildUnfinished = false;
    deleteRows(before);
    return new Rebuilt(done, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The documents of the first {@link #REBUILD_BATCH} records of {@code kind} after the key {@code after}. */
  private SearchDocuments.Batch read(RecordKind kind, long after) {
    return jdbi.inTransaction(handle -> documents.after(handle, kind, after, REBUILD_BATCH));
  }

  private void deleteRows(List<Long> positions) {
    for (int start = 0; start < positions.size(); start += BATCH) {
      List<Long> chunk = positions.subList(start, Math.min(positions.size(), start + BATCH));
      jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM search_outbox WHERE position IN (<positions>)").bindList("positions", chunk).execute());
    }
  }

  /** The id of the database, made on first use and kept in {@code search_state}. */
  public synchronized String databaseId() {
    if (databaseId == null) {
      databaseId = jdbi.inTransaction(SearchIndexer::databaseId);
    }
    return databaseId;
  }

  private static String databaseId(Handle handle) {
    var existing = handle.createQuery("SELECT database_id FROM search_state WHERE id = 1").mapTo(UUID.class).findOne();
    if (existing.isPresent()) {
      return existing.get().toString();
    }
    UUID made = UUID.randomUUID();
    handle.createUpdate("INSERT INTO search_state (id, database_id) VALUES (1, :id)").bind("id", made).execute();
    return made.toString();
  }

  /** Stops the background thread, waiting for the batch it is applying; the backend stays open. */
  @Override
  public void close() {
    Thread running = thread;
    stopping = true;
    jdbi.getConfig(Outbox.Signal.class).use(null);
    wake();
    if (running != null) {
      try {
        running.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Outbox rows waiting, for tests and status displays. */
  public long pending() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM search_outbox").mapTo(Long.class).one());
  }
}
