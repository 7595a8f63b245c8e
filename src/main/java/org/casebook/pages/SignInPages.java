package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import org.casebook.accounts.BrowserSessions;
import org.casebook.accounts.SignInRefused;
import org.casebook.accounts.SignInResult;
import org.casebook.accounts.SignInThrottled;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The sign-in page and sign-out, as plain forms: they work without JavaScript. A successful sign-in
 * sets the same session cookie as the JSON API and goes on to the page that was asked for; an
 * administrator without a second factor gets a session that can only enrol one, and goes to the
 * account page to do it.
 */
final class SignInPages implements Feature {
  static final String PATH = "/sign-in";

  private final PageRenderer renderer;
  private final BrowserSessions sessions;

  SignInPages(PageRenderer renderer, BrowserSessions sessions) {
    this.renderer = renderer;
    this.sessions = sessions;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        PATH,
        ApiDoc.of("pages", "The sign-in page").query("next"),
        context -> {
          if (!Callers.of(context).isAnonymous()) {
            context.redirect(localPath(context.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
          }
          show(context, context.queryParam("next"), null, "");
        });
    routes.post(PATH, ApiDoc.of("pages", "Sign in from the sign-in form; goes on to the page asked for"), this::signIn);
    routes.post(
        "/sign-out",
        ApiDoc.of("pages", "Sign out from a page: the session ends on the server"),
        context -> {
          sessions.signOut(context);
          context.redirect("/public", HttpStatus.SEE_OTHER);
        });
  }

  /**
   * Answers a page that needs a signed-in user, asked for by an anonymous visitor, with the sign-in
   * form (status 401), which then comes back to that page.
   */
  void askToSignIn(Context context) {
    String query = context.queryString();
    show(context, context.path() + (query == null ? "" : "?" + query), null, "");
    context.status(HttpStatus.UNAUTHORIZED);
  }

  private void signIn(Context context) {
    String name = orEmpty(context.formParam("name")).trim();
    String next = context.formParam("next");
    PageContext page = renderer.context(context);
    SignInResult result;
    try {
      result =
          sessions.signIn(context, name, orEmpty(context.formParam("password")), blankToNull(context.formParam("code")));
    } catch (SignInThrottled throttled) {
      context.status(HttpStatus.TOO_MANY_REQUESTS);
      show(context, next, page.t("signIn.throttled", sessions.secondsUntil(throttled.retryAfter())), name);
      return;
    } catch (SignInRefused refused) {
      context.status(HttpStatus.UNAUTHORIZED);
      show(context, next, page.t("signIn.refused"), name);
      return;
    }
    if (result.principal().mustEnrollTotp()) {
      context.redirect(AccountPages.PATH + "#" + AccountPages.SECOND_FACTOR_ANCHOR, HttpStatus.SEE_OTHER);
      return;
    }
    context.redirect(localPath(next), HttpStatus.SEE_OTHER);
  }

  private void show(Context context, String next, String error, String name) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("next", localPath(next));
    parameters.put("error", error);
    parameters.put("name", name);
    renderer.render(context, "sign_in.jte", renderer.context(context), parameters);
  }

  /**
   * {@code next} if it is a path on this server, else the dashboard, so that the sign-in form can
   * never send anyone to another site.
   */
  static String localPath(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.chars().anyMatch(character -> character < 0x20)
        || next.startsWith(PATH)) {
      return "/";
    }
    return next;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
