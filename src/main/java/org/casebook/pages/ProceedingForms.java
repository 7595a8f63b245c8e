package org.casebook.pages;

import static org.casebook.pages.ProceedingFormFields.CHARGES;
import static org.casebook.pages.ProceedingFormFields.HISTORY;
import static org.casebook.pages.ProceedingFormFields.PARTIES;
import static org.casebook.pages.ProceedingFormFields.field;
import static org.casebook.pages.ProceedingFormFields.rows;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.casebook.access.Caller;
import org.casebook.cases.CaseFile;
import org.casebook.catalogue.CatalogueService;
import org.casebook.catalogue.LegalCode;
import org.casebook.catalogue.Provision;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.organizations.OrganizationStore;
import org.casebook.people.PersonStore;
import org.casebook.proceedings.Proceeding;
import org.casebook.sources.SourceStore;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that add a proceeding to a case file and change one: its kind, authority and number,
 * the charges picked from the legal catalogue, the parties, the dated status history and the
 * outcome. They work without JavaScript, as the event forms do: a refused form comes back (422)
 * with what was typed and each message next to its field; a form based on a version someone else
 * has since changed comes back (409) with both versions side by side and the typed one still in
 * the form, ready to be saved over the current one.
 */
final class ProceedingForms implements Feature {
  /** Blank rows offered below the filled-in ones of each repeated part. */
  private static final int BLANK_ROWS = 2;

  private static final PageRequest ALL_OF_A_CASE = new PageRequest(1, Page.MAX_SIZE);

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;
  private final CatalogueService catalogue;
  private final RestrictedGrants grants;

