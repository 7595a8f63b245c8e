package org.casebook.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.generate.GenerationReport;

/**
 * The benchmark's results as a Markdown document: the machine and the command, the corpus, what each
 * target built, latency per category for each target, the targets side by side with the ratio of
 * the reference target's latency to each other's, and the heap. Printed and written to a file.
 *
 * @param generation the corpus generation of this run, or null if the corpus was there already
 */
public record BenchReport(
    String commandLine,
    Instant when,
    String database,
    long records,
    long seed,
    Map<String, Long> corpus,
    GenerationReport generation,
    BenchViewer viewer,
    long caseFiles,
    QueryMix mix,
    int warmupRounds,
    int timedRounds,
    List<TargetResult> results,
    String reference) {

  public BenchReport {
    corpus = Map.copyOf(corpus);
    results = List.copyOf(results);
  }

  /** The report in Markdown. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Search benchmark: ").append(records).append(" records\n\n");
    out.append("- Command: `").append(commandLine).append("`\n");
    out.append("- Run: ").append(when).append(" on ").append(machine()).append('\n');
    out.append("- Database: ").append(database).append('\n');
    out.append("- Corpus: ").append(corpusLine()).append('\n');
    out.append(
        format(
            "- Viewer: %s, on the team of %d of %d case files (%.1f%%), without the restricted grant\n",
            viewer.name(), viewer.caseFiles(), caseFiles, caseFiles == 0 ? 0.0 : 100.0 * viewer.caseFiles() / caseFiles));
    out.append(
        format(
            "- Query mix: %d queries (%s), seed %d; %d warm-up round(s), then %d timed round(s):"
                + " %d timed queries per target\n\n",
            mix.queries().size(), perCategory(), seed, warmupRounds, timedRounds, mix.queries().size() * timedRounds));

    out.append("## Targets\n\n");
    out.append("| target | what | prepared in | records | size | records/s |\n|---|---|---:|---:|---:|---:|\n");
    for (TargetResult result : results) {
      Preparation preparation = result.preparation();
      out.append(
          format(
              "| %s | %s; %s | %.1f s | %d | %s | %.0f |\n",
              result.target(), result.description(), preparation.what(), preparation.took().toNanos() / 1e9,
              preparation.records(), bytes(preparation.bytes()), preparation.rate()));
    }
    out.append('\n');

    for (TargetResult result : results) {
      out.append("## ").append(result.target()).append(": latency in ms\n\n");
      out.append("| category | timed runs | p50 | p95 | p99 | max | mean hits | found |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (QueryCategory category : QueryCategory.values()) {
        LatencyStats stats = result.latencies().stats(category);
        TargetResult.Found found = result.found().get(category);
        out.append(
            format(
                "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.1f | %s |\n",
                category.label(), stats.runs(), stats.p50(), stats.p95(), stats.p99(), stats.max(),
                result.meanHits().getOrDefault(category, 0.0),
                found == null ? "" : found.found() + "/" + found.expected()));
      }
      LatencyStats all = result.latencies().overall();
      out.append(
          format(
              "| **all** | %d | %.2f | %.2f | %.2f | %.2f | | |\n\n",
              all.runs(), all.p50(), all.p95(), all.p99(), all.max()));
    }

    if (results.stream().anyMatch(result -> result.cpu() != null)) {
      out.append(
          "## CPU time of the asking thread: p50 / p99 in ms\n\nAll of a query's work for a target that"
              + " searches in this thread (lucene-service, lucene-bare); only the client's part for HTTP and"
              + " SQL. Unlike the wall times above, it hardly depends on what else the machine runs.\n\n| category |");
      for (TargetResult result : results) {
        out.append(' ').append(result.target()).append(" |");
      }
      out.append("\n|---|");
      results.forEach(result -> out.append("---:|"));
      out.append('\n');
      for (QueryCategory category : QueryCategory.values()) {
        out.append("| ").append(category.label()).append(" |");
        for (TargetResult result : results) {
          out.append(cpuCell(result.cpu() == null ? null : result.cpu().stats(category))).append(" |");
        }
        out.append('\n');
      }
      out.append("| **all** |");
      for (TargetResult result : results) {
        out.append(cpuCell(result.cpu() == null ? null : result.cpu().overall())).append(" |");
      }
      out.append("\n\n");
    }

    if (results.size() > 1) {
      out.append("## Side by side: p50 / p99 in ms");
      out.append(reference == null ? "" : ", and how many times faster than " + reference + " at p99");
      out.append("\n\n| category |");
      for (TargetResult result : results) {
        out.append(' ').append(result.target()).append(" |");
      }
      out.append("\n|---|");
      results.forEach(result -> out.append("---:|"));
      out.append('\n');
      for (QueryCategory category : QueryCategory.values()) {
        out.append("| ").append(category.label()).append(" |");
        for (TargetResult result : results) {
          out.append(cell(result.latencies().stats(category), referenceStats(category))).append(" |");
        }
        out.append('\n');
      }
      out.append("| **all** |");
      for (TargetResult result : results) {
        out.append(cell(result.latencies().overall(), referenceResult() == null ? null : referenceResult().latencies().overall()))
            .append(" |");
      }
      out.append("\n\n");
    }

    out.append(goals());

    out.append("## Heap of the benchmark's process\n\n| target | max | used after GC | peak |\n|---|---:|---:|---:|\n");
    for (TargetResult result : results) {
      HeapGauge.Heap heap = result.heap();
      out.append(
          format("| %s | %s | %s | %s |\n", result.target(), bytes(heap.max()), bytes(heap.usedAfterGc()), bytes(heap.peak())));
    }
    out.append(
        "\nPostgreSQL does its work in the server: the heap above is only the client's. \"found\" counts the"
            + " queries made from a record the viewer may see that found it among their 20 hits (for an"
            + " untrimmed target, among the hits of the whole corpus); \"mean hits\" is at most 20. A ratio"
            + " below 1 means slower than the reference.\n");
    return out.toString();
  }

  /**
   * The targets of the search issue, where this run measured them: the HTTP target's p99 within 1.5
   * times the bare searcher's, PostgreSQL's p99 at least 30 times the HTTP target's, reindexing at
   * 10,000 records a second or more, and the heap within 1 GiB. Empty when the run has none of them.
   */
  private String goals() {
    TargetResult http = result(BenchTargets.LUCENE_HTTP);
    TargetResult bare = result(BenchTargets.LUCENE_BARE);
    TargetResult postgres = result(BenchTargets.POSTGRES);
    TargetResult lucene =
        results.stream().filter(result -> result.target().startsWith("lucene-")).findFirst().orElse(null);
    if (lucene == null) {
      return "";
    }
    StringBuilder out = new StringBuilder("## Against the targets\n\n| target | measured | goal | met |\n|---|---:|---:|---|\n");
    if (http != null && bare != null) {
      for (QueryCategory category : QueryCategory.values()) {
        double ratio = ratio(http.latencies().stats(category).p99(), bare.latencies().stats(category).p99());
        out.append(format("| HTTP p99 / bare p99: %s | %.2f× | at most 1.5× | |\n", category.label(), ratio));
      }
      double ratio = ratio(http.latencies().overall().p99(), bare.latencies().overall().p99());
      out.append(format("| **HTTP p99 / bare p99, all queries** | %.2f× | at most 1.5× | %s |\n", ratio, yes(ratio <= 1.5)));
    }
    TargetResult service = result(BenchTargets.LUCENE_SERVICE);
    if (service != null && bare != null && service.cpu() != null && bare.cpu() != null) {
      double ratio = ratio(service.cpu().overall().p99(), bare.cpu().overall().p99());
      out.append(
          format(
              "| service CPU p99 / bare CPU p99, all queries (Casebook's work short of HTTP, measured in CPU time) | %.2f× | | |\n",
              ratio));
    }
    if (http != null && postgres != null) {
      double ratio = ratio(postgres.latencies().overall().p99(), http.latencies().overall().p99());
      out.append(format("| **PostgreSQL p99 / HTTP p99, all queries** | %.1f× | at least 30× | %s |\n", ratio, yes(ratio >= 30)));
    }
    double rate = lucene.preparation().rate();
    out.append(format("| **reindexing** | %.0f records/s | at least 10,000 records/s | %s |\n", rate, yes(rate >= 10_000)));
    long peak = results.stream().filter(result -> result.target().startsWith("lucene-")).mapToLong(result -> result.heap().peak()).max().orElse(0);
    long max = lucene.heap().max();
    out.append(
        format(
            "| **heap** | peak %s, of at most %s | within 1 GiB | %s |\n\n",
            bytes(peak), bytes(max), yes(max <= (1L << 30) + (64L << 20))));
    return out.toString();
  }

  private TargetResult result(String name) {
    return results.stream().filter(result -> result.target().equals(name)).findFirst().orElse(null);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator <= 0 ? Double.NaN : numerator / denominator;
  }

  private static String yes(boolean met) {
    return met ? "yes" : "**no**";
  }

  /** Writes {@link #markdown} to {@code file}, making its folder. */
  public void write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark report " + file, e);
    }
  }

  private TargetResult referenceResult() {
    return results.stream().filter(result -> result.target().equals(reference)).findFirst().orElse(null);
  }

  private LatencyStats referenceStats(QueryCategory category) {
    TargetResult result = referenceResult();
    return result == null ? null : result.latencies().stats(category);
  }

  private static String cpuCell(LatencyStats stats) {
    return stats == null ? " " : format(" %.2f / %.2f", stats.p50(), stats.p99());
  }

  /** p50 / p99, and for a target other than the reference how many times faster it is at p99. */
  private static String cell(LatencyStats stats, LatencyStats reference) {
    String cell = format(" %.2f / %.2f", stats.p50(), stats.p99());
    if (reference != null && stats.p99() > 0 && !reference.equals(stats)) {
      double ratio = reference.p99() / stats.p99();
      cell += format(ratio >= 10 ? " (%.0f×)" : ratio >= 1 ? " (%.1f×)" : " (%.2f×)", ratio);
    }
    return cell;
  }

  private String corpusLine() {
    StringBuilder line = new StringBuilder().append(records).append(" records (");
    String[][] kinds = {
      {"case-file", "case files"}, {"person", "persons"}, {"organization", "organizations"},
      {"source", "sources"}, {"proceeding", "proceedings"}, {"event", "events"}
    };
    for (int index = 0; index < kinds.length; index++) {
      line.append(index == 0 ? "" : ", ").append(corpus.getOrDefault(kinds[index][0], 0L)).append(' ').append(kinds[index][1]);
    }
    line.append(")");
    if (generation != null) {
      line.append(
          format(
              ", generated by this run with seed %d in %.1f s (%.0f records/s)",
              generation.seed(), generation.took().toNanos() / 1e9, generation.rate()));
    } else {
      line.append(", already in the database");
    }
    return line.toString();
  }

  private String perCategory() {
    StringBuilder text = new StringBuilder();
    mix.counts().forEach((category, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(category.label()));
    return text.toString();
  }

  /** The processors, memory, operating system and Java of this machine. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    String memory = procLine("/proc/meminfo", "MemTotal")
        .map(line -> line.replaceAll("[^0-9]", ""))
        .filter(kib -> !kib.isEmpty())
        .map(kib -> ", " + bytes(Long.parseLong(kib) * 1024) + " of memory")
        .orElse("");
    return runtime.availableProcessors() + " cores" + cpuModel() + memory + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
        + ", Java " + System.getProperty("java.version") + ", heap max " + bytes(runtime.maxMemory());
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name").map(line -> " (" + line + ")").orElse("");
  }

  /** The value after the colon of the first line of a Linux {@code /proc} file starting with {@code key}. */
  private static java.util.Optional<String> procLine(String file, String key) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      return java.util.Optional.empty();
    }
    try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> line.startsWith(key))
          .findFirst()
          .map(line -> line.substring(line.indexOf(':') + 1).strip());
    } catch (IOException | UncheckedIOException e) {
      return java.util.Optional.empty();
    }
  }

  static String bytes(long bytes) {
    if (bytes >= 1L << 30) {
      return format("%.2f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return format("%.1f MiB", bytes / (double) (1L << 20));
    }
    return format("%.1f KiB", bytes / 1024.0);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
