package org.casebook.search.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.casebook.search.RecordKind;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The documents and fingerprint sums per kind, read the long way, as {@link OpenSearchBackend#stats}
 * once did: every document in pages of 5,000 ({@code search_after} on the key), summed here in
 * Java. The reference the one-search stats are held to, and what they are timed against.
 */
final class PagedStats implements AutoCloseable {
  private static final int PAGE = 5_000;

  /** Documents and fingerprint sums per kind. */
  record Totals(Map<RecordKind, Long> counts, Map<RecordKind, Long> fingerprints) {}

  private final OpenSearchTransport transport;
  private final OpenSearchClient client;

  PagedStats(List<String> urls) {
    transport = ClusterAccess.open(urls.stream().map(URI::create).toList()).transport(new JacksonJsonpMapper(new ObjectMapper()));
    client = new OpenSearchClient(transport);
  }

  /** The totals of the index (or alias) {@code index}. */
  Totals read(String index) {
    Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
    Map<RecordKind, Long> fingerprints = new EnumMap<>(RecordKind.class);
    List<String> after = null;
    try {
      while (true) {
        List<String> searchAfter = after;
        SearchResponse<ObjectNode> page =
            client.search(
                request -> {
                  request.index(index).size(PAGE).query(all -> all.matchAll(match -> match))
                      .source(source -> source.filter(filter -> filter.includes(Layout.KIND, Layout.FINGERPRINT)))
                      .sort(sort -> sort.field(field -> field.field(Layout.KEY)));
                  if (searchAfter != null) {
                    request.searchAfter(searchAfter);
                  }
                  return request;
                },
                ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        for (Hit<ObjectNode> hit : hits) {
          RecordKind kind = RecordKind.byCode(hit.source().path(Layout.KIND).asText()).orElseThrow();
          counts.merge(kind, 1L, Long::sum);
          fingerprints.merge(kind, hit.source().path(Layout.FINGERPRINT).asLong(), Long::sum);
        }
        if (hits.size() < PAGE) {
          return new Totals(counts, fingerprints);
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Empties the request cache of {@code index}, so that a search of no hits is computed again. */
  void clearRequestCache(String index) {
    try {
      client.indices().clearCache(request -> request.index(index).request(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
