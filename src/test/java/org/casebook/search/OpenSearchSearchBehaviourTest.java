package org.casebook.search;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.casebook.search.opensearch.OpenSearchBackend;
import org.casebook.search.opensearch.TestOpenSearch;

/**
 * The search behaviour suite on an OpenSearch cluster of two nodes started in this JVM ({@link
 * TestOpenSearch}), with every shard replicated on the other node. Skipped where OpenSearch cannot
 * start, unless {@code casebook.requireOpenSearch} is set (as in CI).
 */
class OpenSearchSearchBehaviourTest extends SearchBehaviourTest {
  @Override
  protected SearchBackend openBackend(Path folder) {
    String index = "casebook-behaviour-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1).toLowerCase(Locale.ROOT);
    return OpenSearchBackend.open(TestOpenSearch.urls().stream().map(URI::create).toList(), index, TestOpenSearch.NODES - 1);
  }
}
