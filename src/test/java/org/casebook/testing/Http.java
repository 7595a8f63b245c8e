package org.casebook.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for tests against a server on a random local port. */
public final class Http {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final java.util.Map<String, String> headers;

  public Http(int port) {
    this(port, java.util.Map.of());
  }

  private Http(int port, java.util.Map<String, String> headers) {
    this.base = "http://127.0.0.1:" + port;
    this.headers = headers;
  }

  private Http(String base, java.util.Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  /** This client with a header sent on every request, such as {@code Authorization}. */
  public Http with(String name, String value) {
    java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Http(base, more);
  }

  /** This client signed in with an API token. */
  public Http withToken(String token) {
    return with("Authorization", "Bearer " + token);
  }

  /** A response with its body as text and, when it is JSON, as a tree. */
  public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A GET whose body is bytes, such as a PDF. */
  public HttpResponse<byte[]> getBytes(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(request::header);
    try {
      return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public Response postEmpty(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Response post(String path, String body) {
    return send(request(path, body, "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public Response postText(String path, String body, String contentType) {
    return send(request(path, body, contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public Response put(String path, String body) {
    return send(request(path, body, "application/json").PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder request(String path, String body, String contentType) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType);
  }

  private Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
