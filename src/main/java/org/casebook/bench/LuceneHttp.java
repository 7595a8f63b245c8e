package org.casebook.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.accounts.NewApiToken;
import org.casebook.web.Json;
import org.casebook.search.RecordKind;
import org.casebook.search.SearchQuery;
import org.casebook.web.WebServer;

/**
 * Casebook's search API over real HTTP: a server started in this process on a free port of the
 * loopback address, an API token made for the viewer, and each query sent as {@code GET
 * /api/v1/search} with {@link HttpClient} (HTTP/1.1, one kept-alive connection) and its JSON answer
 * parsed into hits and counts. A query is timed from building the request to the parsed answer.
 * {@link #close} stops the server and revokes the token.
 */
final class LuceneHttp implements BenchTarget {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final LuceneIndex index;
  private final BenchViewer viewer;
  private final ObjectMapper mapper = Json.mapper();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private WebServer server;
  private NewApiToken token;
  private String base;

  LuceneHttp(LuceneIndex index, BenchViewer viewer) {
    this.index = index;
    this.viewer = viewer;
  }

  @Override
  public String name() {
    return BenchTargets.LUCENE_HTTP;
  }

  @Override
  public String description() {
    return "GET /api/v1/search on a Casebook server in this process (loopback, an API token of the viewer),"
        + " JSON parsed: the service's work plus HTTP and JSON";
  }

  @Override
  public Preparation prepare() {
    Preparation preparation = index.prepare();
    server = index.casebook().serve("127.0.0.1", 0);
    token = index.casebook().accounts().createApiToken(viewer.userId(), "search benchmark", Duration.ofDays(1));
    base = "http://127.0.0.1:" + server.port() + "/api/v1/search";
    return preparation;
  }

  @Override
  public SearchResult search(BenchQuery query) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "?" + parameters(SearchQueries.of(query))))
            .header("Authorization", "Bearer " + token.rawToken())
            .header("Accept", "application/json")
            .timeout(TIMEOUT)
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + request.uri() + " answered " + response.statusCode() + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      return result(mapper.readTree(response.body()), query);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the benchmark's server at " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + request.uri(), e);
    }
  }

  /** The query as the API's parameters; see {@code search.SearchParameters}. */
  static String parameters(SearchQuery query) {
    List<String> pairs = new ArrayList<>();
    add(pairs, "q", query.text());
    query.filters().forEach((facet, values) -> values.forEach(value -> add(pairs, facet.parameter(), value)));
    add(pairs, "from", query.from() == null ? null : query.from().toString());
    add(pairs, "to", query.to() == null ? null : query.to().toString());
    add(pairs, "size", Integer.toString(query.size()));
    return String.join("&", pairs);
  }

  private static void add(List<String> pairs, String name, String value) {
    if (value != null) {
      pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static SearchResult result(JsonNode answer, BenchQuery query) {
    List<Hit> hits = new ArrayList<>();
    JsonNode items = answer.path("items");
    for (int rank = 0; rank < items.size(); rank++) {
      JsonNode item = items.get(rank);
      RecordKind kind = RecordKind.byCode(item.path("kind").asText()).orElseThrow();
      hits.add(new Hit(SearchQueries.benchKind(kind), UUID.fromString(item.path("id").asText()), items.size() - rank));
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    if (query.facets()) {
      for (String facet : List.of("kind", "country", "year")) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode count : answer.path("facets").path(facet)) {
          String value = count.path("value").asText();
          if (facet.equals("kind")) {
            value = RecordKind.byCode(value).map(SearchQueries::benchKind).orElse(value);
          }
          counts.put(value, count.path("count").asLong());
        }
        facets.put(facet, counts);
      }
    }
    return new SearchResult(hits, facets);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (token != null) {
      index.casebook().accounts().revokeApiToken(viewer.userId(), token.token().id());
    }
  }
}
