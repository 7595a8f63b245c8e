package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.Name;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.organizations.Membership;
import org.casebook.organizations.Organization;
import org.casebook.organizations.Registration;
import org.casebook.people.PersonStore;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that add an organization to a case file and change one: its names, kind, country,
 * registrations and memberships. A new organization is created and listed in the case file in one
 * transaction, as one of its organizations or, when it is at risk, as a subject. Refusals (422) and
 * conflicts (409) are answered as in {@link EventForms}.
 */
final class OrganizationForms implements Feature {
  /** Blank rows offered below the filled-in ones of each repeated group. */
  private static final int BLANK_ROWS = 2;

  static final String OTHER_NAMES = "other_names";
  static final String REGISTRATIONS = "registrations";
  static final String MEMBERSHIPS = "memberships";
  /** The parts of each row; the first is posted by every row, even blank. */
  private static final List<String> NAME_PARTS = List.of("name", "kind", "language");
  private static final List<String> REGISTRATION_PARTS = List.of("authority", "country", "date", "number", "outcome");
  private static final List<String> MEMBERSHIP_PARTS = List.of("person", "role", "start", "end");
  /** The checkbox that lists a new organization as at risk, a subject of the case file. */
  private static final String SUBJECT = "subject";

  private static final PageRequest ALL_OF_A_CASE = new PageRequest(1, Page.MAX_SIZE);

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;

