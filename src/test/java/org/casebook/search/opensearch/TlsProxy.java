package org.casebook.search.opensearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * What the OpenSearch security plugin puts in front of a node, for tests: HTTPS with a server
 * certificate of the test's choosing, and HTTP basic authentication of one user, answered with
 * 401 and a {@code Basic} challenge otherwise. Authenticated requests are forwarded to a node of
 * the test cluster over plain HTTP, and its answers returned. Listens on the loopback address, on
 * a free port. Close it after use.
 */
final class TlsProxy implements AutoCloseable {
  private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "accept");

  private final HttpsServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI node;
  private final byte[] expectedAuthorization;
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();

  /** A proxy presenting {@code tls}'s certificate, letting in {@code user} with {@code password}, to {@code node}. */
  TlsProxy(SSLContext tls, String user, String password, URI node) throws IOException {
    this.node = node;
    this.expectedAuthorization =
        ("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The port it listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Requests answered with 401 so far. */
  int refused() {
    return refused.get();
  }

  /** Requests forwarded to the node so far. */
  int forwarded() {
    return forwarded.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.US_ASCII), expectedAuthorization)) {
        refused.incrementAndGet();
        byte[] answer = "Unauthorized".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
        send(exchange, 401, "HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : answer);
        return;
      }
      forwarded.incrementAndGet();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(node.resolve(exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
              .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (FORWARDED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while forwarding", e);
      }
      response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
      send(exchange, response.statusCode(), "HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : response.body());
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
