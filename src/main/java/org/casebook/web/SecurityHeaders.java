package org.casebook.web;

import io.javalin.http.Context;

/**
 * The response headers that keep pages and answers from being framed, sniffed, leaked through the
 * referrer or mixed with third-party content. Set on every response, errors included.
 */
final class SecurityHeaders {
  /** No inline script and no source but the server itself; no framing; no plugins. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(Context context) {
    context.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    context.header("X-Content-Type-Options", "nosniff");
    context.header("Referrer-Policy", "no-referrer");
    context.header("X-Frame-Options", "DENY");
    context.header("Cross-Origin-Opener-Policy", "same-origin");
    context.header("Cross-Origin-Resource-Policy", "same-origin");
    context.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (context.path().startsWith("/api/")) {
      context.header("Cache-Control", "no-store");
    }
    if (Requests.overTls(context)) {
      context.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }
}
