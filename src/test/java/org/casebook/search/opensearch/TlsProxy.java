package org.casebook.search.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What the OpenSearch security plugin puts in front of a node, for tests: HTTPS with a server
 * certificate of the test's choosing, and HTTP basic authentication of one user, answered with
 * 401 and a {@code Basic} challenge otherwise. Authenticated requests are forwarded to a node of
 * the test cluster over plain HTTP, and its answers returned. A Jetty server on the loopback
 * address, on a free port. Close it after use.
 */
final class TlsProxy implements AutoCloseable {
  private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "accept");

  private final Server server;
  private final ServerConnector connector;
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
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("tls-proxy");
    server = new Server(threads);
    SslContextFactory.Server certificate = new SslContextFactory.Server();
    certificate.setSslContext(tls);
    // No SecureRequestCustomizer: the proxy must answer whatever host name the client asked for,
    // so that the client, not the server, is what refuses a certificate for another name.
    connector = new ServerConnector(server, new SslConnectionFactory(certificate, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(new HttpConfiguration()));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) throws Exception {
            TlsProxy.this.handle(request, response, callback);
            return true;
          }
        });
    try {
      server.start();
    } catch (Exception e) {
      throw new IOException("cannot start the TLS proxy", e);
    }
  }

  /** The port it listens on. */
  int port() {
    return connector.getLocalPort();
  }

  /** Requests answered with 401 so far. */
  int refused() {
    return refused.get();
  }

  /** Requests forwarded to the node so far. */
  int forwarded() {
    return forwarded.get();
  }

  private void handle(Request exchange, Response response, Callback callback) throws IOException {
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(exchange)) {
      body = in.readAllBytes();
    }
    boolean head = "HEAD".equals(exchange.getMethod());
    String authorization = exchange.getHeaders().get("Authorization");
    if (authorization == null || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.US_ASCII), expectedAuthorization)) {
      refused.incrementAndGet();
      response.getHeaders().put("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
      response.getHeaders().put("Content-Type", "text/plain; charset=UTF-8");
      send(response, 401, head ? new byte[0] : "Unauthorized".getBytes(StandardCharsets.UTF_8), callback);
      return;
    }
    forwarded.incrementAndGet();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.resolve(exchange.getHttpURI().getPathQuery()))
            .method(exchange.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (HttpField header : exchange.getHeaders()) {
      if (FORWARDED_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
        request.header(header.getName(), header.getValue());
      }
    }
    HttpResponse<byte[]> answer;
    try {
      answer = forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding", e);
    }
    answer.headers().firstValue("Content-Type").ifPresent(type -> response.getHeaders().put("Content-Type", type));
    send(response, answer.statusCode(), head ? new byte[0] : answer.body(), callback);
  }

  private static void send(Response response, int status, byte[] body, Callback callback) {
    response.setStatus(status);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IOException("cannot stop the TLS proxy", e);
    }
  }
}
