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
import org.casebook.cases.CaseService;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.Name;
import org.casebook.common.VersionConflict;
import org.casebook.people.Person;
import org.casebook.people.PersonStore;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that add a person to a case file (at risk or not) and change one. Refusals and
 * conflicts are answered as in {@link EventForms}.
 *
 * <p>A reader without the restricted grant on the person may neither see nor change its notes, nor
 * a protected person's identity (the service keeps the stored values whatever it is sent). Their
 * form leaves those fields out, says that saving keeps them, and does not offer to mark the person
 * as protected; it never puts the redaction mark into a field, so the mark cannot be saved as a
 * name. The form names what it left out in hidden {@code withheld} fields; on saving, those fields
 * are taken from the person as the reader sees it then, which the service replaces with the stored
 * values for a reader still without the grant (and refuses, should the mark reach it).
 */
final class PersonForms implements Feature {
  /** Blank rows of other names offered below the filled-in ones. */
  private static final int BLANK_NAME_ROWS = 2;

  private static final List<String> NAME_PARTS = List.of("name", "kind", "language");
  /** The values of the hidden field {@code withheld}. */
  private static final String IDENTITY = "identity";

  private static final String NOTES = "notes";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;
  private final CaseFilesListing listing;
  private final RestrictedGrants grants;

  PersonForms(
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
    routes.get("/cases/{id}/persons/new", ApiDoc.of("pages", "The form that adds a person to a case file"), this::newForm);
    routes.post(
        "/cases/{id}/persons",
        ApiDoc.of("pages", "Adds a person to a case file from the form, as one of its people or at risk; goes on to it on the case page"),
        this::create);
    routes.get(
        "/persons/{id}/edit",
        ApiDoc.of("pages", "The form that changes a person; case names the case file to go back to").query("case"),
        this::editForm);
    routes.post("/persons/{id}", ApiDoc.of("pages", "Changes a person from the form; shows both versions if someone saved first"), this::update);
  }

