package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.casebook.access.Caller;
import org.casebook.common.Actor;
import org.casebook.access.Permission;
import org.casebook.access.Role;
import org.casebook.accounts.AccountService;
import org.casebook.accounts.User;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The accounts page of administrators: every account, creating one with a role and an initial
 * password, disabling and enabling, resetting a second factor and setting a password. Every route
 * needs {@link Permission#MANAGE_ACCOUNTS}; anyone else gets the page that says it is not
 * permitted.
 */
final class UserAdministrationPages implements Feature {
  static final String PATH = "/admin/users";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final AccountService accounts;

  UserAdministrationPages(PageRenderer renderer, SignInPages signIn, AccountService accounts) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.accounts = accounts;
  }

  @Override
  public void register(Routes routes) {
    routes.get(PATH, ApiDoc.of("pages", "Every account, for administrators"), this::show);
    routes.post(PATH, ApiDoc.of("pages", "Create an account from the accounts page"), this::create);
    routes.post(
        PATH + "/{id}/disable",
        ApiDoc.of("pages", "Disable an account from the accounts page"),
        context -> change(context, accounts::disable));
    routes.post(
        PATH + "/{id}/enable",
        ApiDoc.of("pages", "Enable an account from the accounts page"),
        context -> change(context, accounts::enable));
    routes.post(
        PATH + "/{id}/totp-reset",
        ApiDoc.of("pages", "Reset an account's second factor from the accounts page"),
        context -> change(context, accounts::resetTotp));
    routes.post(
        PATH + "/{id}/password",
        ApiDoc.of("pages", "Set an account's password from the accounts page"),
        context -> change(context, (actor, id) -> accounts.setPassword(actor, id, orEmpty(context.formParam("password")))));
  }

  private void show(Context context) {
    if (Callers.of(context).isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    Callers.of(context).require(Permission.MANAGE_ACCOUNTS);
    render(context, null, null);
  }

  private void create(Context context) {
    Callers.of(context).require(Permission.MANAGE_ACCOUNTS);
    PageContext page = renderer.context(context);
    try {
      Role role = Role.parse(orEmpty(context.formParam("role")), "role");
      User created =
          accounts.createUser(
              Callers.of(context).actor(),
              orEmpty(context.formParam("name")),
              orEmpty(context.formParam("display_name")),
              role,
              orEmpty(context.formParam("password")));
      render(context, page.t("users.created", created.name()), null);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(context, null, page.t("users.rejected", describe(invalid, page)));
    }
  }

  private void change(Context context, BiConsumer<Actor, UUID> action) {
    Caller caller = Callers.of(context);
    caller.require(Permission.MANAGE_ACCOUNTS);
    PageContext page = renderer.context(context);
    UUID id = PageRenderer.pathId(context, "id");
    try {
      action.accept(caller.actor(), id);
      render(context, page.t("users.done"), null);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(context, null, page.t("users.rejected", describe(invalid, page)));
    }
  }

  private void render(Context context, String notice, String error) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("users", accounts.users());
    parameters.put("roles", List.of(Role.values()));
    parameters.put("notice", notice);
    parameters.put("error", error);
    parameters.put("self", Callers.of(context).userId());
    renderer.render(context, "admin_users.jte", renderer.context(context), parameters);
  }

  private static String describe(InvalidInput invalid, PageContext page) {
    return String.join("; ", FieldMessages.translated(invalid.errors(), page).stream().map(FieldError::message).toList());
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
