package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.accounts.AccountService;
import org.casebook.communications.CommunicationStore;
import org.casebook.communications.DeadlineService;
import org.casebook.dates.PartialDate;
import java.time.LocalDate;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseStore;
import org.casebook.chronology.ChronologyService;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.organizations.OrganizationStore;
import org.casebook.people.PersonStore;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.sources.Source;
import org.casebook.sources.SourceStore;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.vocabulary.VocabularyTerm;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/**
 * The pages of signed-in users: the dashboard, the list of case files and the case page. What each
 * shows is what the services let the caller see; an anonymous visitor is asked to sign in.
 */
final class CasePages implements Feature {
  static final int LIST_SIZE = 25;
  private static final int DASHBOARD_SIZE = 10;
  /** More records of one kind than a case page lists. */
  private static final PageRequest ALL_OF_A_CASE = new PageRequest(1, Page.MAX_SIZE);

  /** How far back the dashboard lists deadlines already past, and how far ahead those to come. */
  private static final int DEADLINES_PAST_DAYS = 60;

  private static final int DEADLINES_AHEAD_DAYS = 90;

  /** The team filter's value for the case files on the reader's own team. */
  private static final String MINE = "mine";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final ChronologyService chronology;
  private final Vocabularies vocabularies;
  private final CaseViews views;
  private final RestrictedGrants grants;
  private final RecentChanges recentChanges;
  private final AccountService accounts;
  private final DeadlineService deadlines;

