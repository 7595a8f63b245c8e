package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.access.Caller;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.VersionConflict;
import org.casebook.communications.Claim;
import org.casebook.communications.ClaimResponse;
import org.casebook.communications.ClaimStore;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationStore;
import org.casebook.communications.Reply;
import org.casebook.communications.Stance;
import org.casebook.transfer.RecordServices;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that add one row to a communication's claims matrix and change one: the allegation (the
 * team's words, when it happened, the communication's own words, its sources) and, for each reply
 * to the communication, the reply's stance on it, the reply's words and the sources on the reply's
 * side. A reply whose stance is left empty has not been assessed. Refusals (422) and conflicts
 * (409) are answered as in {@link EventForms}; notes are left out of the form of a reader without
 * the restricted grant, and kept as stored.
 *
 * <p>The form holds one group of controls per reply, in the order the replies came, named {@code
 * responses[n].…} by the reply's place; the service numbers the responses it is given, so its
 * messages are put back at the group of the reply they are about.
 */
final class ClaimForms implements Feature {
  private static final String RESPONSES = "responses";
  private static final Pattern RESPONSE_PATH = Pattern.compile("^responses\\[(\\d+)](.*)$");

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final RestrictedGrants grants;

  ClaimForms(PageRenderer renderer, SignInPages signIn, RecordServices records, RestrictedGrants grants) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.grants = grants;
  }

  /** A reply as a group of the form: its id and its heading in words. */
  record ReplyGroup(UUID reply, String heading) {}

  @Override
  public void register(Routes routes) {
    routes.get(
        "/communications/{id}/claims/new", ApiDoc.of("pages", "The form that adds an allegation (a row of the claims matrix) to a communication"),
        this::newForm);
    routes.post(
        "/communications/{id}/claims",
        ApiDoc.of("pages", "Adds an allegation from the form; goes on to it on the claims matrix"),
        this::create);
    routes.get("/claims/{id}/edit", ApiDoc.of("pages", "The form that changes an allegation and the replies' stances on it"), this::editForm);
    routes.post(
        "/claims/{id}",
        ApiDoc.of("pages", "Changes an allegation from the form; shows both versions if someone saved first"),
        this::update);
  }

  private void newForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Communication communication = communication(caller, PageRenderer.pathId(context, "id"));
    List<ReplyGroup> groups = groups(caller, communication, renderer.context(context));
    show(context, caller, communication, groups, null, Form.of(defaults(groups)), null);
  }

  private void editForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Claim claim = liveClaim(caller, PageRenderer.pathId(context, "id"));
    Communication communication = communication(caller, claim.communication());
    PageContext page = renderer.context(context);
    List<ReplyGroup> groups = groups(caller, communication, page);
    boolean granted = grants.heldOn(caller, ClaimStore.TABLE, claim.id());
    show(context, caller, communication, groups, claim, Form.of(values(claim, groups, granted, page)), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Communication communication = communication(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    List<ReplyGroup> groups = groups(caller, communication, page);
    Form form = Form.posted(context);
    boolean granted = grants.heldOn(caller, CommunicationStore.TABLE, communication.id());
    List<FieldError> typed = new ArrayList<>();
    List<Integer> groupOfResponse = new ArrayList<>();
    Claim claim = claim(caller, form, communication.id(), null, groups, groupOfResponse, granted, page, typed);
    if (!typed.isEmpty()) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, groups, null, refused(form, typed, records.claims().check(claim, "").errors(), groupOfResponse, page), null);
      return;
    }
    try {
      Claim created = records.claims().create(caller, claim);
      context.redirect("/communications/" + communication.id() + "/matrix#claim-" + created.id(), HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, groups, null, refused(form, typed, invalid.errors(), groupOfResponse, page), null);
    }
  }

  private void update(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Claim stored = liveClaim(caller, id);
    Communication communication = communication(caller, stored.communication());
    PageContext page = renderer.context(context);
    List<ReplyGroup> groups = groups(caller, communication, page);
    Form form = Form.posted(context);
    boolean granted = grants.heldOn(caller, ClaimStore.TABLE, id);
    List<FieldError> typed = new ArrayList<>();
    List<Integer> groupOfResponse = new ArrayList<>();
    Claim claim = claim(caller, form, communication.id(), stored, groups, groupOfResponse, granted, page, typed);
    if (!typed.isEmpty()) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, groups, stored, refused(form, typed, records.claims().check(claim, "").errors(), groupOfResponse, page), null);
      return;
    }
    try {
      records.claims().update(caller, id, claim);
      context.redirect("/communications/" + communication.id() + "/matrix#claim-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, groups, stored, refused(form, typed, invalid.errors(), groupOfResponse, page), null);
    } catch (VersionConflict conflict) {
      Claim current = records.claims().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, caller, communication, groups, current, Form.of(yours), conflict(caller, communication, groups, current, form, granted, page));
    }
  }

  private Communication communication(Caller caller, UUID id) {
    return PageRenderer.live(records.communications().get(caller, id), CommunicationStore.KIND);
  }

  private Claim liveClaim(Caller caller, UUID id) {
    return PageRenderer.live(records.claims().get(caller, id), ClaimStore.KIND);
  }

  /** The live replies to the communication the reader sees, in the order they came, as groups of the form. */
  private List<ReplyGroup> groups(Caller caller, Communication communication, PageContext page) {
    List<ReplyGroup> groups = new ArrayList<>();
    for (Reply reply : records.replies().forCommunication(caller, communication.id())) {
      if (!reply.isVoided()) {
        groups.add(
            new ReplyGroup(
                reply.id(),
                page.t("communicationPage.matrix.reply", CommunicationPages.day(reply.received(), page),
                    reply.senderReference() == null ? "" : reply.senderReference())));
      }
    }
    return groups;
  }

  /**
   * The form refused: the mistakes of its own reading (a date nobody can read, a stance that is not
   * one), then the service's, each put at its field.
   */
  private static Form refused(Form form, List<FieldError> typed, List<FieldError> service, List<Integer> groupOfResponse, PageContext page) {
    return form.withErrors(Forms.merge(typed, atTheirGroups(service, groupOfResponse)), page);
  }

  /**
   * The claim the form describes. A reply's group left empty (no stance, no words, no source) is
   * not assessed and gives no response; {@code groupOfResponse} records which group each response
   * came from. A stored response the form does not show (to a reply the reader may not see) is
   * kept as stored; one to a reply since removed is dropped, as the service accepts responses to
   * live replies only.
   */
  private Claim claim(
      Caller caller, Form form, UUID communication, Claim stored, List<ReplyGroup> groups, List<Integer> groupOfResponse, boolean granted,
      PageContext page, List<FieldError> typed) {
    List<ClaimResponse> responses = new ArrayList<>();
    for (int index = 0; index < groups.size(); index++) {
      String stance = form.value(FormRow.field(RESPONSES, index, "stance"));
      String quote = multiline(form, FormRow.field(RESPONSES, index, "quote"));
      List<UUID> sources = Forms.ids(form.values(FormRow.field(RESPONSES, index, "sources")));
      if (stance.isBlank() && quote == null && sources.isEmpty()) {
        continue;
      }
      responses.add(new ClaimResponse(groups.get(index).reply(), stance(stance, FormRow.field(RESPONSES, index, "stance"), typed), quote, sources));
      groupOfResponse.add(index);
    }
    if (stored != null) {
      for (ClaimResponse response : stored.responses()) {
        if (groups.stream().noneMatch(group -> group.reply().equals(response.reply())) && replyHidden(caller, response.reply())) {
          responses.add(response);
          groupOfResponse.add(null);
        }
      }
    }
    return new Claim(
        null,
        stored == null ? null : Forms.version(form),
        Forms.confidentiality(form, typed),
        null,
        communication,
        stored == null ? null : stored.order(),
        multiline(form, "text"),
        Forms.date(form, "date", page.locale(), typed),
        multiline(form, "quote"),
        Forms.ids(form.values("sources")),
        responses,
        granted ? multiline(form, "notes") : null);
  }

  /**
   * Whether a reply the form does not show is one the reader may not see (its response is kept), rather
   * than one removed since (its response is dropped).
   */
  private boolean replyHidden(Caller caller, UUID reply) {
    try {
      return !records.replies().get(caller, reply).isVoided();
    } catch (NoSuchRecord notVisible) {
      return true;
    }
  }

  private static Stance stance(String code, String field, List<FieldError> typed) {
    if (code.isBlank()) {
      return null;
    }
    try {
      return Stance.parse(code.trim(), field);
    } catch (InvalidInput invalid) {
      typed.addAll(invalid.errors());
      return null;
    }
  }

  /**
   * The service's messages about {@code responses[k]} put at the group the k-th response came from;
   * a message about a response the form does not show goes to the summary alone.
   */
  private static List<FieldError> atTheirGroups(List<FieldError> errors, List<Integer> groupOfResponse) {
    List<FieldError> placed = new ArrayList<>();
    for (FieldError error : errors) {
      Matcher path = RESPONSE_PATH.matcher(error.field());
      if (!path.matches()) {
        placed.add(error);
        continue;
      }
      int response = Integer.parseInt(path.group(1));
      Integer group = response < groupOfResponse.size() ? groupOfResponse.get(response) : null;
      placed.add(new FieldError(group == null ? RESPONSES : RESPONSES + "[" + group + "]" + path.group(2), error.message()));
    }
    return placed;
  }

  private static String multiline(Form form, String field) {
    String text = form.value(field).replace("\r\n", "\n").strip();
    return text.isEmpty() ? null : text;
  }

  private static Map<String, List<String>> defaults(List<ReplyGroup> groups) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("confidentiality", List.of("internal"));
    for (int index = 0; index < groups.size(); index++) {
      values.put(FormRow.field(RESPONSES, index, "stance"), List.of(""));
    }
    return values;
  }

  /** The form of a stored claim, one group per reply the reader sees; notes only with the grant. */
  private static Map<String, List<String>> values(Claim claim, List<ReplyGroup> groups, boolean granted, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(claim.version())));
    values.put("text", List.of(orEmpty(claim.text())));
    values.put("date", List.of(page.date(claim.date())));
    values.put("quote", List.of(orEmpty(claim.quote())));
    values.put("sources", claim.sources().stream().map(UUID::toString).toList());
    for (int index = 0; index < groups.size(); index++) {
      UUID reply = groups.get(index).reply();
      ClaimResponse response = claim.responses().stream().filter(candidate -> reply.equals(candidate.reply())).findFirst().orElse(null);
      values.put(FormRow.field(RESPONSES, index, "stance"), List.of(response == null || response.stance() == null ? "" : response.stance().code()));
      values.put(FormRow.field(RESPONSES, index, "quote"), List.of(response == null ? "" : orEmpty(response.quote())));
      values.put(
          FormRow.field(RESPONSES, index, "sources"),
          response == null ? List.of() : response.sources().stream().map(UUID::toString).toList());
    }
    if (granted) {
      values.put("notes", List.of(orEmpty(claim.notes())));
    }
    values.put("confidentiality", List.of(claim.confidentiality().code()));
    return values;
  }

  private void show(
      Context context, Caller caller, Communication communication, List<ReplyGroup> groups, Claim stored, Form form,
      RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    boolean granted =
        stored == null
            ? grants.heldOn(caller, CommunicationStore.TABLE, communication.id())
            : grants.heldOn(caller, ClaimStore.TABLE, stored.id());
    List<UUID> chosen = new ArrayList<>(Forms.ids(form.values("sources")));
    for (int index = 0; index < groups.size(); index++) {
      chosen.addAll(Forms.ids(form.values(FormRow.field(RESPONSES, index, "sources"))));
    }
    List<ClaimFormChoices.Group> shown = new ArrayList<>();
    for (int index = 0; index < groups.size(); index++) {
      shown.add(new ClaimFormChoices.Group(new FormRow(RESPONSES, index), groups.get(index).heading()));
    }
    String reference = communication.reference() == null ? page.t("communicationPage.noReference") : communication.reference();
    ClaimFormChoices choices =
        new ClaimFormChoices(
            stances(page),
            CommunicationSourceChoices.of(records, caller, communication, chosen),
            Forms.confidentialities(page),
            shown,
            granted,
            stored == null || stored.date() == null ? page.t("form.dateHint") : page.t("form.dateHintStored", stored.date().toEdtf()),
            communication.id().toString(),
            reference);
    String heading = stored == null ? page.t("claimform.new", reference) : page.t("claimform.edit", reference);
    String action = stored == null ? "/communications/" + communication.id() + "/claims" : "/claims/" + stored.id();
    renderer.render(
        context,
        "claim_form.jte",
        page,
        Map.of("view", new RecordFormView(heading, action, null, null, form, conflict), "choices", choices));
  }

  private static List<CaseView.Choice> stances(PageContext page) {
    List<CaseView.Choice> choices = new ArrayList<>();
    for (Stance stance : Stance.values()) {
      choices.add(new CaseView.Choice(stance.code(), page.t("communicationPage.stance." + stance.code())));
    }
    return choices;
  }

  /** The stored claim and the typed one, field by field, in words. */
  private RecordFormView.Conflict conflict(
      Caller caller, Communication communication, List<ReplyGroup> groups, Claim current, Form yours, boolean granted, PageContext page) {
    Form stored = Form.of(values(current, groups, granted, page));
    List<UUID> chosen = new ArrayList<>(current.sources());
    current.responses().forEach(response -> chosen.addAll(response.sources()));
    Map<String, String> titles = CommunicationSourceChoices.titles(CommunicationSourceChoices.of(records, caller, communication, chosen));
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(ConflictRows.field(page.t("claimform.text"), stored, yours, "text", ClaimForms::plain));
    rows.add(ConflictRows.field(page.t("claimform.date"), stored, yours, "date", text -> text));
    rows.add(ConflictRows.field(page.t("claimform.quote"), stored, yours, "quote", ClaimForms::plain));
    rows.add(new RecordFormView.ConflictRow(
        page.t("claimform.sources"),
        CommunicationSourceChoices.inWords(stored.values("sources"), titles),
        CommunicationSourceChoices.inWords(yours.values("sources"), titles)));
    for (int index = 0; index < groups.size(); index++) {
      String field = FormRow.field(RESPONSES, index, "stance");
      String heading = groups.get(index).heading();
      rows.add(ConflictRows.field(heading + ": " + page.t("claimform.stance"), stored, yours, field,
          code -> page.t("communicationPage.stance." + code)));
      rows.add(ConflictRows.field(heading + ": " + page.t("claimform.response.quote"), stored, yours,
          FormRow.field(RESPONSES, index, "quote"), ClaimForms::plain));
      String sources = FormRow.field(RESPONSES, index, "sources");
      rows.add(new RecordFormView.ConflictRow(
          heading + ": " + page.t("claimform.response.sources"),
          CommunicationSourceChoices.inWords(stored.values(sources), titles),
          CommunicationSourceChoices.inWords(yours.values(sources), titles)));
    }
    if (granted) {
      rows.add(ConflictRows.field(page.t("claimform.notes"), stored, yours, "notes", ClaimForms::plain));
    }
    rows.add(ConflictRows.field(page.t("form.confidentiality"), stored, yours, "confidentiality", code -> page.t("form.confidentiality." + code)));
    return new RecordFormView.Conflict(rows);
  }

  private static String plain(String text) {
    return text.replace("\r\n", "\n");
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
