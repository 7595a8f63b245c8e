package org.casebook.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casebook.common.InvalidInput;

/**
 * Which search index Casebook uses: the embedded Lucene index under {@code <data-dir>/index/}
 * ({@code search-backend=lucene}, the default), or an index in an OpenSearch cluster ({@code
 * search-backend=opensearch}) at {@code search-opensearch-urls}.
 *
 * @param backend which index
 * @param openSearchUrls the HTTP addresses of the cluster's nodes (for OpenSearch)
 * @param openSearchIndex the name of the index (an alias) in the cluster
 * @param openSearchReplicas copies of each shard besides the primary, on other nodes
 */
public record SearchSettings(Backend backend, List<URI> openSearchUrls, String openSearchIndex, int openSearchReplicas) {

  /** The search index implementations. */
  public enum Backend {
    LUCENE,
    OPENSEARCH;

    /** The backend named {@code text} in the settings ({@code lucene} or {@code opensearch}). */
    static Backend named(String text) {
      for (Backend backend : values()) {
        if (backend.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
          return backend;
        }
      }
      throw new InvalidInput(Settings.Key.SEARCH_BACKEND.property(), "\"" + text + "\" is not a search backend; expected lucene or opensearch");
    }
  }

  public SearchSettings {
    openSearchUrls = List.copyOf(openSearchUrls);
    if (backend == Backend.OPENSEARCH && openSearchUrls.isEmpty()) {
      throw new InvalidInput(
          Settings.Key.SEARCH_OPENSEARCH_URLS.property(), "search-backend=opensearch needs the addresses of the cluster, such as http://localhost:9200");
    }
    if (!openSearchIndex.matches("[a-z0-9][a-z0-9_-]{0,100}")) {
      throw new InvalidInput(
          Settings.Key.SEARCH_OPENSEARCH_INDEX.property(), "\"" + openSearchIndex + "\" is not an index name; expected lower-case letters, digits, - and _");
    }
    if (openSearchReplicas < 0 || openSearchReplicas > 10) {
      throw new InvalidInput(Settings.Key.SEARCH_OPENSEARCH_REPLICAS.property(), "expected a number of replicas from 0 to 10, was " + openSearchReplicas);
    }
  }

  /** The embedded Lucene index. */
  public static SearchSettings lucene() {
    return new SearchSettings(Backend.LUCENE, List.of(), "casebook", 1);
  }

  static SearchSettings parse(String backend, String urls, String index, String replicas) {
    List<URI> addresses = new ArrayList<>();
    for (String url : urls.split(",")) {
      if (url.isBlank()) {
        continue;
      }
      try {
        URI address = new URI(url.strip());
        if (!("http".equals(address.getScheme()) || "https".equals(address.getScheme())) || address.getHost() == null) {
          throw new URISyntaxException(url, "not an http or https address with a host");
        }
        addresses.add(address);
      } catch (URISyntaxException e) {
        throw new InvalidInput(Settings.Key.SEARCH_OPENSEARCH_URLS.property(), "\"" + url.strip() + "\" is not an address such as http://localhost:9200");
      }
    }
    int copies;
    try {
      copies = Integer.parseInt(replicas);
    } catch (NumberFormatException e) {
      throw new InvalidInput(Settings.Key.SEARCH_OPENSEARCH_REPLICAS.property(), "\"" + replicas + "\" is not a number of replicas");
    }
    return new SearchSettings(Backend.named(backend), addresses, index, copies);
  }
}
