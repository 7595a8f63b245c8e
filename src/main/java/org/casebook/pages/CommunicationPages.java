package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.communications.ClaimMatrix;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationLink;
import org.casebook.communications.CommunicationService;
import org.casebook.communications.CommunicationStatus;
import org.casebook.communications.CommunicationStore;
import org.casebook.communications.CommunicationType;
import org.casebook.communications.DeadlineService;
import org.casebook.communications.Lifecycle;
import org.casebook.communications.Mandate;
import org.casebook.communications.MandateService;
import org.casebook.communications.Reply;
import org.casebook.communications.ReplyDocument;
import org.casebook.communications.TransitionRequest;
import org.casebook.dates.PartialDate;
import org.casebook.pages.CommunicationViews.Action;
import org.casebook.pages.CommunicationViews.Detail;
import org.casebook.pages.CommunicationViews.Link;
import org.casebook.transfer.RecordServices;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/**
 * The communication pages of signed-in users: the list with its filters, one communication with
 * its replies, links and deadlines, its claims matrix, and the lifecycle buttons (send, publish,
 * record a follow-up, close) for those who may write. What a reader sees is what the services
 * return to them: a communication of case files they may not see is not found, restricted notes
 * are withheld.
 */
final class CommunicationPages implements Feature {
  static final int LIST_SIZE = 25;

  /** A lifecycle operation of the service, by the path segment of its button. */
  @FunctionalInterface
  private interface Operation {
    Communication apply(CommunicationService service, Caller caller, UUID id, TransitionRequest request);
  }

  private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

  static {
    OPERATIONS.put("send", CommunicationService::send);
    OPERATIONS.put("publish", CommunicationService::publish);
    OPERATIONS.put("follow-up", CommunicationService::followUpSent);
    OPERATIONS.put("close", CommunicationService::close);
  }

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final MandateService mandates;
  private final DeadlineService deadlines;
  private final Clock clock;

