package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.casebook.access.Caller;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseStore;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.Redaction;
import org.casebook.common.VersionConflict;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationStore;
import org.casebook.communications.CommunicationType;
import org.casebook.communications.LetterDraft;
import org.casebook.communications.Mandate;
import org.casebook.communications.MandateService;
import org.casebook.people.PersonStore;
import org.casebook.sources.SourceStore;
import org.casebook.transfer.RecordServices;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that write a communication (a new one, or a change to one) and the button that drafts
 * a letter from a case file. They work without JavaScript: a refused form comes back (422) with
 * what was typed and each message next to its field; a form based on a version someone else has
 * since changed comes back (409) with both versions side by side and the typed one still in the
 * form, ready to be saved over the current one.
 *
 * <p>Once a communication is sent, its type and the States it was sent to are fixed (they make its
 * reference, and {@code CommunicationService.update} refuses to change them): the form shows them
 * as text and carries them unchanged. Everything else stays editable, because the record of a sent
 * letter is completed later (its full text once published, the standards of its annex, the case
 * files and persons it concerns), and every change is versioned and in the audit log.
 *
 * <p>The notes are a restricted field: a writer without the grant finds them left out of the form,
 * and saving keeps them as stored.
 */
final class CommunicationForms implements Feature {
  private static final PageRequest ALL = new PageRequest(1, Page.MAX_SIZE);

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;
  private final MandateService mandates;
  private final LetterDraft drafts;

