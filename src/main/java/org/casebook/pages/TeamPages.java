package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.accounts.AccountService;
import org.casebook.accounts.TeamMember;
import org.casebook.accounts.TeamService;
import org.casebook.accounts.User;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.common.InvalidInput;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The team of a case file, for administrators: its members and whether each holds the restricted
 * grant, adding a user with or without the grant, changing the grant and taking a user off. Every
 * route needs {@link Permission#MANAGE_TEAMS}.
 */
final class TeamPages implements Feature {
  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final TeamService teams;
  private final AccountService accounts;
  private final CaseService cases;

  TeamPages(PageRenderer renderer, SignInPages signIn, TeamService teams, AccountService accounts, CaseService cases) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.teams = teams;
    this.accounts = accounts;
    this.cases = cases;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/cases/{id}/team", ApiDoc.of("pages", "The team of a case file, for administrators"), this::show);
    routes.post(
        "/cases/{id}/team",
        ApiDoc.of("pages", "Put a user on a case file's team, or change their restricted grant"),
        this::add);
    routes.post(
        "/cases/{id}/team/{user}/remove",
        ApiDoc.of("pages", "Take a user off a case file's team"),
        this::remove);
  }

  private void show(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    caller.require(Permission.MANAGE_TEAMS);
    render(context, caller, PageRenderer.pathId(context, "id"));
  }

  private void add(Context context) {
    Caller caller = Callers.of(context);
    caller.require(Permission.MANAGE_TEAMS);
    UUID caseId = PageRenderer.pathId(context, "id");
    String user = context.formParam("user");
    UUID userId;
    try {
      userId = UUID.fromString(user == null ? "" : user.trim());
    } catch (IllegalArgumentException notAnId) {
      throw new InvalidInput("user", "\"" + user + "\" is not a user id");
    }
    teams.addMember(caller.actor(), caseId, userId, context.formParam("restricted_grant") != null);
    context.redirect("/cases/" + caseId + "/team", HttpStatus.SEE_OTHER);
  }

  private void remove(Context context) {
    Caller caller = Callers.of(context);
    caller.require(Permission.MANAGE_TEAMS);
    UUID caseId = PageRenderer.pathId(context, "id");
    teams.removeMember(caller.actor(), caseId, PageRenderer.pathId(context, "user"));
    context.redirect("/cases/" + caseId + "/team", HttpStatus.SEE_OTHER);
  }

  private void render(Context context, Caller caller, UUID caseId) {
    CaseFile caseFile = cases.get(caller, caseId);
    List<TeamMember> members = teams.members(caseId);
    Set<UUID> onTeam = members.stream().map(TeamMember::userId).collect(Collectors.toSet());
    List<User> others = accounts.users().stream().filter(user -> !onTeam.contains(user.id()) && !user.disabled()).toList();
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("caseFile", caseFile);
    parameters.put("members", members);
    parameters.put("others", others);
    renderer.render(context, "case_team.jte", renderer.context(context), parameters);
  }
}