  OrganizationForms(PageRenderer renderer, SignInPages signIn, RecordServices records, Forms forms) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.forms = forms;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/cases/{id}/organizations/new",
        ApiDoc.of("pages", "The form that adds an organization to a case file"),
        this::newForm);
    routes.post(
        "/cases/{id}/organizations",
        ApiDoc.of("pages", "Adds an organization from the form and lists it in the case file (as at risk if ticked); goes on to it on the case page"),
        this::create);
    routes.get(
        "/organizations/{id}/edit",
        ApiDoc.of("pages", "The form that changes an organization; case names the case file to go back to").query(FormAccess.CASE),
        this::editForm);
    routes.post(
        "/organizations/{id}",
        ApiDoc.of("pages", "Changes an organization from the form; shows both versions if someone saved first"),
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
    Organization organization = records.organizations().get(caller, PageRenderer.pathId(context, "id"));
    CaseFile caseFile = FormAccess.returnCase(context, null, caller, records.cases());
    show(context, caller, caseFile, organization, Form.of(values(organization, renderer.context(context))), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    Form form = posted(context);
    List<FieldError> typed = new ArrayList<>();
    Organization organization = organization(form, false, page, typed);
    CaseService.Link link = form.value(SUBJECT).equals("true") ? CaseService.Link.SUBJECT : CaseService.Link.ORGANIZATION;
    try {
      refuseUnreadable(organization, typed);
      UUID id =
          records.cases().createLinked(
              caller, caseFile.id(), link, handle -> records.organizations().insert(handle, caller, organization));
      context.redirect("/cases/" + caseFile.id() + "#organization-" + id, HttpStatus.SEE_OTHER);
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
    Organization stored = records.organizations().get(caller, id);
    PageContext page = renderer.context(context);
    Form form = posted(context);
    CaseFile caseFile = FormAccess.returnCase(context, form.value(FormAccess.CASE), caller, records.cases());
    List<FieldError> typed = new ArrayList<>();
    Organization organization = organization(form, true, page, typed);
    try {
      refuseUnreadable(organization, typed);
      records.organizations().update(caller, id, organization);
      context.redirect("/cases/" + caseFile.id() + "#organization-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, caseFile, stored, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    } catch (VersionConflict conflict) {
      Organization current = records.organizations().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, caller, caseFile, current, Form.of(yours), conflict(current, form, caseFile.id(), caller, page));
    }
  }

  /** The posted form, its blank rows taken out and the others numbered from 0. */
  private static Form posted(Context context) {
    Form form = Form.posted(context);
    form = FormRow.withoutBlankRows(form, OTHER_NAMES, NAME_PARTS);
    form = FormRow.withoutBlankRows(form, REGISTRATIONS, REGISTRATION_PARTS);
    return FormRow.withoutBlankRows(form, MEMBERSHIPS, MEMBERSHIP_PARTS);
  }

  /**
   * Refuses an organization with text that could not be read (a date nobody can parse), together
   * with whatever else the service finds wrong, so that the form lists every mistake at once.
   */
  private void refuseUnreadable(Organization organization, List<FieldError> typed) {
    if (!typed.isEmpty()) {
      throw new InvalidInput(Forms.merge(typed, records.organizations().check(organization, "").errors()));
    }
  }

  /** The organization the form describes. */
  private static Organization organization(Form form, boolean editing, PageContext page, List<FieldError> typed) {
    Locale locale = page.locale();
    List<Name> otherNames = new ArrayList<>();
    for (int index = 0; index < FormRow.count(form, OTHER_NAMES, NAME_PARTS.get(0)); index++) {
      otherNames.add(
          new Name(
              Forms.text(form, FormRow.field(OTHER_NAMES, index, "name")),
              Forms.text(form, FormRow.field(OTHER_NAMES, index, "kind")),
              Forms.text(form, FormRow.field(OTHER_NAMES, index, "language"))));
    }
    List<Registration> registrations = new ArrayList<>();
    for (int index = 0; index < FormRow.count(form, REGISTRATIONS, REGISTRATION_PARTS.get(0)); index++) {
      registrations.add(
          new Registration(
              Forms.text(form, FormRow.field(REGISTRATIONS, index, "authority")),
              country(form, FormRow.field(REGISTRATIONS, index, "country")),
              Forms.date(form, FormRow.field(REGISTRATIONS, index, "date"), locale, typed),
              Forms.text(form, FormRow.field(REGISTRATIONS, index, "number")),
              Forms.text(form, FormRow.field(REGISTRATIONS, index, "outcome"))));
    }
    List<Membership> memberships = new ArrayList<>();
    for (int index = 0; index < FormRow.count(form, MEMBERSHIPS, MEMBERSHIP_PARTS.get(0)); index++) {
      memberships.add(
          new Membership(
              Forms.id(form.value(FormRow.field(MEMBERSHIPS, index, "person"))),
              Forms.text(form, FormRow.field(MEMBERSHIPS, index, "role")),
              Forms.date(form, FormRow.field(MEMBERSHIPS, index, "start"), locale, typed),
              Forms.date(form, FormRow.field(MEMBERSHIPS, index, "end"), locale, typed)));
    }
    return new Organization(
        null,
        editing ? Forms.version(form) : null,
        Forms.confidentiality(form, typed),
        null,
        Forms.text(form, "name"),
        otherNames,
        Forms.text(form, "kind"),
        country(form, "country"),
        registrations,
        memberships,
        Forms.text(form, "notes"));
  }

  private static String country(Form form, String field) {
    String country = Forms.text(form, field);
    return country == null ? null : country.toUpperCase(Locale.ROOT);
  }

  /** The form of a stored organization, with its dates as people read them. */
  private static Map<String, List<String>> values(Organization organization, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(organization.version())));
    values.put("name", List.of(orEmpty(organization.name())));
    values.put("kind", List.of(orEmpty(organization.kind())));
    values.put("country", List.of(orEmpty(organization.country())));
    values.put("notes", List.of(orEmpty(organization.notes())));
    values.put("confidentiality", List.of(organization.confidentiality().code()));
    List<Name> otherNames = organization.otherNames();
    for (int index = 0; index < otherNames.size(); index++) {
      Name name = otherNames.get(index);
      values.put(FormRow.field(OTHER_NAMES, index, "name"), List.of(orEmpty(name.name())));
      values.put(FormRow.field(OTHER_NAMES, index, "kind"), List.of(orEmpty(name.kind())));
      values.put(FormRow.field(OTHER_NAMES, index, "language"), List.of(orEmpty(name.language())));
    }
    List<Registration> registrations = organization.registrations();
    for (int index = 0; index < registrations.size(); index++) {
      Registration registration = registrations.get(index);
      values.put(FormRow.field(REGISTRATIONS, index, "authority"), List.of(orEmpty(registration.authority())));
      values.put(FormRow.field(REGISTRATIONS, index, "country"), List.of(orEmpty(registration.country())));
      values.put(FormRow.field(REGISTRATIONS, index, "date"), List.of(page.date(registration.date())));
      values.put(FormRow.field(REGISTRATIONS, index, "number"), List.of(orEmpty(registration.number())));
      values.put(FormRow.field(REGISTRATIONS, index, "outcome"), List.of(orEmpty(registration.outcome())));
    }
    List<Membership> memberships = organization.memberships();
    for (int index = 0; index < memberships.size(); index++) {
      Membership membership = memberships.get(index);
      values.put(FormRow.field(MEMBERSHIPS, index, "person"), List.of(membership.person() == null ? "" : membership.person().toString()));
      values.put(FormRow.field(MEMBERSHIPS, index, "role"), List.of(orEmpty(membership.role())));
      values.put(FormRow.field(MEMBERSHIPS, index, "start"), List.of(page.date(membership.start())));
      values.put(FormRow.field(MEMBERSHIPS, index, "end"), List.of(page.date(membership.end())));
    }
    return values;
  }

  private void show(Context context, Caller caller, CaseFile caseFile, Organization stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    UUID caseId = caseFile.id();
    OrganizationFormChoices choices =
        new OrganizationFormChoices(
            forms.terms(Vocabularies.ORGANIZATION_KIND, page),
            forms.terms(Vocabularies.NAME_KIND, page),
            forms.terms(Vocabularies.REGISTRATION_OUTCOME, page),
            forms.terms(Vocabularies.MEMBERSHIP_ROLE, page),
            persons(caller, caseId, form, page),
            Forms.confidentialities(page),
            FormRow.rows(form, OTHER_NAMES, NAME_PARTS.get(0), BLANK_ROWS),
            FormRow.rows(form, REGISTRATIONS, REGISTRATION_PARTS.get(0), BLANK_ROWS),
            FormRow.rows(form, MEMBERSHIPS, MEMBERSHIP_PARTS.get(0), BLANK_ROWS),
            stored == null);
    String heading = stored == null ? page.t("organizationForm.new") : page.t("organizationForm.edit");
    String action = stored == null ? "/cases/" + caseId + "/organizations" : "/organizations/" + stored.id();
    renderer.render(
        context,
        "organization_form.jte",
        page,
        Map.of("view", new RecordFormView(heading, action, caseId, caseFile.title(), form, conflict), "choices", choices));
  }

  /**
   * The persons a membership may name: those of the case file, then any other person the form's
   * memberships name (an organization may be listed in other case files too), so that saving the
   * form keeps them.
   */
  private List<CaseView.Choice> persons(Caller caller, UUID caseId, Form form, PageContext page) {
    List<CaseView.Choice> persons =
        new ArrayList<>(
            records.persons().list(caller, new PersonStore.Filter(null, caseId, false), ALL_OF_A_CASE).items().stream()
                .map(person -> new CaseView.Choice(person.id().toString(), person.name()))
                .toList());
    for (int index = 0; index < FormRow.count(form, MEMBERSHIPS, MEMBERSHIP_PARTS.get(0)); index++) {
      UUID named = Forms.id(form.value(FormRow.field(MEMBERSHIPS, index, "person")));
      if (named != null && persons.stream().noneMatch(choice -> choice.code().equals(named.toString()))) {
        persons.add(new CaseView.Choice(named.toString(), personElsewhere(caller, named, page)));
      }
    }
    return persons;
  }

  private String personElsewhere(Caller caller, UUID person, PageContext page) {
    try {
      return page.t("organizationForm.personElsewhere", records.persons().get(caller, person).name());
    } catch (NoSuchRecord notVisible) {
      return page.t("organizationForm.personHidden");
    }
  }

  /** The stored organization and the typed one, field by field, in words. */
  private RecordFormView.Conflict conflict(Organization current, Form yours, UUID caseId, Caller caller, PageContext page) {
    Form stored = Form.of(values(current, page));
    Map<String, String> personNames = new LinkedHashMap<>();
    persons(caller, caseId, stored, page)
        .forEach(choice -> personNames.put(choice.code(), choice.label()));
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(ConflictRows.field(page.t("organizationForm.name"), stored, yours, "name", text -> text));
    rows.add(new RecordFormView.ConflictRow(page.t("organizationForm.otherNames"), otherNamesInWords(stored, page), otherNamesInWords(yours, page)));
    rows.add(ConflictRows.field(page.t("organizationForm.kind"), stored, yours, "kind", code -> forms.label(Vocabularies.ORGANIZATION_KIND, code, page)));
    rows.add(ConflictRows.field(page.t("organizationForm.country"), stored, yours, "country", text -> text));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("organizationForm.registrations"), registrationsInWords(stored, page), registrationsInWords(yours, page)));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("organizationForm.memberships"),
            membershipsInWords(stored, personNames, page),
            membershipsInWords(yours, personNames, page)));
    rows.add(ConflictRows.field(page.t("organizationForm.notes"), stored, yours, "notes", text -> text));
    rows.add(ConflictRows.field(page.t("form.confidentiality"), stored, yours, "confidentiality", code -> page.t("form.confidentiality." + code)));
    return new RecordFormView.Conflict(rows);
  }

  private String otherNamesInWords(Form form, PageContext page) {
    List<String> names = new ArrayList<>();
    for (int index = 0; index < FormRow.count(form, OTHER_NAMES, NAME_PARTS.get(0)); index++) {
      String kind = forms.label(Vocabularies.NAME_KIND, Forms.text(form, FormRow.field(OTHER_NAMES, index, "kind")), page);
      String language = form.value(FormRow.field(OTHER_NAMES, index, "language"));
      names.add(form.value(FormRow.field(OTHER_NAMES, index, "name")) + " (" + kind + (language.isBlank() ? "" : ", " + language) + ")");
    }
    return String.join("; ", names);
  }

  private String registrationsInWords(Form form, PageContext page) {
    List<String> registrations = new ArrayList<>();
    for (int index = 0; index < FormRow.count(form, REGISTRATIONS, REGISTRATION_PARTS.get(0)); index++) {
      List<String> parts = new ArrayList<>();
      for (String part : List.of("authority", "country", "date", "number")) {
        String value = form.value(FormRow.field(REGISTRATIONS, index, part));
        if (!value.isBlank()) {
          parts.add(value);
        }
      }
      parts.add(forms.label(Vocabularies.REGISTRATION_OUTCOME, Forms.text(form, FormRow.field(REGISTRATIONS, index, "outcome")), page));
      registrations.add(String.join(", ", parts));
    }
    return String.join("; ", registrations);
  }

  private String membershipsInWords(Form form, Map<String, String> personNames, PageContext page) {
    List<String> memberships = new ArrayList<>();
    for (int index = 0; index < FormRow.count(form, MEMBERSHIPS, MEMBERSHIP_PARTS.get(0)); index++) {
      String person = form.value(FormRow.field(MEMBERSHIPS, index, "person"));
      String role = forms.label(Vocabularies.MEMBERSHIP_ROLE, Forms.text(form, FormRow.field(MEMBERSHIPS, index, "role")), page);
      String start = form.value(FormRow.field(MEMBERSHIPS, index, "start"));
      String end = form.value(FormRow.field(MEMBERSHIPS, index, "end"));
      String period = start.isBlank() && end.isBlank() ? "" : ", " + start + " – " + end;
      memberships.add(personNames.getOrDefault(person, person) + " (" + role + ")" + period);
    }
    return String.join("; ", memberships);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