  private void newForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("confidentiality", List.of("internal"));
    show(context, caseFile, null, Form.of(values), null);
  }

  private void editForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Person person = records.persons().get(caller, PageRenderer.pathId(context, "id"));
    CaseFile back = listing.backTo(caller, Forms.id(context.queryParam("case")), List.of(person.id()));
    boolean granted = grants.heldOn(caller, PersonStore.TABLE, person.id());
    show(context, back, person, Form.of(values(person, granted, renderer.context(context))), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    Form form = withoutBlankNames(Form.posted(context));
    List<FieldError> typed = new ArrayList<>();
    Person person = person(form, null, page, typed);
    CaseService.Link link = form.value("subject").equals("true") ? CaseService.Link.SUBJECT : CaseService.Link.PERSON;
    try {
      refuseUnreadable(person, typed);
      UUID id = records.cases().createLinked(caller, caseFile.id(), link, handle -> records.persons().insert(handle, caller, person));
      context.redirect("/cases/" + caseFile.id() + "#person-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caseFile, null, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    }
  }

  private void update(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Person stored = records.persons().get(caller, id);
    PageContext page = renderer.context(context);
    Form form = withoutBlankNames(Form.posted(context));
    CaseFile back = listing.backTo(caller, Forms.id(form.value("case")), List.of(id));
    List<FieldError> typed = new ArrayList<>();
    Person person = person(form, stored, page, typed);
    try {
      refuseUnreadable(person, typed);
      records.persons().update(caller, id, person);
      context.redirect(back == null ? "/cases" : "/cases/" + back.id() + "#person-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, back, stored, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    } catch (VersionConflict conflict) {
      Person current = records.persons().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, back, current, Form.of(yours), conflict(current, form, page));
    }
  }

  /** Refuses a person with text that could not be read, with whatever else the service finds wrong. */
  private void refuseUnreadable(Person person, List<FieldError> typed) {
    if (!typed.isEmpty()) {
      throw new InvalidInput(Forms.merge(typed, records.persons().check(person, "").errors()));
    }
  }

  /**
   * The person the form describes. The fields it withheld from its reader are taken from {@code
   * stored}, the person as the reader sees it now (see the class comment).
   */
  private static Person person(Form form, Person stored, PageContext page, List<FieldError> typed) {
    boolean identityWithheld = stored != null && form.selected("withheld", IDENTITY);
    boolean notesWithheld = stored != null && (identityWithheld || form.selected("withheld", NOTES));
    if (identityWithheld) {
      return new Person(
          null, Forms.version(form), Forms.confidentiality(form, typed), null, stored.name(), stored.otherNames(),
          stored.sex(), stored.birthDate(), stored.citizenship(), stored.occupation(), stored.isProtected(), stored.notes());
    }
    List<Name> otherNames = new ArrayList<>();
    for (int index = 0; form.has(otherNameField(index, "name")); index++) {
      otherNames.add(
          new Name(
              Forms.text(form, otherNameField(index, "name")),
              Forms.text(form, otherNameField(index, "kind")),
              Forms.text(form, otherNameField(index, "language"))));
    }
    return new Person(
        null,
        stored == null ? null : Forms.version(form),
        Forms.confidentiality(form, typed),
        null,
        Forms.text(form, "name"),
        otherNames,
        Forms.text(form, "sex"),
        Forms.date(form, "birth_date", page.locale(), typed),
        Forms.countries(form, "citizenship"),
        Forms.text(form, "occupation"),
        form.value("protected").equals("true"),
        notesWithheld ? stored.notes() : Forms.text(form, "notes"));
  }

  /**
   * The form of a person as the reader sees it. Without the restricted grant ({@code granted}
   * false) the notes are left out, and for a protected person the whole identity: the field {@code
   * withheld} names what was left out.
   */
  private static Map<String, List<String>> values(Person person, boolean granted, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(person.version())));
    boolean identityWithheld = !granted && person.isProtected();
    List<String> withheld = new ArrayList<>();
    if (identityWithheld) {
      withheld.add(IDENTITY);
    } else {
      values.put("name", List.of(orEmpty(person.name())));
      List<Name> otherNames = person.otherNames();
      for (int index = 0; index < otherNames.size(); index++) {
        Name name = otherNames.get(index);
        values.put(otherNameField(index, "name"), List.of(orEmpty(name.name())));
        values.put(otherNameField(index, "kind"), List.of(orEmpty(name.kind())));
        values.put(otherNameField(index, "language"), List.of(orEmpty(name.language())));
      }
      values.put("sex", List.of(orEmpty(person.sex())));
      values.put("birth_date", List.of(page.date(person.birthDate())));
      values.put("citizenship", List.of(String.join(", ", person.citizenship())));
      values.put("occupation", List.of(orEmpty(person.occupation())));
      if (person.isProtected()) {
        values.put("protected", List.of("true"));
      }
    }
    if (granted) {
      values.put("notes", List.of(orEmpty(person.notes())));
    } else {
      withheld.add(NOTES);
    }
    values.put("withheld", withheld);
    values.put("confidentiality", List.of(person.confidentiality().code()));
    return values;
  }

  /**
   * The posted form with the rows of other names left blank taken out and the others numbered from
   * 0, so that the service's paths ({@code other_names[1].kind}) name the rows the form shows.
   */
  private static Form withoutBlankNames(Form posted) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    posted.values().forEach((name, typed) -> {
      if (!name.startsWith("other_names[")) {
        values.put(name, typed);
      }
    });
    int kept = 0;
    for (int index = 0; posted.has(otherNameField(index, "name")); index++) {
      int row = index;
      boolean blank = NAME_PARTS.stream().allMatch(part -> posted.value(otherNameField(row, part)).isBlank());
      if (!blank) {
        for (String part : NAME_PARTS) {
          values.put(otherNameField(kept, part), List.of(posted.value(otherNameField(index, part))));
        }
        kept++;
      }
    }
    return Form.of(values);
  }

  static String otherNameField(int index, String part) {
    return "other_names[" + index + "]." + part;
  }

  /**
   * Shows the form. {@code back} is the case file to go back to (null: the list of case files);
   * {@code stored} the person as the reader sees it, null for a new one.
   */
  private void show(Context context, CaseFile back, Person stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    List<PersonFormChoices.NameRow> rows = new ArrayList<>();
    int index = 0;
    for (; form.has(otherNameField(index, "name")); index++) {
      rows.add(new PersonFormChoices.NameRow(index));
    }
    for (int blank = 0; blank < BLANK_NAME_ROWS; blank++, index++) {
      rows.add(new PersonFormChoices.NameRow(index));
    }
    boolean identityWithheld = stored != null && form.selected("withheld", IDENTITY);
    PersonFormChoices choices =
        new PersonFormChoices(
            forms.terms(Vocabularies.SEX, page),
            forms.terms(Vocabularies.NAME_KIND, page),
            Forms.confidentialities(page),
            rows,
            stored == null || stored.birthDate() == null || identityWithheld ? null : stored.birthDate().toEdtf(),
            identityWithheld,
            stored != null && (identityWithheld || form.selected("withheld", NOTES)),
            stored == null);
    String heading = stored == null ? page.t("personForm.new") : page.t("personForm.edit");
    String action = stored == null ? "/cases/" + back.id() + "/persons" : "/persons/" + stored.id();
    renderer.render(
        context,
        "person_form.jte",
        page,
        Map.of(
            "view",
            new RecordFormView(heading, action, back == null ? null : back.id(), back == null ? null : back.title(), form, conflict),
            "choices",
            choices));
  }

  /** The stored person and the typed one, field by field, in words; withheld fields as the reader sees them. */
  private RecordFormView.Conflict conflict(Person current, Form yours, PageContext page) {
    Person typed = person(yours, current, page, new ArrayList<>());
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(new RecordFormView.ConflictRow(page.t("personForm.name"), orEmpty(current.name()), orEmpty(typed.name())));
    rows.add(new RecordFormView.ConflictRow(page.t("personForm.otherNames"), namesInWords(current, page), namesInWords(typed, page)));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("personForm.sex"), forms.label(Vocabularies.SEX, current.sex(), page), forms.label(Vocabularies.SEX, typed.sex(), page)));
    boolean identityWithheld = yours.selected("withheld", IDENTITY);
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("personForm.birthDate"), page.date(current.birthDate()), identityWithheld ? page.date(current.birthDate()) : yours.value("birth_date")));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("personForm.citizenship"), String.join(", ", current.citizenship()), String.join(", ", typed.citizenship())));
    rows.add(new RecordFormView.ConflictRow(page.t("personForm.occupation"), orEmpty(current.occupation()), orEmpty(typed.occupation())));
    rows.add(new RecordFormView.ConflictRow(page.t("personForm.protected"), yesOrNo(current.isProtected(), page), yesOrNo(typed.isProtected(), page)));
    rows.add(new RecordFormView.ConflictRow(page.t("personForm.notes"), orEmpty(current.notes()), orEmpty(typed.notes())));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("form.confidentiality"),
            page.t("form.confidentiality." + current.confidentiality().code()),
            page.t("form.confidentiality." + typed.confidentiality().code())));
    return new RecordFormView.Conflict(rows);
  }

  /** "Алмат Мухамеджанов (Transliteration, ru); ..." */
  private String namesInWords(Person person, PageContext page) {
    List<String> names = new ArrayList<>();
    for (Name name : person.otherNames()) {
      List<String> about = new ArrayList<>();
      if (name.kind() != null) {
        about.add(forms.label(Vocabularies.NAME_KIND, name.kind(), page));
      }
      if (name.language() != null) {
        about.add(name.language());
      }
      names.add(orEmpty(name.name()) + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")"));
    }
    return String.join("; ", names);
  }

  private static String yesOrNo(boolean yes, PageContext page) {
    return yes ? page.t("personForm.yes") : page.t("personForm.no");
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