  CasePages(
      PageRenderer renderer,
      SignInPages signIn,
      RecordServices records,
      ChronologyService chronology,
      Vocabularies vocabularies,
      RestrictedGrants grants,
      RecentChanges recentChanges,
      AccountService accounts,
      DeadlineService deadlines) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.chronology = chronology;
    this.vocabularies = vocabularies;
    this.views = new CaseViews(vocabularies);
    this.grants = grants;
    this.recentChanges = recentChanges;
    this.accounts = accounts;
    this.deadlines = deadlines;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/", ApiDoc.of("pages", "The dashboard of a signed-in user; the public site for anyone else"), this::dashboard);
    routes.get(
        "/cases",
        ApiDoc.of("pages", "The case files one may see, with filters and paging").query("country", "status", "risk", "page"),
        this::list);
    routes.get(
        "/cases/{id}",
        ApiDoc.of("pages", "A case page: who, the chronology, the proceedings, the sources").query("type"),
        this::casePage);
  }

  private void dashboard(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      context.redirect("/public", HttpStatus.SEE_OTHER);
      return;
    }
    PageContext page = renderer.context(context);
    PageRequest first = new PageRequest(1, DASHBOARD_SIZE);
    Page<CaseFile> mine = records.cases().list(caller, new CaseStore.Filter(null, null, null, null, false), first);
    List<CaseFile> highRisk = new ArrayList<>();
    for (String risk : List.of("critical", "high")) {
      highRisk.addAll(records.cases().list(caller, new CaseStore.Filter(null, null, "open", risk, false), first).items());
    }
    LocalDate today = records.communications().today();
    List<CaseLists.DueItem> due =
        deadlines.upcoming(caller, today.minusDays(DEADLINES_PAST_DAYS), today.plusDays(DEADLINES_AHEAD_DAYS)).stream()
            .limit(DASHBOARD_SIZE)
            .map(
                deadline ->
                    new CaseLists.DueItem(
                        page.date(PartialDate.parse(deadline.date().toString())),
                        page.t("communication.deadline." + deadline.kind().code()),
                        deadline.title(),
                        deadline.reference(),
                        deadline.caseId() == null ? null : "/cases/" + deadline.caseId(),
                        deadline.isPast(today)))
            .toList();
    renderer.render(
        context,
        "dashboard.jte",
        page,
        Map.of(
            "mine", rows(mine.items(), page),
            "mineTotal", mine.total(),
            "highRisk", rows(highRisk, page),
            "due", due,
            "recent", recentChanges.latest(caller, DASHBOARD_SIZE)));
  }

  private void list(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    PageContext page = renderer.context(context);
    String country = blankToNull(context.queryParam("country"));
    String status = known(Vocabularies.CASE_STATUS, context.queryParam("status"));
    String risk = known(Vocabularies.RISK_LEVEL, context.queryParam("risk"));
    boolean seesTeams = caller.isSystem() || Permission.MANAGE_TEAMS.grantedTo(caller.role());
    String team = teamFilter(context.queryParam("team"), caller, seesTeams);
    int pageNumber = Math.max(1, Requests.intParam(context, "page", 1));
    Page<CaseFile> found =
        records.cases().list(
            caller,
            new CaseStore.Filter(
                null, country == null ? null : country.toUpperCase(java.util.Locale.ROOT), status, risk,
                team == null ? null : team.equals(MINE) ? caller.userId() : UUID.fromString(team), false),
            new PageRequest(pageNumber, LIST_SIZE));
    List<CaseView.Choice> teams = new ArrayList<>();
    if (caller.userId() != null) {
      teams.add(new CaseView.Choice(MINE, page.t("cases.filter.mine")));
    }
    if (seesTeams) {
      accounts.users().stream()
          .filter(user -> !user.id().equals(caller.userId()))
          .forEach(user -> teams.add(new CaseView.Choice(user.id().toString(), page.t("cases.filter.teamOf", user.displayName(), user.name()))));
    }
    long pages = Math.max(1, (found.total() + LIST_SIZE - 1) / LIST_SIZE);
    CaseLists.PageLinks pageLink = new CaseLists.PageLinks(country, status, risk, team);
    context.header("Vary", "HX-Request, HX-Target");
    if (PageRenderer.partOf(context, "case-results")) {
      renderer.render(
          context,
          "case_results.jte",
          page,
          Map.of("cases", rows(found.items(), page), "total", found.total(), "pageNumber", pageNumber, "pages", pages, "pageLink", pageLink));
      return;
    }
    renderer.render(
        context,
        "case_list.jte",
        page,
        Map.of(
            "cases", rows(found.items(), page),
            "total", found.total(),
            "pageNumber", pageNumber,
            "pages", pages,
            "filter", new CaseLists.CaseFilter(country == null ? "" : country, orEmpty(status), orEmpty(risk), orEmpty(team)),
            "teams", teams,
            "statuses", choices(Vocabularies.CASE_STATUS, page),
            "risks", choices(Vocabularies.RISK_LEVEL, page),
            "pageLink", pageLink,
            "mayCreate", caller.isSystem() || Permission.CREATE_CASE.grantedTo(caller.role())));
  }

  private void casePage(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    PageContext page = renderer.context(context);
    CaseFile caseFile = records.cases().get(caller, id);
    String type = blankToNull(context.queryParam("type"));
    List<Source> sources = records.sources().list(caller, new SourceStore.Filter(null, id, null, false), ALL_OF_A_CASE).items();
    Set<UUID> sourcesWithFiles = new HashSet<>();
    sources.stream().filter(records.sources()::hasFile).forEach(source -> sourcesWithFiles.add(source.id()));
    CaseView view =
        views.of(
            new CaseViews.Records(
                caseFile,
                records.persons().list(caller, new PersonStore.Filter(null, id, false), ALL_OF_A_CASE).items(),
                records.organizations().list(caller, new OrganizationStore.Filter(null, id, null, false), ALL_OF_A_CASE).items(),
                records.relationships().ofCase(caller, id),
                chronology.chronology(caller, id, new ChronologyService.Filter(Set.of(), null, null)),
                type,
                records.proceedings().list(caller, new ProceedingStore.Filter(id, null, null, false), ALL_OF_A_CASE).items(),
                sources,
                sourcesWithFiles),
            page);
    boolean mayWrite = FormAccess.mayWrite(caller);
    context.header("Vary", "HX-Request, HX-Target");
    if (PageRenderer.partOf(context, "timeline")) {
      renderer.render(context, "case_timeline.jte", page, Map.of("view", view, "mayWrite", mayWrite));
      return;
    }
    renderer.render(
        context,
        "case_page.jte",
        page,
        Map.of(
            "view", view,
            "published", false,
            "mayWrite", mayWrite,
            "exportable", grants.held(caller, id),
            "teamEditable", Permission.MANAGE_TEAMS.grantedTo(caller.role()),
            "communications", communications(caller, id, page)));
  }

  /** The case file's communications the caller may see, for the page's own section. */
  private List<CommunicationViews.Row> communications(Caller caller, UUID caseId, PageContext page) {
    return records.communications()
        .list(caller, new CommunicationStore.Filter(caseId, null, null, null, null, null, null, false), ALL_OF_A_CASE)
        .items().stream()
        .map(communication -> CommunicationPages.row(communication, page, "/communications/"))
        .toList();
  }

  private List<CaseLists.CaseRow> rows(List<CaseFile> cases, PageContext page) {
    return cases.stream()
        .map(
            caseFile ->
                new CaseLists.CaseRow(
                    caseFile.id(),
                    caseFile.title(),
                    String.join(", ", caseFile.countries()),
                    caseFile.risk(),
                    vocabularies.label(Vocabularies.RISK_LEVEL, caseFile.risk(), page.russian()),
                    vocabularies.label(Vocabularies.CASE_STATUS, caseFile.status(), page.russian())))
        .toList();
  }

  private List<CaseView.Choice> choices(String vocabulary, PageContext page) {
    return vocabularies.terms(vocabulary).stream()
        .filter(VocabularyTerm::active)
        .map(term -> new CaseView.Choice(term.code(), page.russian() ? term.labelRu() : term.labelEn()))
        .toList();
  }

  /**
   * The team filter as chosen: {@link #MINE}, a user's id for those who see every team, or null
   * (no filter) for anything else.
   */
  private static String teamFilter(String chosen, Caller caller, boolean seesTeams) {
    String team = blankToNull(chosen);
    if (team == null) {
      return null;
    }
    if (team.equals(MINE)) {
      return caller.userId() == null ? null : MINE;
    }
    if (!seesTeams) {
      return null;
    }
    try {
      return UUID.fromString(team).toString();
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  /** {@code code} if it is a term of {@code vocabulary}; anything else does not filter. */
  private String known(String vocabulary, String code) {
    return code != null && vocabularies.contains(vocabulary, code) ? code : null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
