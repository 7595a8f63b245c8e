package org.casebook.accounts;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.Actor;
import org.casebook.access.Permission;
import org.casebook.access.Role;
import org.casebook.common.Checks;
import org.casebook.common.NotPermitted;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in and sign-out, the signed-in user's own account (password, second factor, API tokens),
 * and, for administrators, accounts and case teams.
 */
public final class AccountRoutes implements Feature {
  private final AccountService accounts;
  private final TeamService teams;
  private final Requests requests;
  private final BrowserSessions sessions;

  public AccountRoutes(
      AccountService accounts, TeamService teams, Requests requests, Jdbi jdbi, Clock clock) {
    this.accounts = accounts;
    this.teams = teams;
    this.requests = requests;
    this.sessions = new BrowserSessions(accounts, jdbi, clock);
  }

  /** A sign-in: name, password and, where the account has one, a one-time or recovery code. */
  public record SignIn(String name, String password, String code) {}

  /** Who is signed in, with the anti-forgery token to send back with every change. */
  public record Session(
      UUID userId, String name, String displayName, Role role, boolean mustEnrollTotp, String csrfToken, Instant expiresAt) {}

  public record PasswordChange(String currentPassword, String newPassword) {}

  public record Code(String code) {}

  public record RecoveryCodes(List<String> recoveryCodes) {}

  public record NewToken(String name, Integer days) {}

  public record CreatedToken(ApiToken token, String secret) {}

  public record NewUser(String name, String displayName, Role role, String password) {}

  public record NewPassword(String password) {}

  public record TeamChange(UUID user, boolean restrictedGrant) {}

  @Override
  public void register(Routes routes) {
    routes.post(
        "/api/v1/session",
        ApiDoc.of("account", "Sign in; sets the session cookie and returns the anti-forgery token")
            .accepts(SignIn.class)
            .returns(Session.class),
        this::signIn);
    routes.post(
        "/api/v1/session/sign-out",
        ApiDoc.of("account", "Sign out: the session ends on the server").status(204),
        this::signOut);
    routes.get("/api/v1/me", ApiDoc.of("account", "Who is signed in").returns(Session.class), this::me);
    routes.post(
        "/api/v1/me/password",
        ApiDoc.of("account", "Change one's password (ends one's other sessions)").accepts(PasswordChange.class).status(204),
        context -> {
          signedIn(context);
          PasswordChange change = requests.body(context, PasswordChange.class);
          accounts.changePassword(principal(context), orEmpty(change.currentPassword()), orEmpty(change.newPassword()));
          context.status(204);
        });
    routes.post(
        "/api/v1/me/totp",
        ApiDoc.of("account", "Start enrolling a second factor: the secret and its otpauth URI").returns(TotpEnrollment.class),
        context -> context.json(accounts.enrollTotp(signedIn(context).userId())));
    routes.post(
        "/api/v1/me/totp/confirm",
        ApiDoc.of("account", "Confirm the second factor with a code; returns recovery codes, shown once")
            .accepts(Code.class)
            .returns(RecoveryCodes.class),
        context ->
            context.json(
                new RecoveryCodes(
                    accounts.confirmTotp(signedIn(context).userId(), requests.body(context, Code.class).code()))));
    routes.get(
        "/api/v1/me/tokens",
        ApiDoc.of("account", "One's API tokens (never the secrets)").returnsArray(ApiToken.class),
        context -> context.json(accounts.apiTokens(signedIn(context).userId())));
    routes.post(
        "/api/v1/me/tokens",
        ApiDoc.of("account", "Create an API token; its secret is shown in this answer only")
            .accepts(NewToken.class)
            .returns(CreatedToken.class)
            .status(201),
        context -> {
          NewToken request = requests.body(context, NewToken.class);
          int days = request.days() == null ? 90 : request.days();
          NewApiToken created =
              accounts.createApiToken(signedIn(context).userId(), request.name(), Duration.ofDays(days));
          context.status(201);
          context.json(new CreatedToken(created.token(), created.rawToken()));
        });
    routes.post(
        "/api/v1/me/tokens/{id}/revoke",
        ApiDoc.of("account", "Revoke one of one's API tokens").status(204),
        context -> {
          accounts.revokeApiToken(signedIn(context).userId(), Requests.pathId(context, "id"));
          context.status(204);
        });
    registerAdministration(routes);
  }