  CommunicationForms(
      PageRenderer renderer, SignInPages signIn, RecordServices records, Forms forms, MandateService mandates, LetterDraft drafts) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.forms = forms;
    this.mandates = mandates;
    this.drafts = drafts;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/communications/new",
        ApiDoc.of("pages", "The form that writes a new communication; ?case= links it to that case file").query(FormAccess.CASE),
        this::newForm);
    routes.post("/communications", ApiDoc.of("pages", "Creates a draft communication from the form; goes on to its page"), this::create);
    routes.get("/communications/{id}/edit", ApiDoc.of("pages", "The form that changes a communication"), this::editForm);
    routes.post(
        "/communications/{id}",
        ApiDoc.of("pages", "Changes a communication from the form; shows both versions if someone saved first"),
        this::update);
    routes.post(
        "/cases/{id}/communications/draft",
        ApiDoc.of("pages", "Drafts a letter from the case file as a new communication; goes on to its form"),
        this::draft);
  }

  private void newForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("type", List.of(CommunicationType.AL.code()));
    values.put("confidentiality", List.of("internal"));
    CaseFile from = caseFrom(context, caller, null);
    if (from != null) {
      values.put("cases", List.of(from.id().toString()));
      values.put("states", List.of(LetterDraft.states(from).stream().findFirst().orElse("")));
    }
    show(context, caller, null, from, Form.of(values), null);
  }

  private void editForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Communication communication = live(caller, PageRenderer.pathId(context, "id"));
    show(context, caller, communication, caseFrom(context, caller, null), Form.of(values(communication)), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    PageContext page = renderer.context(context);
    Form form = Form.posted(context);
    CaseFile from = caseFrom(context, caller, form.value(FormAccess.CASE));
    List<FieldError> typed = new ArrayList<>();
    Communication communication = communication(form, null, typed);
    try {
      refuseUnreadable(communication, typed);
      Communication created = records.communications().create(caller, communication);
      context.redirect("/communications/" + created.id(), HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, null, from, form.withErrors(Forms.merge(typed, invalid.errors()), page), null);
    }
  }

  private void update(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Communication stored = live(caller, id);
    PageContext page = renderer.context(context);
    Form form = Form.posted(context);
    CaseFile from = caseFrom(context, caller, form.value(FormAccess.CASE));
    List<FieldError> typed = new ArrayList<>();
    Communication communication = communication(form, stored, typed);
    try {
      refuseUnreadable(communication, typed);
      records.communications().update(caller, id, communication);
      context.redirect("/communications/" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, stored, from, form.withErrors(Forms.merge(typed, invalid.errors()), page), null);
    } catch (VersionConflict conflict) {
      Communication current = records.communications().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, caller, current, from, Form.of(yours), conflict(current, Form.of(yours), caller, page));
    }
  }

  private void draft(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID caseId = PageRenderer.pathId(context, "id");
    Communication drafted = drafts.create(caller, caseId);
    context.redirect("/communications/" + drafted.id() + "/edit?" + FormAccess.CASE + "=" + caseId, HttpStatus.SEE_OTHER);
  }

  /** A communication the caller may see and that is not voided. */
  private Communication live(Caller caller, UUID id) {
    return PageRenderer.live(records.communications().get(caller, id), CommunicationStore.KIND);
  }

  /** The case file the form was opened from ({@code ?case=} or the hidden field), if the caller may see it. */
  private CaseFile caseFrom(Context context, Caller caller, String typed) {
    String named = typed == null || typed.isBlank() ? context.queryParam(FormAccess.CASE) : typed;
    UUID id = Forms.id(named);
    if (id == null) {
      return null;
    }
    try {
      return records.cases().get(caller, id);
    } catch (NoSuchRecord notVisible) {
      return null;
    }
  }

  /**
   * Refuses a communication with values that could not be read, together with whatever else the
   * service finds wrong in its fields and its mandates, so that the form lists every mistake at once.
   */
  private void refuseUnreadable(Communication communication, List<FieldError> typed) {
    if (typed.isEmpty()) {
      return;
    }
    List<FieldError> found = new ArrayList<>(records.communications().check(communication, "").errors());
    Set<String> catalogue = new java.util.HashSet<>(mandates.list().stream().map(Mandate::code).toList());
    for (int index = 0; index < communication.mandates().size(); index++) {
      String code = communication.mandates().get(index);
      if (!catalogue.contains(code)) {
        found.add(new FieldError("mandates[" + index + "]", "\"" + code + "\" is not a mandate of the catalogue (GET /api/v1/mandates)"));
      }
    }
    throw new InvalidInput(Forms.merge(typed, found));
  }

  /**
   * The communication the form describes. Its lifecycle is never taken from the form; the notes,
   * when the form does not hold them (withheld from the writer), are left to the service, which
   * keeps the stored ones.
   */
  private static Communication communication(Form form, Communication stored, List<FieldError> typed) {
    CommunicationType type = null;
    String typeCode = Forms.text(form, "type");
    if (typeCode == null) {
      typed.add(new FieldError("type", "is required"));
    } else {
      try {
        type = CommunicationType.parse(typeCode, "type");
      } catch (InvalidInput invalid) {
        typed.addAll(invalid.errors());
      }
    }
    String followUp = Forms.text(form, "follow_up_of");
    UUID followUpOf = Forms.id(followUp);
    if (followUp != null && followUpOf == null) {
      typed.add(new FieldError("follow_up_of", "\"" + followUp + "\" is not a communication"));
    }
    String notes = form.has("notes") ? Forms.text(form, "notes") : stored == null ? null : stored.notes();
    Communication communication =
        Communication.draft(
            Forms.confidentiality(form, typed),
            type,
            Forms.countries(form, "states"),
            Forms.lines(form, "other_addressees"),
            nonBlank(form.values("mandates")),
            Forms.ids(form.values("cases")),
            Forms.ids(form.values("persons")),
            Forms.text(form, "subject"),
            Forms.text(form, "summary"),
            Forms.text(form, "text"),
            Forms.text(form, "concerns"),
            Forms.lines(form, "questions"),
            Forms.lines(form, "standards"),
            Forms.ids(form.values("sources")),
            followUpOf,
            Forms.ids(form.values("related")),
            notes);
    if (stored == null) {
      return communication;
    }
    return communication.withHeader(stored.id(), Forms.version(form), communication.confidentiality(), null);
  }

  private static List<String> nonBlank(List<String> values) {
    return values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
  }

  /** The form of a stored communication. */
  private static Map<String, List<String>> values(Communication communication) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(communication.version())));
    values.put("type", List.of(communication.type() == null ? "" : communication.type().code()));
    values.put("confidentiality", List.of(communication.confidentiality().code()));
    values.put("states", List.of(String.join(", ", communication.states())));
    values.put("other_addressees", List.of(String.join("\n", communication.otherAddressees())));
    values.put("mandates", communication.mandates());
    values.put("cases", strings(communication.cases()));
    values.put("persons", strings(communication.persons()));
    values.put("subject", List.of(orEmpty(communication.subject())));
    values.put("summary", List.of(orEmpty(communication.summary())));
    values.put("text", List.of(orEmpty(communication.text())));
    values.put("concerns", List.of(orEmpty(communication.concerns())));
    values.put("questions", List.of(String.join("\n", communication.questions())));
    values.put("standards", List.of(String.join("\n", communication.standards())));
    values.put("sources", strings(communication.sources()));
    values.put("follow_up_of", List.of(communication.followUpOf() == null ? "" : communication.followUpOf().toString()));
    values.put("related", strings(communication.related()));
    if (!Redaction.MARK.equals(communication.notes())) {
      values.put("notes", List.of(orEmpty(communication.notes())));
    }
    return values;
  }

  private static List<String> strings(List<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }

  private void show(Context context, Caller caller, Communication stored, CaseFile from, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    List<CaseView.Choice> caseChoices = caseChoices(caller, form);
    List<UUID> chosenCases = Forms.ids(form.values("cases"));
    boolean sent = stored != null && stored.isSent();
    boolean notesShown = stored == null || form.has("notes");
    CommunicationFormChoices choices =
        new CommunicationFormChoices(
            CommunicationPages.typeChoices(page),
            Forms.confidentialities(page),
            mandateChoices(page),
            caseChoices,
            personChoices(caller, chosenCases, Forms.ids(form.values("persons"))),
            sourceChoices(caller, chosenCases, Forms.ids(form.values("sources"))),
            communicationChoices(caller, stored, form, page),
            sent,
            sent && stored.type() != null ? page.t("communicationPage.type." + stored.type().code()) : null,
            sent ? String.join(", ", stored.states()) : null,
            notesShown,
            from == null ? null : from.id(),
            from == null ? null : from.title(),
            stored == null ? null : stored.reference());
    String heading = stored == null ? page.t("commform.new") : page.t("commform.edit");
    String action = stored == null ? "/communications" : "/communications/" + stored.id();
    renderer.render(
        context,
        "communication_form.jte",
        page,
        Map.of("view", new RecordFormView(heading, action, null, null, form, conflict), "choices", choices));
  }

  private List<CaseView.Choice> mandateChoices(PageContext page) {
    return mandates.list().stream()
        .filter(mandate -> !Boolean.FALSE.equals(mandate.active()))
        .map(mandate -> new CaseView.Choice(mandate.code(), mandate.name(page.locale())))
        .toList();
  }

  /** The case files the caller may see, with any chosen one the list did not hold. */
  private List<CaseView.Choice> caseChoices(Caller caller, Form form) {
    Map<String, String> choices = new LinkedHashMap<>();
    records.cases().list(caller, new CaseStore.Filter(null, null, null, null, null, false), ALL).items()
        .forEach(caseFile -> choices.put(caseFile.id().toString(), caseFile.title()));
    for (UUID chosen : Forms.ids(form.values("cases"))) {
      if (!choices.containsKey(chosen.toString())) {
        try {
          choices.put(chosen.toString(), records.cases().get(caller, chosen).title());
        } catch (NoSuchRecord notVisible) {
          // A case file the writer may not see is not offered; the service refuses it if sent.
        }
      }
    }
    return asChoices(choices);
  }

  /** The persons of the chosen case files, then any other chosen person the caller may see. */
  private List<CaseView.Choice> personChoices(Caller caller, List<UUID> cases, List<UUID> chosen) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (UUID caseId : cases) {
      try {
        records.persons().list(caller, new PersonStore.Filter(null, caseId, false), ALL).items()
            .forEach(person -> choices.putIfAbsent(person.id().toString(), person.name()));
      } catch (NoSuchRecord notVisible) {
        // Nothing is offered from a case file the writer may not see.
      }
    }
    for (UUID id : chosen) {
      if (!choices.containsKey(id.toString())) {
        try {
          choices.put(id.toString(), records.persons().get(caller, id).name());
        } catch (NoSuchRecord notVisible) {
          // A person the writer may not see is not offered.
        }
      }
    }
    return asChoices(choices);
  }

  /** The sources of the chosen case files, then any other chosen source the caller may see. */
  private List<CaseView.Choice> sourceChoices(Caller caller, List<UUID> cases, List<UUID> chosen) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (UUID caseId : cases) {
      try {
        records.sources().list(caller, new SourceStore.Filter(null, caseId, null, false), ALL).items()
            .forEach(source -> choices.putIfAbsent(source.id().toString(), source.title()));
      } catch (NoSuchRecord notVisible) {
        // Nothing is offered from a case file the writer may not see.
      }
    }
    for (UUID id : chosen) {
      if (!choices.containsKey(id.toString())) {
        try {
          choices.put(id.toString(), records.sources().get(caller, id).title());
        } catch (NoSuchRecord notVisible) {
          // A source the writer may not see is not offered.
        }
      }
    }
    return asChoices(choices);
  }

  /** The other communications the caller may see, newest first, for the follow-up and related fields. */
  private List<CaseView.Choice> communicationChoices(Caller caller, Communication stored, Form form, PageContext page) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (Communication other : records.communications().list(caller, CommunicationStore.Filter.all(), ALL).items()) {
      if (stored == null || !other.id().equals(stored.id())) {
        choices.put(other.id().toString(), label(other, page));
      }
    }
    Set<UUID> chosen = new LinkedHashSet<>(Forms.ids(form.values("related")));
    UUID followUp = Forms.id(form.value("follow_up_of"));
    if (followUp != null) {
      chosen.add(followUp);
    }
    for (UUID id : chosen) {
      if (!choices.containsKey(id.toString())) {
        try {
          choices.put(id.toString(), label(records.communications().get(caller, id), page));
        } catch (NoSuchRecord notVisible) {
          // A communication the writer may not see is not offered.
        }
      }
    }
    return asChoices(choices);
  }

  private static String label(Communication communication, PageContext page) {
    String reference = communication.reference() == null ? page.t("communicationPage.noReference") : communication.reference();
    return reference + ": " + orEmpty(communication.subject());
  }

  private static List<CaseView.Choice> asChoices(Map<String, String> labels) {
    List<CaseView.Choice> choices = new ArrayList<>();
    labels.forEach((code, label) -> choices.add(new CaseView.Choice(code, label)));
    return choices;
  }

  /** The stored communication and the typed one, field by field, in words. */
  private RecordFormView.Conflict conflict(Communication current, Form yours, Caller caller, PageContext page) {
    Form stored = Form.of(values(current));
    Map<String, String> mandateNames = new LinkedHashMap<>();
    for (Mandate mandate : mandates.list()) {
      mandateNames.put(mandate.code(), mandate.name(page.locale()));
    }
    List<UUID> cases = new ArrayList<>(current.cases());
    Forms.ids(yours.values("cases")).stream().filter(id -> !cases.contains(id)).forEach(cases::add);
    Map<String, String> caseTitles = labels(caseChoices(caller, Form.of(Map.of("cases", strings(cases)))));
    List<UUID> persons = new ArrayList<>(current.persons());
    persons.addAll(Forms.ids(yours.values("persons")));
    Map<String, String> personNames = labels(personChoices(caller, List.of(), persons));
    List<UUID> sources = new ArrayList<>(current.sources());
    sources.addAll(Forms.ids(yours.values("sources")));
    Map<String, String> sourceTitles = labels(sourceChoices(caller, List.of(), sources));
    Map<String, String> communicationLabels = labels(communicationChoices(caller, current, yours, page));
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(ConflictRows.field(page.t("communicationPage.type"), stored, yours, "type",
        code -> page.t("communicationPage.type." + code)));
    rows.add(ConflictRows.field(page.t("form.confidentiality"), stored, yours, "confidentiality",
        code -> page.t("form.confidentiality." + code)));
    rows.add(ConflictRows.field(page.t("commform.states"), stored, yours, "states", text -> text));
    rows.add(ConflictRows.field(page.t("commform.otherAddressees"), stored, yours, "other_addressees", text -> text));
    rows.add(listRow(page.t("communicationPage.mandates"), stored, yours, "mandates", mandateNames));
    rows.add(listRow(page.t("communicationPage.cases"), stored, yours, "cases", caseTitles));
    rows.add(listRow(page.t("commform.persons"), stored, yours, "persons", personNames));
    for (String field : List.of("subject", "summary", "text", "concerns", "questions", "standards")) {
      rows.add(ConflictRows.field(page.t("commform." + field), stored, yours, field, text -> text));
    }
    rows.add(listRow(page.t("commform.sources"), stored, yours, "sources", sourceTitles));
    rows.add(listRow(page.t("commform.followUpOf"), stored, yours, "follow_up_of", communicationLabels));
    rows.add(listRow(page.t("commform.related"), stored, yours, "related", communicationLabels));
    if (stored.has("notes")) {
      rows.add(ConflictRows.field(page.t("communicationPage.notes"), stored, yours, "notes", text -> text));
    }
    return new RecordFormView.Conflict(rows);
  }

  private static RecordFormView.ConflictRow listRow(String label, Form stored, Form yours, String field, Map<String, String> words) {
    UnaryOperator<String> named = code -> words.getOrDefault(code, code);
    return new RecordFormView.ConflictRow(label, inWords(stored.values(field), named), inWords(yours.values(field), named));
  }

  private static String inWords(List<String> codes, UnaryOperator<String> named) {
    return String.join("; ", codes.stream().filter(code -> !code.isBlank()).map(named).toList());
  }

  private static Map<String, String> labels(List<CaseView.Choice> choices) {
    Map<String, String> labels = new LinkedHashMap<>();
    choices.forEach(choice -> labels.put(choice.code(), choice.label()));
    return labels;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