  CommunicationPages(
      PageRenderer renderer, SignInPages signIn, RecordServices records, MandateService mandates, DeadlineService deadlines,
      Clock clock) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.mandates = mandates;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/communications",
        ApiDoc.of("pages", "The communications one may see, with filters and paging").query("state", "type", "status", "year", "page"),
        this::list);
    routes.get(
        "/communications/{id}",
        ApiDoc.of("pages", "A communication: its lifecycle, deadlines, addressees, text, replies and links"),
        this::communicationPage);
    routes.get(
        "/communications/{id}/matrix",
        ApiDoc.of("pages", "A communication's claims matrix: the allegations against the replies' stances"),
        this::matrix);
    for (String operation : OPERATIONS.keySet()) {
      routes.post(
          "/communications/{id}/" + operation,
          ApiDoc.of("pages", "The lifecycle button " + operation + " on a communication's page"),
          context -> transition(context, operation));
    }
  }

  private void list(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    PageContext page = renderer.context(context);
    String state = upper(context.queryParam("state"));
    CommunicationType type = known(CommunicationType.values(), CommunicationType::code, context.queryParam("type"));
    CommunicationStatus status = known(CommunicationStatus.values(), CommunicationStatus::code, context.queryParam("status"));
    Integer year = year(context.queryParam("year"));
    int pageNumber = Math.max(1, Requests.intParam(context, "page", 1));
    Page<Communication> found =
        records.communications().list(
            caller, new CommunicationStore.Filter(null, state, type, status, null, year, null, false),
            new PageRequest(pageNumber, LIST_SIZE));
    CommunicationViews.Filter filter =
        new CommunicationViews.Filter(
            orEmpty(state), "", type == null ? "" : type.code(), status == null ? "" : status.code(),
            year == null ? "" : year.toString(), "", "");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rows", found.items().stream().map(communication -> row(communication, page, "/communications/")).toList());
    parameters.put("total", found.total());
    parameters.put("pageNumber", pageNumber);
    parameters.put("pages", Math.max(1, (found.total() + LIST_SIZE - 1) / LIST_SIZE));
    parameters.put("filter", filter);
    parameters.put("types", typeChoices(page));
    parameters.put("statuses", statusChoices(page));
    parameters.put("pageLink", new CommunicationViews.PageLinks("/communications", filter));
    parameters.put("mayWrite", FormAccess.mayWrite(caller));
    renderer.render(context, "communication_list.jte", page, parameters);
  }

  private void communicationPage(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    show(context, caller, id, null, null, false);
  }

  private void show(Context context, Caller caller, UUID id, String refused, String message, boolean changedMeanwhile) {
    PageContext page = renderer.context(context);
    Communication communication = PageRenderer.live(records.communications().get(caller, id), CommunicationStore.KIND);
    Detail detail = detail(caller, communication, page);
    List<Action> actions = new ArrayList<>();
    if (FormAccess.mayWrite(caller)) {
      List<String> shown = offered(communication);
      if (refused != null && !shown.contains(refused)) {
        // The refused step keeps its button, so that its reason stands next to it.
        shown.add(refused);
      }
      for (String operation : shown) {
        actions.add(new Action(operation, page.t("communicationPage.action." + operation), operation.equals(refused) ? message : null));
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("detail", detail);
    parameters.put("actions", actions);
    parameters.put("changedMeanwhile", changedMeanwhile);
    parameters.put("mayWrite", FormAccess.mayWrite(caller));
    parameters.put("recordReplyHref", FormAccess.mayWrite(caller) && answerable(communication) ? "/communications/" + id + "/replies/new" : null);
    renderer.render(context, "communication_page.jte", page, parameters);
  }

  /** Whether a reply may be recorded to the communication: once it was sent (see {@code ReplyService}). */
  private static boolean answerable(Communication communication) {
    return communication.isSent() || Lifecycle.firstDate(communication.history(), CommunicationStatus.SENT) != null;
  }

  /** The lifecycle buttons the communication's status allows now. */
  private List<String> offered(Communication communication) {
    CommunicationStatus status = communication.status();
    List<String> offered = new ArrayList<>();
    if (status == null || status == CommunicationStatus.DRAFT) {
      offered.add("send");
      return offered;
    }
    if (status == CommunicationStatus.CLOSED) {
      return offered;
    }
    if (status != CommunicationStatus.PUBLISHED && publishable(communication)) {
      offered.add("publish");
    }
    offered.add("follow-up");
    offered.add("close");
    return offered;
  }

  /**
   * Whether publishing would make the communication public now: it is marked public and its public
   * date has come, so that once published {@link CommunicationService#isPublic} holds.
   */
  private boolean publishable(Communication communication) {
    java.time.Instant from = records.communications().publicFrom(communication);
    return communication.confidentiality() == org.casebook.common.Confidentiality.PUBLIC
        && from != null
        && !clock.instant().isBefore(from);
  }

  private void transition(Context context, String operation) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    caller.require(Permission.WRITE_RECORDS);
    UUID id = PageRenderer.pathId(context, "id");
    records.communications().get(caller, id);
    Form form = Form.posted(context);
    try {
      OPERATIONS.get(operation).apply(records.communications(), caller, id, new TransitionRequest(Forms.version(form), null, null));
      context.redirect("/communications/" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      PageContext page = renderer.context(context);
      String message =
          FieldMessages.translated(invalid.errors(), page).stream().map(error -> error.message()).collect(Collectors.joining(" "));
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, id, operation, message, false);
    } catch (VersionConflict conflict) {
      context.status(HttpStatus.CONFLICT);
      show(context, caller, id, null, null, true);
    }
  }

  private void matrix(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    PageContext page = renderer.context(context);
    ClaimMatrix matrix = records.claims().matrix(caller, id);
    List<String> columns = new ArrayList<>();
    for (ClaimMatrix.ReplyColumn column : matrix.replies()) {
      columns.add(page.t("communicationPage.matrix.reply", day(column.received(), page), orEmpty(column.senderReference())));
    }
    List<CommunicationViews.MatrixRow> rows = new ArrayList<>();
    for (ClaimMatrix.ClaimRow row : matrix.rows()) {
      List<CommunicationViews.Cell> cells = new ArrayList<>();
      for (ClaimMatrix.ClaimCell cell : row.cells()) {
        cells.add(
            cell.stance() == null
                ? new CommunicationViews.Cell("none", page.t("communicationPage.stance.none"), cell.quote())
                : new CommunicationViews.Cell(
                    cell.stance().code(), page.t("communicationPage.stance." + cell.stance().code()), cell.quote()));
      }
      rows.add(
          new CommunicationViews.MatrixRow(
              row.claim().order() == null ? 0 : row.claim().order(), row.claim().text(),
              row.claim().date() == null ? null : page.date(row.claim().date()), row.claim().quote(), cells,
              "claim-" + row.claim().id(), FormAccess.mayWrite(caller) ? "/claims/" + row.claim().id() + "/edit" : null));
    }
    List<String> tally = new ArrayList<>();
    for (ClaimMatrix.StanceCount count : matrix.tally()) {
      tally.add(page.t("communicationPage.stance." + count.stance().code()) + ": " + count.count());
    }
    tally.add(page.t("communicationPage.stance.none") + ": " + matrix.notAssessed());
    String tallyLine = page.t("communicationPage.matrix.tally", matrix.rows().size(), String.join("; ", tally));
    renderer.render(
        context,
        "communication_matrix.jte",
        page,
        Map.of(
            "matrix",
            new CommunicationViews.Matrix(
                id.toString(), matrix.reference(), matrix.subject(), columns, rows, tallyLine,
                FormAccess.mayWrite(caller) ? "/communications/" + id + "/claims/new" : null)));
  }

  /** A communication in a list, linked below {@code base}. */
  static CommunicationViews.Row row(Communication communication, PageContext page, String base) {
    return new CommunicationViews.Row(
        base + communication.id(),
        communication.reference() == null ? page.t("communicationPage.noReference") : communication.reference(),
        communication.type() == null ? "" : page.t("communicationPage.type." + communication.type().code()),
        status(communication.status(), page),
        orEmpty(communication.subject()),
        String.join(", ", communication.states()),
        communication.sentOn() == null ? "" : day(communication.sentOn(), page));
  }

  private Detail detail(Caller caller, Communication communication, PageContext page) {
    Map<String, Mandate> catalogue = mandates.list().stream().collect(Collectors.toMap(Mandate::code, Function.identity()));
    List<CommunicationViews.Step> history =
        communication.history().stream()
            .map(step -> new CommunicationViews.Step(day(step.date(), page), status(step.status(), page), step.note()))
            .toList();
    List<CommunicationViews.Due> due = new ArrayList<>();
    if (communication.sentOn() != null) {
      LocalDate today = records.communications().today();
      LocalDate from = communication.sentOn();
      LocalDate until = from.plusDays(DeadlineService.MAX_DAYS - 1);
      deadlines.of(caller, communication).stream()
          .filter(deadline -> !deadline.date().isBefore(from) && !deadline.date().isAfter(until))
          .forEach(
              deadline ->
                  due.add(
                      new CommunicationViews.Due(
                          page.t("communication.deadline." + deadline.kind().code()), day(deadline.date(), page),
                          deadline.isPast(today))));
    }
    List<String> addressees = new ArrayList<>(communication.states());
    addressees.addAll(communication.otherAddressees());
    List<Link> cases = new ArrayList<>();
    for (UUID caseId : communication.cases()) {
      try {
        cases.add(new Link("/cases/" + caseId, records.cases().get(caller, caseId).title()));
      } catch (NoSuchRecord notVisible) {
        // A case file the reader may not see is left out.
      }
    }
    List<CommunicationViews.ReplyView> replies = new ArrayList<>();
    for (Reply reply : records.replies().forCommunication(caller, communication.id())) {
      if (reply.isVoided()) {
        continue;
      }
      List<Link> documents = new ArrayList<>();
      for (ReplyDocument document : reply.documents()) {
        String role = document.role() == null ? "" : document.role().code();
        String label;
        try {
          label = records.sources().get(caller, document.source()).title();
        } catch (NoSuchRecord notVisible) {
          label = page.t("communicationPage.reply.document");
        }
        documents.add(new Link(null, label + " (" + role + (document.language() == null ? "" : ", " + document.language()) + ")"));
      }
      replies.add(
          new CommunicationViews.ReplyView(
              day(reply.received(), page), reply.sender(), reply.senderReference(), reply.language(),
              reply.translationStatus() == null ? "" : page.t("communicationPage.translation." + reply.translationStatus().code()),
              reply.summary(), documents, reply.notes(), "reply-" + reply.id(),
              FormAccess.mayWrite(caller) ? "/replies/" + reply.id() + "/edit" : null, "/replies/" + reply.id() + "/letter"));
    }
    List<Link> links = new ArrayList<>();
    for (CommunicationLink link : communication.links()) {
      links.add(
          new Link(
              "/communications/" + link.communication(),
              page.t("communicationPage.relation." + link.relation().code(),
                  link.reference() == null ? page.t("communicationPage.noReference") : link.reference())));
    }
    return new Detail(
        communication.id().toString(),
        communication.reference(),
        communication.type() == null ? "" : page.t("communicationPage.type." + communication.type().code()),
        Boolean.TRUE.equals(communication.joint()),
        status(communication.status(), page),
        history,
        communication.sentOn() == null ? null : day(communication.sentOn(), page),
        communication.publicOn() == null ? null : day(communication.publicOn(), page),
        due,
        addressees,
        mandateNames(communication.mandates(), catalogue, page.locale()),
        cases,
        orEmpty(communication.subject()),
        communication.summary(),
        communication.concerns(),
        communication.questions(),
        communication.standards(),
        communication.text(),
        replies,
        links,
        communication.notes(),
        communication.version() == null ? 0 : communication.version());
  }

  static List<String> mandateNames(List<String> codes, Map<String, Mandate> catalogue, Locale locale) {
    return codes.stream().map(code -> catalogue.containsKey(code) ? catalogue.get(code).name(locale) : code).toList();
  }

  static String status(CommunicationStatus status, PageContext page) {
    return page.t("communicationPage.status." + (status == null ? CommunicationStatus.DRAFT : status).code());
  }

  static String day(LocalDate date, PageContext page) {
    return date == null ? "" : page.date(PartialDate.parse(date.toString()));
  }

  static List<CaseView.Choice> typeChoices(PageContext page) {
    List<CaseView.Choice> choices = new ArrayList<>();
    for (CommunicationType type : CommunicationType.values()) {
      choices.add(new CaseView.Choice(type.code(), page.t("communicationPage.type." + type.code())));
    }
    return choices;
  }

  private static List<CaseView.Choice> statusChoices(PageContext page) {
    List<CaseView.Choice> choices = new ArrayList<>();
    for (CommunicationStatus status : CommunicationStatus.values()) {
      choices.add(new CaseView.Choice(status.code(), status(status, page)));
    }
    return choices;
  }

  static <T> T known(T[] values, Function<T, String> code, String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    for (T value : values) {
      if (code.apply(value).equals(given.trim())) {
        return value;
      }
    }
    return null;
  }

  static Integer year(String given) {
    if (given == null || !given.trim().matches("[0-9]{4}")) {
      return null;
    }
    return Integer.valueOf(given.trim());
  }

  static String upper(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    return given.trim().toUpperCase(Locale.ROOT);
  }

  static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