  ProceedingForms(
      PageRenderer renderer,
      SignInPages signIn,
      RecordServices records,
      Forms forms,
      CatalogueService catalogue,
      RestrictedGrants grants) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.forms = forms;
    this.catalogue = catalogue;
    this.grants = grants;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/cases/{id}/proceedings/new", ApiDoc.of("pages", "The form that adds a proceeding to a case file"), this::newForm);
    routes.post(
        "/cases/{id}/proceedings",
        ApiDoc.of("pages", "Adds a proceeding from the form; goes on to it on the case page"),
        this::create);
    routes.get("/proceedings/{id}/edit", ApiDoc.of("pages", "The form that changes a proceeding"), this::editForm);
    routes.post(
        "/proceedings/{id}",
        ApiDoc.of("pages", "Changes a proceeding from the form; shows both versions if someone saved first"),
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
    Proceeding proceeding = records.proceedings().get(caller, PageRenderer.pathId(context, "id"));
    CaseFile caseFile = records.cases().get(caller, proceeding.caseId());
    PageContext page = renderer.context(context);
    show(context, caller, caseFile, proceeding, Form.of(ProceedingFormFields.values(proceeding, page)), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    Form form = ProceedingFormFields.withoutBlankRows(Form.posted(context));
    List<FieldError> typed = new ArrayList<>();
    Proceeding proceeding =
        ProceedingFormFields.proceeding(form, caseFile.id(), null, notesWithheld(caller, caseFile), page, typed);
    try {
      refuseUnreadable(caller, proceeding, typed);
      Proceeding created = records.proceedings().create(caller, proceeding);
      context.redirect("/cases/" + caseFile.id() + "#proceeding-" + created.id(), HttpStatus.SEE_OTHER);
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
    Proceeding stored = records.proceedings().get(caller, id);
    CaseFile caseFile = records.cases().get(caller, stored.caseId());
    PageContext page = renderer.context(context);
    Form form = ProceedingFormFields.withoutBlankRows(Form.posted(context));
    List<FieldError> typed = new ArrayList<>();
    Proceeding proceeding =
        ProceedingFormFields.proceeding(form, stored.caseId(), stored, notesWithheld(caller, caseFile), page, typed);
    try {
      refuseUnreadable(caller, proceeding, typed);
      records.proceedings().update(caller, id, proceeding);
      context.redirect("/cases/" + caseFile.id() + "#proceeding-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, caseFile, stored, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    } catch (VersionConflict conflict) {
      Proceeding current = records.proceedings().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, caller, caseFile, current, Form.of(yours), conflict(caller, caseFile, current, form, page));
    }
  }

  /** Notes are restricted fields: a reader without the grant on the case file neither sees nor changes them. */
  private boolean notesWithheld(Caller caller, CaseFile caseFile) {
    return !grants.held(caller, caseFile.id());
  }

  /**
   * Refuses a proceeding with text that could not be read (a date nobody can parse, an amount that
   * is no number), together with whatever else the service finds wrong, so that the form lists
   * every mistake at once.
   */
  private void refuseUnreadable(Caller caller, Proceeding proceeding, List<FieldError> typed) {
    if (!typed.isEmpty()) {
      throw new InvalidInput(Forms.merge(typed, records.proceedings().problems(caller, proceeding)));
    }
  }

  private void show(
      Context context, Caller caller, CaseFile caseFile, Proceeding stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    UUID caseId = caseFile.id();
    List<Provision> articles = catalogue.provisions(null).stream().filter(provision -> provision.part() == null).toList();
    UnaryOperator<String> unlisted = id -> page.t("proceedingForm.unlisted", id);
    ProceedingFormChoices choices =
        new ProceedingFormChoices(
            keeping(forms.terms(Vocabularies.PROCEEDING_KIND, page), form.values("kind"), term(Vocabularies.PROCEEDING_KIND, page)),
            provisionGroups(articles, page),
            keeping(forms.terms(Vocabularies.PARTY_ROLE, page), chosen(form, PARTIES, "role"), term(Vocabularies.PARTY_ROLE, page)),
            keeping(
                forms.terms(Vocabularies.PROCEEDING_STATUS, page),
                chosen(form, HISTORY, "status"),
                term(Vocabularies.PROCEEDING_STATUS, page)),
            keeping(persons(caller, caseId), chosen(form, PARTIES, "person"), unlisted),
            keeping(organizations(caller, caseId), chosen(form, PARTIES, "organization"), unlisted),
            Forms.confidentialities(page),
            chargeRows(form, articles, page),
            rowsOf(form, PARTIES),
            historyRows(form, keeping(sources(caller, caseId), chosen(form, HISTORY, "sources"), unlisted)),
            notesWithheld(caller, caseFile));
    String heading = stored == null ? page.t("proceedingForm.new") : page.t("proceedingForm.edit");
    String action = stored == null ? "/cases/" + caseId + "/proceedings" : "/proceedings/" + stored.id();
    renderer.render(
        context,
        "proceeding_form.jte",
        page,
        Map.of("view", new RecordFormView(heading, action, caseId, caseFile.title(), form, conflict), "choices", choices));
  }

  /** The rows of {@code list} the form holds, and blank ones to fill in. */
  private static List<ProceedingFormChoices.Row> rowsOf(Form form, String list) {
    List<ProceedingFormChoices.Row> rows = new ArrayList<>();
    int count = rows(form, list) + BLANK_ROWS;
    for (int index = 0; index < count; index++) {
      rows.add(new ProceedingFormChoices.Row(list, index));
    }
    return rows;
  }

  /** The history rows, each offering {@code sources} with the ones it cites first. */
  private static List<ProceedingFormChoices.HistoryRow> historyRows(Form form, List<CaseView.Choice> sources) {
    return rowsOf(form, HISTORY).stream()
        .map(
            row -> {
              List<String> cited = form.values(row.field("sources"));
              List<CaseView.Choice> ordered = new ArrayList<>();
              cited.forEach(id -> sources.stream().filter(choice -> choice.code().equals(id)).findFirst().ifPresent(ordered::add));
              sources.stream().filter(choice -> !cited.contains(choice.code())).forEach(ordered::add);
              return new ProceedingFormChoices.HistoryRow(row, ordered);
            })
        .toList();
  }

  /** The charge rows, each with the provision it names if the catalogue does not list it. */
  private static List<ProceedingFormChoices.ChargeRow> chargeRows(Form form, List<Provision> articles, PageContext page) {
    List<String> listed = articles.stream().map(Provision::citation).toList();
    return rowsOf(form, CHARGES).stream()
        .map(
            row -> {
              String provision = form.value(row.field("provision"));
              boolean unlisted = !provision.isBlank() && !listed.contains(provision);
              return new ProceedingFormChoices.ChargeRow(
                  row, unlisted ? new CaseView.Choice(provision, page.t("proceedingForm.unlisted", provision)) : null);
            })
        .toList();
  }

  /**
   * The articles of the catalogue by legal code, each as its citation and title ("KZ-CC 274 —
   * Dissemination of knowingly false information"). {@code articles} leaves out the parts of
   * articles: the form takes the part and paragraph as typed, and the catalogue applies a listed
   * part's penalty by itself.
   */
  private List<ProceedingFormChoices.ProvisionGroup> provisionGroups(List<Provision> articles, PageContext page) {
    Map<String, List<CaseView.Choice>> byCode = new LinkedHashMap<>();
    for (Provision article : articles) {
      String title = page.russian() ? article.titleRu() : article.titleEn();
      byCode
          .computeIfAbsent(article.code(), code -> new ArrayList<>())
          .add(new CaseView.Choice(article.citation(), page.t("proceedingForm.provisionOption", article.citation(), title)));
    }
    List<ProceedingFormChoices.ProvisionGroup> groups = new ArrayList<>();
    for (LegalCode code : catalogue.codes()) {
      List<CaseView.Choice> options = byCode.get(code.code());
      if (options != null) {
        String title = page.russian() ? code.titleRu() : code.titleEn();
        groups.add(new ProceedingFormChoices.ProvisionGroup(page.t("proceedingForm.provisionOption", code.code(), title), options));
      }
    }
    return groups;
  }

  /**
   * {@code choices} and, after them, every value of {@code chosen} that they do not hold, labelled
   * by {@code label}: a term no longer offered for new records, a person, organization or source
   * that has since left the case file. Saving the form then keeps what it does not offer.
   */
  private static List<CaseView.Choice> keeping(List<CaseView.Choice> choices, List<String> chosen, UnaryOperator<String> label) {
    List<CaseView.Choice> all = new ArrayList<>(choices);
    for (String value : chosen) {
      if (!value.isBlank() && all.stream().noneMatch(choice -> choice.code().equals(value))) {
        all.add(new CaseView.Choice(value, label.apply(value)));
      }
    }
    return all;
  }

  /** Every value chosen in the field {@code part} of the rows of {@code list}. */
  private static List<String> chosen(Form form, String list, String part) {
    List<String> values = new ArrayList<>();
    for (int index = 0; index < rows(form, list); index++) {
      values.addAll(form.values(field(list, index, part)));
    }
    return values;
  }

  /** The label of a term of {@code vocabulary}. */
  private UnaryOperator<String> term(String vocabulary, PageContext page) {
    return code -> forms.label(vocabulary, code, page);
  }

  private List<CaseView.Choice> persons(Caller caller, UUID caseId) {
    return records.persons().list(caller, new PersonStore.Filter(null, caseId, false), ALL_OF_A_CASE).items().stream()
        .map(person -> new CaseView.Choice(person.id().toString(), person.name()))
        .toList();
  }

  private List<CaseView.Choice> organizations(Caller caller, UUID caseId) {
    return records.organizations().list(caller, new OrganizationStore.Filter(null, caseId, null, false), ALL_OF_A_CASE).items().stream()
        .map(organization -> new CaseView.Choice(organization.id().toString(), organization.name()))
        .toList();
  }

  private List<CaseView.Choice> sources(Caller caller, UUID caseId) {
    return records.sources().list(caller, new SourceStore.Filter(null, caseId, null, false), ALL_OF_A_CASE).items().stream()
        .map(source -> new CaseView.Choice(source.id().toString(), source.title()))
        .toList();
  }

  /** The stored proceeding and the typed one side by side, with the names of the case file's records. */
  private RecordFormView.Conflict conflict(Caller caller, CaseFile caseFile, Proceeding current, Form yours, PageContext page) {
    Map<String, String> names = new LinkedHashMap<>();
    persons(caller, caseFile.id()).forEach(choice -> names.put(choice.code(), choice.label()));
    organizations(caller, caseFile.id()).forEach(choice -> names.put(choice.code(), choice.label()));
    sources(caller, caseFile.id()).forEach(choice -> names.put(choice.code(), choice.label()));
    return new ProceedingConflict(forms, names, notesWithheld(caller, caseFile), page).sideBySide(current, yours);
  }
}