  private void registerAdministration(Routes routes) {
    routes.get(
        "/api/v1/users",
        ApiDoc.of("administration", "Every account").returnsArray(User.class),
        context -> {
          Callers.of(context).require(Permission.MANAGE_ACCOUNTS);
          context.json(accounts.users());
        });
    routes.post(
        "/api/v1/users",
        ApiDoc.of("administration", "Create an account").accepts(NewUser.class).returns(User.class).status(201),
        context -> {
          Callers.of(context).require(Permission.MANAGE_ACCOUNTS);
          NewUser user = requests.body(context, NewUser.class);
          Checks checks = new Checks();
          checks.required("role", user.role());
          checks.throwIfAny();
          context.status(201);
          context.json(accounts.createUser(Callers.of(context).actor(), user.name(), user.displayName(), user.role(), orEmpty(user.password())));
        });
    routes.post(
        "/api/v1/users/{id}/disable",
        ApiDoc.of("administration", "Disable an account: its sessions and API tokens end").status(204),
        context -> administer(context, accounts::disable));
    routes.post(
        "/api/v1/users/{id}/enable",
        ApiDoc.of("administration", "Enable a disabled account").status(204),
        context -> administer(context, accounts::enable));
    routes.post(
        "/api/v1/users/{id}/totp-reset",
        ApiDoc.of("administration", "Remove an account's second factor, to enrol anew").status(204),
        context -> administer(context, accounts::resetTotp));
    routes.post(
        "/api/v1/users/{id}/password",
        ApiDoc.of("administration", "Set an account's password").accepts(NewPassword.class).status(204),
        context -> {
          Callers.of(context).require(Permission.MANAGE_ACCOUNTS);
          accounts.setPassword(
              Callers.of(context).actor(),
              Requests.pathId(context, "id"), orEmpty(requests.body(context, NewPassword.class).password()));
          context.status(204);
        });
    routes.get(
        "/api/v1/cases/{id}/team",
        ApiDoc.of("administration", "The team of a case file").returnsArray(TeamMember.class),
        context -> {
          Callers.of(context).require(Permission.MANAGE_TEAMS);
          context.json(teams.members(Requests.pathId(context, "id")));
        });
    routes.post(
        "/api/v1/cases/{id}/team",
        ApiDoc.of("administration", "Put a user on a case file's team, or change their restricted grant")
            .accepts(TeamChange.class)
            .status(204),
        context -> {
          Callers.of(context).require(Permission.MANAGE_TEAMS);
          TeamChange change = requests.body(context, TeamChange.class);
          Checks checks = new Checks();
          checks.required("user", change.user());
          checks.throwIfAny();
          teams.addMember(Callers.of(context).actor(), Requests.pathId(context, "id"), change.user(), change.restrictedGrant());
          context.status(204);
        });
    routes.post(
        "/api/v1/cases/{id}/team/{user}/remove",
        ApiDoc.of("administration", "Take a user off a case file's team").status(204),
        context -> {
          Callers.of(context).require(Permission.MANAGE_TEAMS);
          teams.removeMember(Callers.of(context).actor(), Requests.pathId(context, "id"), Requests.pathId(context, "user"));
          context.status(204);
        });
  }

  private void signIn(Context context) {
    SignIn signIn = requests.body(context, SignIn.class);
    SignInResult result = sessions.signIn(context, orEmpty(signIn.name()), orEmpty(signIn.password()), signIn.code());
    context.json(session(result.principal(), result.expiresAt()));
  }

  private void signOut(Context context) {
    sessions.signOut(context);
    context.status(204);
  }

  private void me(Context context) {
    Caller caller = signedIn(context);
    String token = context.cookie(SessionAuthenticator.COOKIE);
    Principal principal = token == null ? null : accounts.session(token).orElse(null);
    if (principal == null) {
      User user = accounts.user(caller.userId());
      context.json(new Session(user.id(), user.name(), user.displayName(), user.role(), user.mustEnrollTotp(), null, null));
      return;
    }
    context.json(session(principal, null));
  }

  private static Session session(Principal principal, Instant expiresAt) {
    return new Session(
        principal.userId(), principal.name(), principal.displayName(), principal.role(),
        principal.mustEnrollTotp(), principal.csrfToken(), expiresAt);
  }

  /** The principal of a request that came with a session cookie; refused otherwise. */
  private Principal principal(Context context) {
    String token = context.cookie(SessionAuthenticator.COOKIE);
    return accounts
        .session(token == null ? "" : token)
        .orElseThrow(() -> new NotPermitted("changing one's password needs a signed-in session"));
  }

  private void administer(Context context, java.util.function.BiConsumer<Actor, UUID> action) {
    Caller caller = Callers.of(context);
    caller.require(Permission.MANAGE_ACCOUNTS);
    action.accept(caller.actor(), Requests.pathId(context, "id"));
    context.status(204);
  }

  private static Caller signedIn(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous() || caller.userId() == null) {
      throw new NotPermitted("sign in first");
    }
    return caller;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
