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
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.people.PersonStore;
import org.casebook.people.Relationship;
import org.casebook.people.RelationshipService;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that add a relationship between two persons of a case file ("Asel Nurova is spouse of
 * Marat Nurov, since 2010") and change one. Both persons are chosen among the case file's persons
 * (on an edit, also the two the relationship joins now). Refusals and conflicts are answered as in
 * {@link EventForms}; the notes of a reader without the restricted grant are left out of the form
 * and kept, as in {@link PersonForms}.
 */
final class RelationshipForms implements Feature {
  private static final PageRequest ALL_OF_A_CASE = new PageRequest(1, Page.MAX_SIZE);
  /** The value of the hidden field {@code withheld} when the notes are left out of the form. */
  private static final String NOTES = "notes";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;
  private final CaseFilesListing listing;
  private final RestrictedGrants grants;

  RelationshipForms(
      PageRenderer renderer, SignInPages signIn, RecordServices records, Forms forms, CaseFilesListing listing, RestrictedGrants grants) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.forms = forms;
    this.listing = listing;
    this.grants = grants;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/cases/{id}/relationships/new",
        ApiDoc.of("pages", "The form that adds a relationship between two persons of a case file"),
        this::newForm);
    routes.post(
        "/cases/{id}/relationships", ApiDoc.of("pages", "Adds a relationship from the form; goes on to it on the case page"), this::create);
    routes.get(
        "/relationships/{id}/edit",
        ApiDoc.of("pages", "The form that changes a relationship; case names the case file to go back to").query("case"),
        this::editForm);
    routes.post(
        "/relationships/{id}",
        ApiDoc.of("pages", "Changes a relationship from the form; shows both versions if someone saved first"),
        this::update);
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
    Relationship relationship = records.relationships().get(caller, PageRenderer.pathId(context, "id"));
    CaseFile back = listing.backTo(caller, Forms.id(context.queryParam("case")), List.of(relationship.person(), relationship.other()));
    boolean granted = grants.heldOn(caller, RelationshipService.TABLE, relationship.id());
    show(context, caller, back, relationship, Form.of(values(relationship, granted, renderer.context(context))), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    Form form = Form.posted(context);
    List<FieldError> typed = new ArrayList<>();
    Relationship relationship = relationship(form, null, page, typed);
    requireOffered(relationship, persons(caller, caseFile, null), typed);
    try {
      refuseUnreadable(relationship, typed);
      Relationship created = records.relationships().create(caller, relationship);
      context.redirect("/cases/" + caseFile.id() + "#relationship-" + created.id(), HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, caseFile, null, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    }
  }

  private void update(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Relationship stored = records.relationships().get(caller, id);
    PageContext page = renderer.context(context);
    Form form = Form.posted(context);
    CaseFile back = listing.backTo(caller, Forms.id(form.value("case")), List.of(stored.person(), stored.other()));
    List<FieldError> typed = new ArrayList<>();
    Relationship relationship = relationship(form, stored, page, typed);
    requireOffered(relationship, persons(caller, back, stored), typed);
    try {
      refuseUnreadable(relationship, typed);
      records.relationships().update(caller, id, relationship);
      context.redirect(back == null ? "/cases" : "/cases/" + back.id() + "#relationship-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, back, stored, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    } catch (VersionConflict conflict) {
      Relationship current = records.relationships().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, caller, back, current, Form.of(yours), conflict(current, form, persons(caller, back, current), page));
    }
  }

  private void refuseUnreadable(Relationship relationship, List<FieldError> typed) {
    if (!typed.isEmpty()) {
      throw new InvalidInput(Forms.merge(typed, records.relationships().check(relationship, "").errors()));
    }
  }

  /** Refuses a person the form did not offer (a changed page, or one taken off the case file since). */
  private static void requireOffered(Relationship relationship, Map<String, String> persons, List<FieldError> typed) {
    for (String field : List.of("person", "other")) {
      UUID person = field.equals("person") ? relationship.person() : relationship.other();
      if (person != null && !persons.containsKey(person.toString())) {
        typed.add(new FieldError(field, "is not a person of this case file"));
      }
    }
  }

  /** The relationship the form describes; notes left out of the form are those of {@code stored}. */
  private static Relationship relationship(Form form, Relationship stored, PageContext page, List<FieldError> typed) {
    boolean notesWithheld = stored != null && form.selected("withheld", NOTES);
    return new Relationship(
        null,
        stored == null ? null : Forms.version(form),
        Forms.confidentiality(form, typed),
        null,
        Forms.id(form.value("person")),
        Forms.text(form, "type"),
        Forms.id(form.value("other")),
        Forms.date(form, "start", page.locale(), typed),
        Forms.date(form, "end", page.locale(), typed),
        notesWithheld ? stored.notes() : Forms.text(form, "notes"));
  }

  /** The form of a stored relationship; without the restricted grant, the notes are left out. */
  private static Map<String, List<String>> values(Relationship relationship, boolean granted, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(relationship.version())));
    values.put("person", List.of(relationship.person().toString()));
    values.put("type", List.of(orEmpty(relationship.type())));
    values.put("other", List.of(relationship.other().toString()));
    values.put("start", List.of(page.date(relationship.start())));
    values.put("end", List.of(page.date(relationship.end())));
    if (granted) {
      values.put("notes", List.of(orEmpty(relationship.notes())));
    } else {
      values.put("withheld", List.of(NOTES));
    }
    values.put("confidentiality", List.of(relationship.confidentiality().code()));
    return values;
  }

  /**
   * The persons the form offers, by id and name: those of {@code caseFile} (none when null), and
   * the two {@code stored} joins.
   */
  private Map<String, String> persons(Caller caller, CaseFile caseFile, Relationship stored) {
    Map<String, String> persons = new LinkedHashMap<>();
    if (caseFile != null) {
      records.persons().list(caller, new PersonStore.Filter(null, caseFile.id(), false), ALL_OF_A_CASE).items()
          .forEach(person -> persons.put(person.id().toString(), person.name()));
    }
    if (stored != null) {
      for (UUID id : List.of(stored.person(), stored.other())) {
        if (!persons.containsKey(id.toString())) {
          try {
            persons.put(id.toString(), records.persons().get(caller, id).name());
          } catch (NoSuchRecord outOfSight) {
            // taken out of the caller's sight since the relationship was read: not offered
          }
        }
      }
    }
    return persons;
  }

  private void show(Context context, Caller caller, CaseFile back, Relationship stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    List<CaseView.Choice> persons = new ArrayList<>();
    persons(caller, back, stored).forEach((id, name) -> persons.add(new CaseView.Choice(id, name)));
    RelationshipFormChoices choices =
        new RelationshipFormChoices(
            persons,
            forms.terms(Vocabularies.RELATIONSHIP_TYPE, page),
            Forms.confidentialities(page),
            stored == null || stored.start() == null ? null : stored.start().toEdtf(),
            stored == null || stored.end() == null ? null : stored.end().toEdtf(),
            stored != null && form.selected("withheld", NOTES));
    String heading = stored == null ? page.t("relationshipForm.new") : page.t("relationshipForm.edit");
    String action = stored == null ? "/cases/" + back.id() + "/relationships" : "/relationships/" + stored.id();
    renderer.render(
        context,
        "relationship_form.jte",
        page,
        Map.of(
            "view",
            new RecordFormView(heading, action, back == null ? null : back.id(), back == null ? null : back.title(), form, conflict),
            "choices",
            choices));
  }

  /** The stored relationship and the typed one, field by field, in words. */
  private RecordFormView.Conflict conflict(Relationship current, Form yours, Map<String, String> persons, PageContext page) {
    Relationship typed = relationship(yours, current, page, new ArrayList<>());
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(new RecordFormView.ConflictRow(page.t("relationshipForm.person"), nameOf(current.person(), persons), nameOf(typed.person(), persons)));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("relationshipForm.type"),
            forms.label(Vocabularies.RELATIONSHIP_TYPE, current.type(), page),
            forms.label(Vocabularies.RELATIONSHIP_TYPE, typed.type(), page)));
    rows.add(new RecordFormView.ConflictRow(page.t("relationshipForm.other"), nameOf(current.other(), persons), nameOf(typed.other(), persons)));
    rows.add(new RecordFormView.ConflictRow(page.t("relationshipForm.start"), page.date(current.start()), yours.value("start")));
    rows.add(new RecordFormView.ConflictRow(page.t("relationshipForm.end"), page.date(current.end()), yours.value("end")));
    rows.add(new RecordFormView.ConflictRow(page.t("relationshipForm.notes"), orEmpty(current.notes()), orEmpty(typed.notes())));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("form.confidentiality"),
            page.t("form.confidentiality." + current.confidentiality().code()),
            page.t("form.confidentiality." + typed.confidentiality().code())));
    return new RecordFormView.Conflict(rows);
  }

  private static String nameOf(UUID person, Map<String, String> persons) {
    return person == null ? "" : persons.getOrDefault(person.toString(), person.toString());
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
