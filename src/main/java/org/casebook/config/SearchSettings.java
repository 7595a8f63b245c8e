package org.casebook.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.common.InvalidInput;

/**
 * Which search index Casebook uses: the embedded Lucene index under {@code <data-dir>/index/}
 * ({@code search-backend=lucene}, the default), or an index in an OpenSearch cluster ({@code
 * search-backend=opensearch}) at {@code search-opensearch-urls}, reached as {@code
 * search-opensearch-user} with the password in {@code search-opensearch-password-file}, trusting
 * only {@code search-opensearch-ca-certificate} when one is given.
 *
 * <p>The settings name the password's file, never the password: it is read from the file when the
 * cluster is opened, so that it appears in no setting, log or {@code toString}. Credentials are
 * refused with any {@code http} address (they would travel in clear), and so is a CA certificate
 * (it would check nothing there).
 *
 * @param backend which index
 * @param openSearchUrls the HTTP addresses of the cluster's nodes (for OpenSearch)
 * @param openSearchIndex the name of the index (an alias) in the cluster
 * @param openSearchReplicas copies of each shard besides the primary, on other nodes
 * @param openSearchUser the user name for HTTP basic authentication, or null for none
 * @param openSearchPasswordFile the file holding that user's password, or null for none
 * @param openSearchCaCertificate the PEM file of the CA certificates the cluster's certificate must
 *     chain to, or null to trust the JDK's default certificate authorities
 */
public record SearchSettings(
    Backend backend,
    List<URI> openSearchUrls,
    String openSearchIndex,
    int openSearchReplicas,
    String openSearchUser,
    Path openSearchPasswordFile,
    Path openSearchCaCertificate) {

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
    if (openSearchUser != null && (openSearchUser.isEmpty() || openSearchUser.contains(":"))) {
      throw new InvalidInput(Settings.Key.SEARCH_OPENSEARCH_USER.property(), "\"" + openSearchUser + "\" is not a user name; a user name holds no colon");
    }
    if (openSearchUser != null && openSearchPasswordFile == null) {
      throw new InvalidInput(
          Settings.Key.SEARCH_OPENSEARCH_PASSWORD_FILE.property(),
          "search-opensearch-user is given, but no file holding its password");
    }
    if (openSearchPasswordFile != null && openSearchUser == null) {
      throw new InvalidInput(
          Settings.Key.SEARCH_OPENSEARCH_USER.property(), "search-opensearch-password-file is given, but no user name to go with it");
    }
    for (URI url : openSearchUrls) {
      if (!"https".equals(url.getScheme()) && openSearchPasswordFile != null) {
        throw new InvalidInput(
            Settings.Key.SEARCH_OPENSEARCH_PASSWORD_FILE.property(),
            "a password would be sent in clear to " + url + "; with credentials, every address in search-opensearch-urls must be https");
      }
      if (!"https".equals(url.getScheme()) && openSearchCaCertificate != null) {
        throw new InvalidInput(
            Settings.Key.SEARCH_OPENSEARCH_CA_CERTIFICATE.property(),
            "a CA certificate checks nothing at " + url + "; with a CA certificate, every address in search-opensearch-urls must be https");
      }
    }
  }

  /** The embedded Lucene index. */
  public static SearchSettings lucene() {
    return new SearchSettings(Backend.LUCENE, List.of(), "casebook", 1, null, null, null);
  }

  /** An OpenSearch cluster at {@code urls}, reached without credentials and trusting the JDK's certificate authorities. */
  public static SearchSettings openSearch(List<URI> urls, String index, int replicas) {
    return new SearchSettings(Backend.OPENSEARCH, urls, index, replicas, null, null, null);
  }

  /** These settings reaching the cluster as {@code user} with the password in {@code passwordFile}. */
  public SearchSettings withCredentials(String user, Path passwordFile) {
    return new SearchSettings(backend, openSearchUrls, openSearchIndex, openSearchReplicas, user, passwordFile, openSearchCaCertificate);
  }

  /** These settings trusting only the CA certificates of the PEM file {@code caCertificate}. */
  public SearchSettings withCaCertificate(Path caCertificate) {
    return new SearchSettings(backend, openSearchUrls, openSearchIndex, openSearchReplicas, openSearchUser, openSearchPasswordFile, caCertificate);
  }

  /** The search settings among the resolved {@code values} of {@link Settings}. */
  static SearchSettings parse(Map<Settings.Key, String> values) {
    List<URI> addresses = new ArrayList<>();
    for (String url : values.get(Settings.Key.SEARCH_OPENSEARCH_URLS).split(",")) {
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
    String replicas = values.get(Settings.Key.SEARCH_OPENSEARCH_REPLICAS);
    int copies;
    try {
      copies = Integer.parseInt(replicas);
    } catch (NumberFormatException e) {
      throw new InvalidInput(Settings.Key.SEARCH_OPENSEARCH_REPLICAS.property(), "\"" + replicas + "\" is not a number of replicas");
    }
    return new SearchSettings(
        Backend.named(values.get(Settings.Key.SEARCH_BACKEND)),
        addresses,
        values.get(Settings.Key.SEARCH_OPENSEARCH_INDEX),
        copies,
        Settings.emptyToNull(values.get(Settings.Key.SEARCH_OPENSEARCH_USER)),
        path(values.get(Settings.Key.SEARCH_OPENSEARCH_PASSWORD_FILE)),
        path(values.get(Settings.Key.SEARCH_OPENSEARCH_CA_CERTIFICATE)));
  }

  private static Path path(String text) {
    String given = Settings.emptyToNull(text);
    return given == null ? null : Path.of(given);
  }
}
