package org.casebook.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.communications.Claim;
import org.casebook.communications.ClaimResponse;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationRegister;
import org.casebook.communications.CommunicationType;
import org.casebook.communications.Mandate;
import org.casebook.communications.MandateService;
import org.casebook.communications.Reply;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/**
 * The public register of communications: no sign-in. It shows what {@link CommunicationRegister}
 * returns and nothing else: published letters marked public whose public date has come, their
 * published replies and public claims, with protected persons, private case files and sources and
 * the team's notes already left out. A letter that is not public is not found, like one that does
 * not exist.
 */
final class RegisterPages implements Feature {
  private final PageRenderer renderer;
  private final CommunicationRegister register;
  private final MandateService mandates;

  RegisterPages(PageRenderer renderer, CommunicationRegister register, MandateService mandates) {
    this.renderer = renderer;
    this.register = register;
    this.mandates = mandates;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/public/communications",
        ApiDoc.of("pages", "The public register of communications, with filters, a search and the figures of each State")
            .query("state", "mandate", "type", "year", "replied", "text", "page"),
        this::list);
    routes.get(
        "/public/communications/{id}",
        ApiDoc.of("pages", "A public communication with its published replies and the State's stance on each allegation"),
        this::entry);
  }

  private void list(Context context) {
    PageContext page = renderer.context(context);
    String state = CommunicationPages.upper(context.queryParam("state"));
    String mandate = blankToNull(context.queryParam("mandate"));
    CommunicationType type = CommunicationPages.known(CommunicationType.values(), CommunicationType::code, context.queryParam("type"));
    Integer year = CommunicationPages.year(context.queryParam("year"));
    String repliedText = blankToNull(context.queryParam("replied"));
    Boolean replied = "yes".equals(repliedText) ? Boolean.TRUE : "no".equals(repliedText) ? Boolean.FALSE : null;
    String text = blankToNull(context.queryParam("text"));
    int pageNumber = Math.max(1, Requests.intParam(context, "page", 1));
    Page<Communication> found =
        register.list(
            new CommunicationRegister.Filter(state, mandate, type, year, replied, text),
            new PageRequest(pageNumber, CommunicationPages.LIST_SIZE));
    CommunicationViews.Filter filter =
        new CommunicationViews.Filter(
            CommunicationPages.orEmpty(state), CommunicationPages.orEmpty(mandate), type == null ? "" : type.code(), "",
            year == null ? "" : year.toString(), replied == null ? "" : replied ? "yes" : "no", CommunicationPages.orEmpty(text));
    List<CaseView.Choice> mandateChoices = new ArrayList<>();
    for (Mandate each : mandates.list()) {
      mandateChoices.add(new CaseView.Choice(each.code(), each.name(page.locale())));
    }
    List<CommunicationViews.Figures> figures = new ArrayList<>();
    for (CommunicationRegister.StateFigures each : register.figures()) {
      figures.add(
          new CommunicationViews.Figures(
              each.state(), each.letters(),
              page.t("register.percent", Math.round(each.shareReplied() * 100)),
              each.medianDaysToReply() == null
                  ? page.t("register.noReply")
                  : page.t("register.days", formatDays(each.medianDaysToReply()))));
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rows", found.items().stream().map(each -> CommunicationPages.row(each, page, "/public/communications/")).toList());
    parameters.put("total", found.total());
    parameters.put("pageNumber", pageNumber);
    parameters.put("pages", Math.max(1, (found.total() + CommunicationPages.LIST_SIZE - 1) / CommunicationPages.LIST_SIZE));
    parameters.put("filter", filter);
    parameters.put("types", CommunicationPages.typeChoices(page));
    parameters.put("mandates", mandateChoices);
    parameters.put("figures", figures);
    parameters.put("pageLink", new CommunicationViews.PageLinks("/public/communications", filter));
    renderer.render(context, "register_list.jte", page, parameters);
  }

  private static String formatDays(double days) {
    return days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(days);
  }

  private void entry(Context context) {
    PageContext page = renderer.context(context);
    CommunicationRegister.Entry entry = register.get(PageRenderer.pathId(context, "id"));
    Communication communication = entry.communication();
    Map<String, Mandate> catalogue = mandates.list().stream().collect(Collectors.toMap(Mandate::code, Function.identity()));
    List<CommunicationViews.ReplyView> replies = new ArrayList<>();
    for (Reply reply : entry.replies()) {
      replies.add(
          new CommunicationViews.ReplyView(
              CommunicationPages.day(reply.received(), page), reply.sender(), reply.senderReference(), reply.language(),
              reply.translationStatus() == null ? "" : page.t("communicationPage.translation." + reply.translationStatus().code()),
              reply.summary(), List.of(), null,
              "/public/communications/" + communication.id() + "/replies/" + reply.id() + "/letter"));
    }
    List<String> columns = new ArrayList<>();
    for (Reply reply : entry.replies()) {
      columns.add(
          page.t("communicationPage.matrix.reply", CommunicationPages.day(reply.received(), page),
              CommunicationPages.orEmpty(reply.senderReference())));
    }
    List<CommunicationViews.MatrixRow> rows = new ArrayList<>();
    for (Claim claim : entry.claims()) {
      List<CommunicationViews.Cell> cells = new ArrayList<>();
      for (Reply reply : entry.replies()) {
        ClaimResponse response =
            claim.responses().stream().filter(each -> reply.id().equals(each.reply())).findFirst().orElse(null);
        cells.add(
            response == null || response.stance() == null
                ? new CommunicationViews.Cell("none", page.t("communicationPage.stance.none"), null)
                : new CommunicationViews.Cell(
                    response.stance().code(), page.t("communicationPage.stance." + response.stance().code()), response.quote()));
      }
      rows.add(
          new CommunicationViews.MatrixRow(
              claim.order() == null ? 0 : claim.order(), claim.text(), claim.date() == null ? null : page.date(claim.date()),
              claim.quote(), cells));
    }
    List<String> addressees = new ArrayList<>(communication.states());
    addressees.addAll(communication.otherAddressees());
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(
        "detail",
        new CommunicationViews.Detail(
            communication.id().toString(), communication.reference(),
            communication.type() == null ? "" : page.t("communicationPage.type." + communication.type().code()),
            Boolean.TRUE.equals(communication.joint()), CommunicationPages.status(communication.status(), page), List.of(),
            CommunicationPages.day(communication.sentOn(), page), CommunicationPages.day(communication.publicOn(), page),
            List.of(), addressees, CommunicationPages.mandateNames(communication.mandates(), catalogue, page.locale()),
            List.of(), CommunicationPages.orEmpty(communication.subject()), communication.summary(), communication.concerns(),
            communication.questions(), communication.standards(), communication.text(), replies, List.of(), null, 0));
    parameters.put("matrix", new CommunicationViews.Matrix(communication.id().toString(), communication.reference(),
        communication.subject(), columns, rows, ""));
    renderer.render(context, "register_page.jte", page, parameters);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
