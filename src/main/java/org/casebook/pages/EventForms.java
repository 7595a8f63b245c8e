package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.cases.CaseFile;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.dates.PartialDate;
import org.casebook.events.Event;
import org.casebook.events.Participant;
import org.casebook.organizations.OrganizationStore;
import org.casebook.people.PersonStore;
import org.casebook.sources.SourceStore;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that add an event to a case file and change one. They work without JavaScript: a
 * refused form comes back (422) with what was typed and each message next to its field; a form
 * based on a version someone else has since changed comes back (409) with both versions side by
 * side and the typed one still in the form, ready to be saved over the current one.
 */
final class EventForms implements Feature {
  /** Blank participant rows offered below the filled-in ones. */
  private static final int BLANK_PARTICIPANT_ROWS = 2;

  static final String PARTICIPANTS = "participants";
  private static final List<String> PARTICIPANT_PARTS = List.of("person", "organization", "name", "role", "note");
  private static final PageRequest ALL_OF_A_CASE = new PageRequest(1, Page.MAX_SIZE);

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;

  EventForms(PageRenderer renderer, SignInPages signIn, RecordServices records, Forms forms) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.forms = forms;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/cases/{id}/events/new", ApiDoc.of("pages", "The form that adds an event to a case file"), this::newForm);
    routes.post("/cases/{id}/events", ApiDoc.of("pages", "Adds an event from the form; goes on to it on the case page"), this::create);
    routes.get("/events/{id}/edit", ApiDoc.of("pages", "The form that changes an event"), this::editForm);
    routes.post("/events/{id}", ApiDoc.of("pages", "Changes an event from the form; shows both versions if someone saved first"), this::update);
  }

  private void newForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("confidentiality", List.of("internal"));
    show(context, caller, caseFile, null, Form.of(values), null);
  }

  private void editForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Event event = records.events().get(caller, PageRenderer.pathId(context, "id"));
    CaseFile caseFile = records.cases().get(caller, event.caseId());
    PageContext page = renderer.context(context);
    show(context, caller, caseFile, event, Form.of(values(event, page)), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    Form form = withoutBlankParticipants(Form.posted(context));
    List<FieldError> typed = new ArrayList<>();
    Event event = event(form, caseFile.id(), null, page, typed);
    try {
      refuseUnreadable(event, typed);
      Event created = records.events().create(caller, event);
      context.redirect("/cases/" + caseFile.id() + "#event-" + created.id(), HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, caseFile, null, form.withErrors(Forms.merge(typed, invalid.errors()), page), null);
    }
  }

  private void update(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Event stored = records.events().get(caller, id);
    CaseFile caseFile = records.cases().get(caller, stored.caseId());
    PageContext page = renderer.context(context);
    Form form = withoutBlankParticipants(Form.posted(context));
    List<FieldError> typed = new ArrayList<>();
    Event event = event(form, stored.caseId(), stored, page, typed);
    try {
      refuseUnreadable(event, typed);
      records.events().update(caller, id, event);
      context.redirect("/cases/" + caseFile.id() + "#event-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, caseFile, stored, form.withErrors(Forms.merge(typed, invalid.errors()), page), null);
    } catch (VersionConflict conflict) {
      Event current = records.events().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, caller, caseFile, current, Form.of(yours), conflict(current, form, caseFile, caller, page));
    }
  }

  /**
   * Refuses an event with text that could not be read (a date nobody can parse), together with
   * whatever else the service finds wrong, so that the form lists every mistake at once.
   */
  private void refuseUnreadable(Event event, List<FieldError> typed) {
    if (!typed.isEmpty()) {
      throw new InvalidInput(Forms.merge(typed, records.events().check(event, "").errors()));
    }
  }

  /** The event the form describes; links and the proceeding are kept as stored. */
  private static Event event(Form form, UUID caseId, Event stored, PageContext page, List<FieldError> typed) {
    PartialDate date = Forms.date(form, "date", page.locale(), typed);
    List<Participant> participants = new ArrayList<>();
    for (int index = 0, rows = FormRow.count(form, PARTICIPANTS, "person"); index < rows; index++) {
      participants.add(
          new Participant(
              Forms.id(form.value(participantField(index, "person"))),
              Forms.id(form.value(participantField(index, "organization"))),
              Forms.text(form, participantField(index, "name")),
              Forms.text(form, participantField(index, "role")),
              Forms.text(form, participantField(index, "note"))));
    }
    String country = Forms.text(form, "country");
    return new Event(
        null,
        stored == null ? null : Forms.version(form),
        Forms.confidentiality(form, typed),
        null,
        caseId,
        date,
        Forms.text(form, "type"),
        Forms.text(form, "title"),
        Forms.text(form, "description"),
        Forms.text(form, "location"),
        country == null ? null : country.toUpperCase(java.util.Locale.ROOT),
        Forms.text(form, "violation"),
        participants,
        Forms.ids(form.values("sources")),
        stored == null ? null : stored.proceeding(),
        stored == null ? List.of() : stored.links());
  }

  /** The form of a stored event, with its date as people read it. */
  private static Map<String, List<String>> values(Event event, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(event.version())));
    values.put("date", List.of(page.date(event.date())));
    values.put("type", List.of(orEmpty(event.type())));
    values.put("title", List.of(orEmpty(event.title())));
    values.put("description", List.of(orEmpty(event.description())));
    values.put("location", List.of(orEmpty(event.location())));
    values.put("country", List.of(orEmpty(event.country())));
    values.put("violation", List.of(orEmpty(event.violation())));
    values.put("confidentiality", List.of(event.confidentiality().code()));
    values.put("sources", event.sources().stream().map(UUID::toString).toList());
    List<Participant> participants = event.participants();
    for (int index = 0; index < participants.size(); index++) {
      Participant participant = participants.get(index);
      values.put(participantField(index, "person"), List.of(participant.person() == null ? "" : participant.person().toString()));
      values.put(participantField(index, "organization"), List.of(participant.organization() == null ? "" : participant.organization().toString()));
      values.put(participantField(index, "name"), List.of(orEmpty(participant.name())));
      values.put(participantField(index, "role"), List.of(orEmpty(participant.role())));
      values.put(participantField(index, "note"), List.of(orEmpty(participant.note())));
    }
    return values;
  }

  /** The posted form without its blank participant rows (see {@link FormRow#withoutBlankRows}). */
  private static Form withoutBlankParticipants(Form posted) {
    return FormRow.withoutBlankRows(posted, PARTICIPANTS, PARTICIPANT_PARTS);
  }

  private static String participantField(int index, String part) {
    return FormRow.field(PARTICIPANTS, index, part);
  }

  private void show(Context context, Caller caller, CaseFile caseFile, Event stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    UUID caseId = caseFile.id();
    Map<UUID, String> organizations = new LinkedHashMap<>();
    records.organizations().list(caller, new OrganizationStore.Filter(null, caseId, null, false), ALL_OF_A_CASE).items()
        .forEach(organization -> organizations.put(organization.id(), organization.name()));
    List<EventFormChoices.ParticipantRow> rows = new ArrayList<>();
    int index = 0;
    for (; form.has(participantField(index, "role")); index++) {
      String person = form.value(participantField(index, "person"));
      UUID organization = Forms.id(form.value(participantField(index, "organization")));
      String name = form.value(participantField(index, "name"));
      String fixedName = organization != null ? organizations.getOrDefault(organization, organization.toString()) : name.isBlank() ? null : name;
      rows.add(new EventFormChoices.ParticipantRow(index, person.isBlank() ? fixedName : null));
    }
    for (int blank = 0; blank < BLANK_PARTICIPANT_ROWS; blank++, index++) {
      rows.add(new EventFormChoices.ParticipantRow(index, null));
    }
    EventFormChoices choices =
        new EventFormChoices(
            forms.terms(Vocabularies.EVENT_TYPE, page),
            forms.terms(Vocabularies.VIOLATION_STATUS, page),
            forms.terms(Vocabularies.PARTICIPANT_ROLE, page),
            withChosen(persons(caller, caseId), chosenPersons(form), caller),
            sources(caller, caseId),
            Forms.confidentialities(page),
            rows,
            stored == null || stored.date() == null ? null : stored.date().toEdtf());
    String heading = stored == null ? page.t("eventForm.new") : page.t("eventForm.edit");
    String action = stored == null ? "/cases/" + caseId + "/events" : "/events/" + stored.id();
    renderer.render(
        context,
        "event_form.jte",
        page,
        Map.of("view", new RecordFormView(heading, action, caseId, caseFile.title(), form, conflict), "choices", choices));
  }

  private List<CaseView.Choice> persons(Caller caller, UUID caseId) {
    return records.persons().list(caller, new PersonStore.Filter(null, caseId, false), ALL_OF_A_CASE).items().stream()
        .map(person -> new CaseView.Choice(person.id().toString(), person.name()))
        .toList();
  }

  /** The persons chosen in the participant rows. */
  private static List<UUID> chosenPersons(Form form) {
    List<UUID> chosen = new ArrayList<>();
    for (int index = 0, rows = FormRow.count(form, PARTICIPANTS, "person"); index < rows; index++) {
      UUID person = Forms.id(form.value(participantField(index, "person")));
      if (person != null) {
        chosen.add(person);
      }
    }
    return chosen;
  }

  /**
   * The case file's persons and, after them, any person chosen in the form from outside the case
   * file through the picker's search, so that a form shown again keeps the choice.
   */
  private List<CaseView.Choice> withChosen(List<CaseView.Choice> persons, List<UUID> chosen, Caller caller) {
    List<CaseView.Choice> all = new ArrayList<>(persons);
    for (UUID id : chosen) {
      if (all.stream().noneMatch(choice -> choice.code().equals(id.toString()))) {
        try {
          all.add(new CaseView.Choice(id.toString(), records.persons().get(caller, id).name()));
        } catch (org.casebook.common.NoSuchRecord notVisible) {
          // A person the reader may not see is not offered; the service refuses the id if sent.
        }
      }
    }
    return all;
  }

  private List<CaseView.Choice> sources(Caller caller, UUID caseId) {
    return records.sources().list(caller, new SourceStore.Filter(null, caseId, null, false), ALL_OF_A_CASE).items().stream()
        .map(source -> new CaseView.Choice(source.id().toString(), source.title()))
        .toList();
  }

  /** The stored event and the typed one, field by field, in words. */
  private RecordFormView.Conflict conflict(Event current, Form yours, CaseFile caseFile, Caller caller, PageContext page) {
    Map<String, String> personNames = names(persons(caller, caseFile.id()));
    Map<String, String> sourceTitles = names(sources(caller, caseFile.id()));
    Map<String, List<String>> stored = values(current, page);
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(row(page.t("eventForm.date"), stored, yours, "date", code -> code));
    rows.add(row(page.t("eventForm.type"), stored, yours, "type", code -> forms.label(Vocabularies.EVENT_TYPE, code, page)));
    for (String field : List.of("title", "description", "location", "country")) {
      rows.add(row(page.t("eventForm." + field), stored, yours, field, text -> text));
    }
    rows.add(row(page.t("eventForm.violation"), stored, yours, "violation", code -> forms.label(Vocabularies.VIOLATION_STATUS, code, page)));
    rows.add(row(page.t("form.confidentiality"), stored, yours, "confidentiality", code -> page.t("form.confidentiality." + code)));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("eventForm.participants"),
            participantsInWords(Form.of(stored), personNames, page),
            participantsInWords(yours, personNames, page)));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("eventForm.sources"),
            inWords(stored.getOrDefault("sources", List.of()), sourceTitles),
            inWords(yours.values("sources"), sourceTitles)));
    return new RecordFormView.Conflict(rows);
  }

  private static RecordFormView.ConflictRow row(
      String label, Map<String, List<String>> stored, Form yours, String field, java.util.function.UnaryOperator<String> words) {
    String storedValue = Form.of(stored).value(field);
    String typedValue = yours.value(field);
    return new RecordFormView.ConflictRow(
        label, storedValue.isEmpty() ? "" : words.apply(storedValue), typedValue.isEmpty() ? "" : words.apply(typedValue));
  }

  private String participantsInWords(Form form, Map<String, String> personNames, PageContext page) {
    List<String> participants = new ArrayList<>();
    for (int index = 0, rows = FormRow.count(form, PARTICIPANTS, "person"); index < rows; index++) {
      String person = form.value(participantField(index, "person"));
      String who = person.isBlank() ? form.value(participantField(index, "name")) : personNames.getOrDefault(person, person);
      if (who.isBlank()) {
        who = form.value(participantField(index, "organization"));
      }
      participants.add(who + " (" + forms.label(Vocabularies.PARTICIPANT_ROLE, form.value(participantField(index, "role")), page) + ")");
    }
    return String.join("; ", participants);
  }

  private static String inWords(List<String> ids, Map<String, String> titles) {
    return String.join("; ", ids.stream().map(id -> titles.getOrDefault(id, id)).toList());
  }

  private static Map<String, String> names(List<CaseView.Choice> choices) {
    Map<String, String> names = new LinkedHashMap<>();
    choices.forEach(choice -> names.put(choice.code(), choice.label()));
    return names;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
