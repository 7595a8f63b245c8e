package org.casebook.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.web.Requests;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing a browser in and out, shared by the JSON API and the HTML pages: checks the credentials,
 * records the sign-in, the refusal or the sign-out in the audit log, and sets or removes the
 * session cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} over TLS).
 *
 * <p>Thread-safe; holds no state of its own.
 */
public final class BrowserSessions {
  private final AccountService accounts;
  private final Jdbi jdbi;
  private final Clock clock;

  public BrowserSessions(AccountService accounts, Jdbi jdbi, Clock clock) {
    this.accounts = accounts;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Signs in and sets the session cookie on {@code context}.
   *
   * @throws SignInThrottled with the time to retry after, also set as {@code Retry-After}
   * @throws SignInRefused for a wrong name, password or code, which are not told apart
   */
  public SignInResult signIn(Context context, String name, String password, String code) {
    SignInResult result;
    try {
      result = accounts.signIn(name, password, code, context.ip());
    } catch (SignInThrottled throttled) {
      context.header("Retry-After", String.valueOf(secondsUntil(throttled.retryAfter())));
      audit("sign-in-throttled", "anonymous", null, null);
      throw throttled;
    } catch (SignInRefused refused) {
      audit("sign-in-failed", "anonymous", null, null);
      throw refused;
    }
    Principal principal = result.principal();
    audit("sign-in", principal.name(), principal.credential().toString(), principal.userId());
    Cookie cookie = new Cookie(SessionAuthenticator.COOKIE, result.sessionToken());
    cookie.setHttpOnly(true);
    cookie.setSecure(Requests.overTls(context));
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    context.cookie(cookie);
    return result;
  }

  /** Ends the session of the request's cookie, if any, on the server, and removes the cookie. */
  public void signOut(Context context) {
    String token = context.cookie(SessionAuthenticator.COOKIE);
    if (token != null) {
      accounts
          .session(token)
          .ifPresent(principal -> audit("sign-out", principal.name(), principal.credential().toString(), principal.userId()));
      accounts.signOut(token);
    }
    context.removeCookie(SessionAuthenticator.COOKIE, "/");
  }

  /** The principal of the request's session cookie, if it names a live session. */
  public Optional<Principal> session(Context context) {
    String token = context.cookie(SessionAuthenticator.COOKIE);
    return token == null || token.isBlank() ? Optional.empty() : accounts.session(token);
  }

  /** Whole seconds from now until {@code instant}, at least one. */
  public long secondsUntil(Instant instant) {
    return Math.max(1, Duration.between(clock.instant(), instant).toSeconds());
  }

  /**
   * Records a sign-in, a refused sign-in or a sign-out in the audit log. A refused sign-in is
   * recorded without the name that was typed, which may be a mistyped password.
   */
  private void audit(String action, String actor, String session, UUID userId) {
    jdbi.useTransaction(
        handle ->
            AuditLog.appendTo(
                handle,
                new AuditEntry(clock.instant(), actor, session, action, userId == null ? null : "user", userId, null)));
  }
}
