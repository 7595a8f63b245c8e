package org.casebook.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.casebook.app.Casebook;
import org.casebook.search.SearchIndexer;
import org.casebook.search.lucene.LuceneBackend;
import org.casebook.transfer.Progress;

/**
 * Casebook's Lucene index ({@code <data-dir>/index/}) as the Lucene targets of one run share it:
 * the first target to prepare rebuilds it from the database, as {@code casebook reindex} does (or,
 * when asked, keeps it if it agrees with the database); the others search the same index and report
 * the first one's preparation.
 *
 * <p>Use from one thread.
 */
final class LuceneIndex {
  private final Casebook casebook;
  private final Progress progress;
  private final boolean reuse;
  private Preparation built;

  /**
   * @param reuse keep an index that agrees with the database (records and versions of every kind,
   *     as the server checks at start) rather than rebuild it
   */
  LuceneIndex(Casebook casebook, Progress progress, boolean reuse) {
    this.casebook = casebook;
    this.progress = progress;
    this.reuse = reuse;
  }

  Casebook casebook() {
    return casebook;
  }

  /** The embedded backend, opened by the first call. */
  LuceneBackend backend() {
    casebook.search();
    return (LuceneBackend) casebook.search().backend();
  }

  /** Rebuilds the index from the database the first time; the first rebuild's figures every time. */
  Preparation prepare() {
    if (built != null) {
      return new Preparation(built.took(), built.records(), built.bytes(), built.what() + " (built by the target before)");
    }
    SearchIndexer indexer = casebook.searchIndexer();
    if (reuse && indexer.compare().agrees()) {
      built =
          new Preparation(
              Duration.ZERO, indexer.compare().index().total(), size(backend().folder()),
              "the Lucene index under " + backend().folder() + ", kept from an earlier run (--reuse-index):"
                  + " it agrees with the database");
      return built;
    }
    double cpuBefore = processCpuSeconds();
    long started = System.nanoTime();
    SearchIndexer.Rebuilt rebuilt = indexer.rebuild(progress);
    indexer.drain();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    double cpu = processCpuSeconds() - cpuBefore;
    String spent =
        cpuBefore < 0
            ? ""
            : String.format(
                Locale.ROOT, "; %.1f s of CPU in this process (%.0f records per CPU second)", cpu,
                cpu > 0 ? rebuilt.documents() / cpu : 0.0);
    built =
        new Preparation(
            took, rebuilt.documents(), size(backend().folder()),
            "the Lucene index under " + backend().folder() + ", rebuilt from the database as casebook reindex does"
                + spent);
    return built;
  }

  /**
   * The CPU time this process has used, user and system, from Linux's {@code /proc/self/stat} (in
   * ticks of 1/100 s); -1 where that cannot be read. The database's CPU is not in it.
   */
  static double processCpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.UTF_8);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The bytes of the files of a folder, as on disk. */
  static long size(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(LuceneIndex::bytes).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure the index " + folder, e);
    }
  }

  private static long bytes(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
