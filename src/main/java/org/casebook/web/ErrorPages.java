package org.casebook.web;

import io.javalin.http.Context;

/**
 * Renders a failed request to an HTML page as an HTML error page. The JSON API ({@code /api/}) and
 * {@code /health} always answer with problem details; every other path is a page, and its failures
 * are shown to people through this. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ErrorPages {
  /**
   * Writes the error page for {@code status}; {@code incident} names the logged incident of an
   * unexpected failure, and is null otherwise.
   */
  void render(Context context, int status, String incident);

  /** Whether a request is to a page, rather than to the JSON API or the health check. */
  static boolean isPage(Context context) {
    String path = context.path();
    return !path.startsWith("/api/") && !path.equals("/health");
  }
}
