package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.cases.CaseFile;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.VersionConflict;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The forms that open a case file and change its own fields (title, summary, countries, risk,
 * status, confidentiality); the records it links to are kept as stored. Refusals and conflicts are
 * answered as in {@link EventForms}.
 *
 * <p>Registered before the case page, so that {@code /cases/new} is this form and not a case file.
 */
final class CaseFileForms implements Feature {
  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;

  CaseFileForms(PageRenderer renderer, SignInPages signIn, RecordServices records, Forms forms) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.forms = forms;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/cases/new", ApiDoc.of("pages", "The form that opens a case file"), this::newForm);
    routes.post("/cases", ApiDoc.of("pages", "Opens a case file from the form; goes on to its page"), this::create);
    routes.get("/cases/{id}/edit", ApiDoc.of("pages", "The form that changes a case file"), this::editForm);
    routes.post("/cases/{id}", ApiDoc.of("pages", "Changes a case file from the form; shows both versions if someone saved first"), this::update);
  }

  private void newForm(Context context) {
    if (caller(context, Permission.CREATE_CASE) == null) {
      return;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("status", List.of("open"));
    values.put("confidentiality", List.of("internal"));
    show(context, null, Form.of(values), null);
  }

  private void editForm(Context context) {
    Caller caller = caller(context, Permission.WRITE_RECORDS);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    show(context, caseFile, Form.of(values(caseFile)), null);
  }

  private void create(Context context) {
    Caller caller = caller(context, Permission.CREATE_CASE);
    if (caller == null) {
      return;
    }
    Form form = Form.posted(context);
    List<FieldError> typed = new ArrayList<>();
    CaseFile caseFile = caseFile(form, null, typed);
    try {
      refuseUnreadable(caseFile, typed);
      CaseFile created = records.cases().create(caller, caseFile);
      context.redirect("/cases/" + created.id(), HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, null, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    }
  }

  private void update(Context context) {
    Caller caller = caller(context, Permission.WRITE_RECORDS);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    CaseFile stored = records.cases().get(caller, id);
    Form form = Form.posted(context);
    List<FieldError> typed = new ArrayList<>();
    CaseFile caseFile = caseFile(form, stored, typed);
    try {
      refuseUnreadable(caseFile, typed);
      records.cases().update(caller, id, caseFile);
      context.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, stored, form.withErrors(Forms.merge(typed, invalid.errors()), renderer.context(context)), null);
    } catch (VersionConflict conflict) {
      CaseFile current = records.cases().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, current, Form.of(yours), conflict(current, form, renderer.context(context)));
    }
  }

  private Caller caller(Context context, Permission permission) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return null;
    }
    caller.require(permission);
    return caller;
  }

  private void refuseUnreadable(CaseFile caseFile, List<FieldError> typed) {
    if (!typed.isEmpty()) {
      throw new InvalidInput(Forms.merge(typed, records.cases().check(caseFile, "").errors()));
    }
  }

  /** The case file the form describes, with the links of the stored one. */
  private static CaseFile caseFile(Form form, CaseFile stored, List<FieldError> typed) {
    return new CaseFile(
        null,
        stored == null ? null : Forms.version(form),
        Forms.confidentiality(form, typed),
        null,
        Forms.text(form, "title"),
        Forms.text(form, "summary"),
        Forms.countries(form, "countries"),
        Forms.text(form, "risk"),
        Forms.text(form, "status"),
        stored == null ? List.of() : stored.subjects(),
        stored == null ? List.of() : stored.persons(),
        stored == null ? List.of() : stored.organizations(),
        stored == null ? List.of() : stored.sources());
  }

  private static Map<String, List<String>> values(CaseFile caseFile) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(caseFile.version())));
    values.put("title", List.of(orEmpty(caseFile.title())));
    values.put("summary", List.of(orEmpty(caseFile.summary())));
    values.put("countries", List.of(String.join(", ", caseFile.countries())));
    values.put("risk", List.of(orEmpty(caseFile.risk())));
    values.put("status", List.of(orEmpty(caseFile.status())));
    values.put("confidentiality", List.of(caseFile.confidentiality().code()));
    return values;
  }

  private void show(Context context, CaseFile stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    String heading = stored == null ? page.t("caseForm.new") : page.t("caseForm.edit");
    String action = stored == null ? "/cases" : "/cases/" + stored.id();
    renderer.render(
        context,
        "case_form.jte",
        page,
        Map.of(
            "view", new RecordFormView(heading, action, stored == null ? null : stored.id(), stored == null ? null : stored.title(), form, conflict),
            "risks", forms.terms(Vocabularies.RISK_LEVEL, page),
            "statuses", forms.terms(Vocabularies.CASE_STATUS, page),
            "confidentialities", Forms.confidentialities(page)));
  }

  private RecordFormView.Conflict conflict(CaseFile current, Form yours, PageContext page) {
    Form stored = Form.of(values(current));
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    for (String field : List.of("title", "summary", "countries")) {
      rows.add(new RecordFormView.ConflictRow(page.t("caseForm." + field), stored.value(field), yours.value(field)));
    }
    rows.add(conflictRow(page.t("caseForm.risk"), stored, yours, "risk", Vocabularies.RISK_LEVEL, page));
    rows.add(conflictRow(page.t("caseForm.status"), stored, yours, "status", Vocabularies.CASE_STATUS, page));
    rows.add(
        new RecordFormView.ConflictRow(
            page.t("form.confidentiality"),
            page.t("form.confidentiality." + stored.value("confidentiality")),
            yours.value("confidentiality").isEmpty() ? "" : page.t("form.confidentiality." + yours.value("confidentiality"))));
    return new RecordFormView.Conflict(rows);
  }

  private RecordFormView.ConflictRow conflictRow(String label, Form stored, Form yours, String field, String vocabulary, PageContext page) {
    return new RecordFormView.ConflictRow(
        label, forms.label(vocabulary, stored.value(field), page), forms.label(vocabulary, yours.value(field), page));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
