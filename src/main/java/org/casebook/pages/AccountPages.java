package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebook.accounts.AccountService;
import org.casebook.accounts.NewApiToken;
import org.casebook.accounts.Principal;
import org.casebook.accounts.SessionAuthenticator;
import org.casebook.accounts.SignInRefused;
import org.casebook.accounts.SignInThrottled;
import org.casebook.accounts.User;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NotPermitted;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The account page of the signed-in user: changing one's password, enrolling a second factor and
 * managing one's API tokens, as plain forms that work without JavaScript. Secrets (a new second
 * factor's secret, recovery codes, a new API token) are shown in the answer to the form that made
 * them, and never again.
 *
 * <p>It needs a session: a request with an API token is refused. A user who must still enrol a
 * second factor sees only that part of the page.
 */
final class AccountPages implements Feature {
  static final String PATH = "/account";
  static final String SECOND_FACTOR_ANCHOR = "second-factor";
  private static final int DEFAULT_TOKEN_DAYS = 90;

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final AccountService accounts;
  private final Clock clock;

  AccountPages(PageRenderer renderer, SignInPages signIn, AccountService accounts, Clock clock) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public void register(Routes routes) {
    routes.get(PATH, ApiDoc.of("pages", "One's account: password, second factor, API tokens"), this::show);
    routes.post(
        PATH + "/password",
        ApiDoc.of("pages", "Change one's password from the account page (ends one's other sessions)"),
        this::changePassword);
    routes.post(
        PATH + "/totp",
        ApiDoc.of("pages", "Start enrolling a second factor: the page shows its secret once"),
        this::enrollTotp);
    routes.post(
        PATH + "/totp/confirm",
        ApiDoc.of("pages", "Confirm the second factor with a code: the page shows the recovery codes once"),
        this::confirmTotp);
    routes.post(
        PATH + "/tokens",
        ApiDoc.of("pages", "Create an API token: the page shows its secret once"),
        this::createToken);
    routes.post(
        PATH + "/tokens/{id}/revoke", ApiDoc.of("pages", "Revoke one of one's API tokens"), this::revokeToken);
  }

  private void show(Context context) {
    Optional<Principal> principal = principal(context);
    if (principal.isEmpty()) {
      return;
    }
    render(context, principal.get(), AccountOutcome.nothing());
  }

  private void changePassword(Context context) {
    Principal principal = requirePrincipal(context);
    PageContext page = renderer.context(context);
    String newPassword = orEmpty(context.formParam("new_password"));
    AccountOutcome outcome;
    if (!newPassword.equals(orEmpty(context.formParam("repeat_password")))) {
      outcome = AccountOutcome.passwordRefused(page.t("account.password.mismatch"));
    } else {
      try {
        accounts.changePassword(principal, orEmpty(context.formParam("current_password")), newPassword);
        outcome = AccountOutcome.afterPasswordChange();
      } catch (SignInThrottled throttled) {
        outcome = AccountOutcome.passwordRefused(page.t("account.password.throttled"));
      } catch (SignInRefused refused) {
        outcome = AccountOutcome.passwordRefused(page.t("account.password.wrongCurrent"));
      } catch (InvalidInput invalid) {
        outcome = AccountOutcome.passwordRefused(page.t("account.password.rejected", describe(invalid)));
      }
    }
    render(context, principal, outcome);
  }

  private void enrollTotp(Context context) {
    Principal principal = requirePrincipal(context);
    AccountOutcome outcome;
    try {
      outcome = AccountOutcome.enrolling(accounts.enrollTotp(principal.userId()));
    } catch (InvalidInput alreadyOn) {
      outcome = AccountOutcome.totpRefused(renderer.context(context).t("account.totp.alreadyOn"));
    }
    render(context, principal, outcome);
  }

  private void confirmTotp(Context context) {
    Principal principal = requirePrincipal(context);
    AccountOutcome outcome;
    try {
      outcome = AccountOutcome.enrolled(accounts.confirmTotp(principal.userId(), orEmpty(context.formParam("code")).trim()));
    } catch (InvalidInput wrongCode) {
      outcome = AccountOutcome.totpRefused(renderer.context(context).t("account.totp.wrongCode"));
    }
    render(context, principal, outcome);
  }

  private void createToken(Context context) {
    Principal principal = requireEnrolled(context);
    AccountOutcome outcome;
    try {
      NewApiToken created =
          accounts.createApiToken(principal.userId(), orEmpty(context.formParam("name")), Duration.ofDays(days(context)));
      outcome = AccountOutcome.tokenCreated(created);
    } catch (InvalidInput invalid) {
      outcome = AccountOutcome.tokenRefused(renderer.context(context).t("account.tokens.rejected", describe(invalid)));
    }
    render(context, principal, outcome);
  }

  private void revokeToken(Context context) {
    Principal principal = requireEnrolled(context);
    accounts.revokeApiToken(principal.userId(), PageRenderer.pathId(context, "id"));
    context.redirect(PATH + "#tokens", HttpStatus.SEE_OTHER);
  }

  private void render(Context context, Principal principal, AccountOutcome outcome) {
    User user = accounts.user(principal.userId());
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("user", user);
    parameters.put("outcome", outcome);
    parameters.put("tokens", user.mustEnrollTotp() ? List.of() : accounts.apiTokens(user.id()));
    parameters.put("now", clock.instant());
    if (outcome.failed()) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
    }
    renderer.render(context, "account.jte", renderer.context(context), parameters);
  }

  /** The days a new token is valid, from the form; what is not a whole number is refused as zero. */
  private static long days(Context context) {
    String text = context.formParam("days");
    if (text == null || text.isBlank()) {
      return DEFAULT_TOKEN_DAYS;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  /** The session's principal; for an anonymous visitor, the sign-in form instead (empty). */
  private Optional<Principal> principal(Context context) {
    if (Callers.of(context).isAnonymous()) {
      signIn.askToSignIn(context);
      return Optional.empty();
    }
    return Optional.of(requirePrincipal(context));
  }

  private static Principal requirePrincipal(Context context) {
    return SessionAuthenticator.sessionPrincipal(context)
        .orElseThrow(() -> new NotPermitted("the account page needs a signed-in session"));
  }

  /** The session's principal, refused while a second factor must still be enrolled. */
  private static Principal requireEnrolled(Context context) {
    Principal principal = requirePrincipal(context);
    if (principal.mustEnrollTotp()) {
      throw new NotPermitted("enrol a second factor first");
    }
    return principal;
  }

  private static String describe(InvalidInput invalid) {
    return String.join("; ", invalid.errors().stream().map(FieldError::message).toList());
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
