package org.casebook.accounts;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.casebook.access.Caller;
import org.casebook.common.InvalidInput;
import org.casebook.common.NotPermitted;
import org.casebook.web.Authenticator;

/**
 * Establishes the caller of a request: from an API token ({@code Authorization: Bearer cbk_...}),
 * else from the session cookie, else anonymous. A request that changes state with a session
 * cookie must carry the session's anti-forgery token in {@code X-CSRF-Token} (or, from a page's
 * form, url-encoded or multipart, in the field {@code _csrf}); one with an API
 * token needs none, since a browser never sends it by itself. A user who must still enrol a
 * second factor may only enrol, read who they are and sign out.
 */
public final class SessionAuthenticator implements Authenticator {
  /** The cookie that carries the session token. */
  public static final String COOKIE = "casebook_session";

  public static final String CSRF_HEADER = "X-CSRF-Token";

  /** The form field that carries the anti-forgery token in a form posted by a page. */
  public static final String CSRF_FIELD = "_csrf";

  private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
  private static final String MULTIPART_CONTENT_TYPE = "multipart/form-data";
  private static final String PRINCIPAL_ATTRIBUTE = "casebook.principal";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final AccountService accounts;

  public SessionAuthenticator(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public Caller authenticate(Context context) {
    Optional<Principal> principal = fromToken(context);
    boolean bySession = false;
    if (principal.isEmpty()) {
      String token = context.cookie(COOKIE);
      if (token != null && !token.isBlank()) {
        principal = accounts.session(token);
        bySession = principal.isPresent();
      }
    }
    if (principal.isEmpty()) {
      return Caller.anonymous();
    }
    Principal who = principal.get();
    if (bySession && !SAFE_METHODS.contains(context.method().name())) {
      String presented = presentedCsrfToken(context);
      if (presented == null || !accounts.csrfMatches(who, presented)) {
        throw new NotPermitted("this request needs the session's anti-forgery token in " + CSRF_HEADER);
      }
    }
    if (bySession) {
      context.attribute(PRINCIPAL_ATTRIBUTE, who);
    }
    if (who.mustEnrollTotp() && !enrolment(context.path())) {
      throw new NotPermitted("enrol a second factor first (POST /api/v1/me/totp)");
    }
    return Caller.user(who.userId(), who.name(), who.role(), who.credential().toString());
  }

  /**
   * The principal of the request's session cookie, as established before the handler ran; empty
   * for anonymous requests and those signed in with an API token.
   */
  public static Optional<Principal> sessionPrincipal(Context context) {
    return Optional.ofNullable(context.attribute(PRINCIPAL_ATTRIBUTE));
  }

  private static String presentedCsrfToken(Context context) {
    String header = context.header(CSRF_HEADER);
    if (header != null) {
      return header;
    }
    String contentType = context.contentType();
    String lowerContentType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (lowerContentType.startsWith(FORM_CONTENT_TYPE) || lowerContentType.startsWith(MULTIPART_CONTENT_TYPE)) {
      try {
        return context.formParam(CSRF_FIELD);
      } catch (Exception unreadable) {
        throw new InvalidInput("form", "could not be read: it is malformed or larger than the server accepts");
      }
    }
    return null;
  }

  private Optional<Principal> fromToken(Context context) {
    String authorization = context.header("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.empty();
    }
    Optional<Principal> principal = accounts.apiToken(authorization.substring("Bearer ".length()).trim());
    if (principal.isEmpty()) {
      throw new SignInRefused();
    }
    return principal;
  }

  /**
   * The paths open to a user who must still enrol a second factor: enrolment in the API and on the
   * account page, who one is, signing out, and the style sheet and script those pages load.
   */
  private static boolean enrolment(String path) {
    return path.equals("/api/v1/me")
        || path.startsWith("/api/v1/me/totp")
        || path.startsWith("/api/v1/session")
        || path.equals("/account")
        || path.startsWith("/account/totp")
        || path.equals("/sign-out")
        || path.startsWith("/assets/");
  }
}
