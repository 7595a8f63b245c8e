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
import org.casebook.common.VersionConflict;
import org.casebook.sources.Source;
import org.casebook.sources.SourceService;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;
import org.casebook.web.WebServer;

/**
 * The forms that add a source to a case file and change one, with its file: a PDF, an image, a
 * text, uploaded with the form ({@code multipart/form-data}) and stored by its SHA-256 as the
 * import stores files (sealed for a restricted source). A new source is created and listed in the
 * case file in one transaction; its file is written last, so that a refused form leaves neither
 * record nor file. A form larger than the server accepts ({@link WebServer#MAX_REQUEST_BYTES})
 * cannot be read at all: it is refused with a message at the file field. Refusals (422) and
 * conflicts (409) are otherwise answered as in {@link EventForms}; a chosen file is not kept by a
 * refused form, and the form says so.
 */
final class SourceForms implements Feature {
  /** The file control; its value in a posted form is the chosen file's name. */
  private static final String FILE = "file";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final Forms forms;

  SourceForms(PageRenderer renderer, SignInPages signIn, RecordServices records, Forms forms) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.forms = forms;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/cases/{id}/sources/new", ApiDoc.of("pages", "The form that adds a source (and its file) to a case file"), this::newForm);
    routes.post(
        "/cases/{id}/sources",
        ApiDoc.of("pages", "Adds a source from the form (multipart, with an optional file) and lists it in the case file; goes on to it on the case page"),
        this::create);
    routes.get(
        "/sources/{id}/edit",
        ApiDoc.of("pages", "The form that changes a source; case names the case file to go back to").query(FormAccess.CASE),
        this::editForm);
    routes.post(
        "/sources/{id}",
        ApiDoc.of("pages", "Changes a source from the form (multipart, a new file optional); shows both versions if someone saved first")
            .query(FormAccess.CASE),
        this::update);
  }

  private void newForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    show(context, caseFile, null, Form.of(defaults()), null);
  }

  private void editForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Source source = records.sources().get(caller, PageRenderer.pathId(context, "id"));
    CaseFile caseFile = FormAccess.returnCase(context, null, caller, records.cases());
    show(context, caseFile, source, Form.of(values(source, renderer.context(context))), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    CaseFile caseFile = records.cases().get(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    Uploads.Upload upload = Uploads.read(context, FILE);
    if (upload == null) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caseFile, null, unreadable(defaults(), page), null);
      return;
    }
    Form form = upload.form();
    List<FieldError> typed = new ArrayList<>();
    Source source = source(form, null, upload, page, typed);
    try {
      refuseUnreadable(source, typed);
      UUID id =
          records.cases().createLinked(
              caller, caseFile.id(), CaseService.Link.SOURCE, handle -> records.sources().insert(handle, caller, source, upload.bytes()));
      context.redirect("/cases/" + caseFile.id() + "#source-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caseFile, null, form.withErrors(atTheFileField(Forms.merge(typed, invalid.errors())), renderer.context(context)), null);
    }
  }

  private void update(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Source stored = records.sources().get(caller, id);
    PageContext page = renderer.context(context);
    Uploads.Upload upload = Uploads.read(context, FILE);
    if (upload == null) {
      CaseFile caseFile = FormAccess.returnCase(context, null, caller, records.cases());
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caseFile, stored, unreadable(values(stored, page), page), null);
      return;
    }
    Form form = upload.form();
    CaseFile caseFile = FormAccess.returnCase(context, form.value(FormAccess.CASE), caller, records.cases());
    List<FieldError> typed = new ArrayList<>();
    Source source = source(form, stored, upload, page, typed);
    try {
      refuseUnreadable(source, typed);
      records.sources().update(caller, id, source, upload.bytes());
      context.redirect("/cases/" + caseFile.id() + "#source-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caseFile, stored, form.withErrors(atTheFileField(Forms.merge(typed, invalid.errors())), renderer.context(context)), null);
    } catch (VersionConflict conflict) {
      Source current = records.sources().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      context.status(HttpStatus.CONFLICT);
      show(context, caseFile, current, Form.of(yours), conflict(current, form, page));
    }
  }

  /** A form refused because it could not be read: {@code values} and the message at the file field. */
  private static Form unreadable(Map<String, List<String>> values, PageContext page) {
    Map<String, List<String>> shown = new LinkedHashMap<>(values);
    shown.put(FILE, List.of(""));
    return Form.of(shown).withErrors(List.of(new FieldError(FILE, page.t("sourceForm.unreadable", Uploads.maxMebibytes()))), page);
  }

  /** The service's errors about the file's hash or name, shown at the file control. */
  private static List<FieldError> atTheFileField(List<FieldError> errors) {
    return errors.stream()
        .map(error -> error.field().equals("sha256") || error.field().equals("file_name") ? new FieldError(FILE, error.message()) : error)
        .toList();
  }

  /**
   * Refuses a source with text that could not be read (a date nobody can parse), together with
   * whatever else the service finds wrong, so that the form lists every mistake at once.
   */
  private void refuseUnreadable(Source source, List<FieldError> typed) {
    if (!typed.isEmpty()) {
      throw new InvalidInput(Forms.merge(typed, records.sources().check(source, "").errors()));
    }
  }

  /**
   * The source the form describes. A new file replaces the stored one; without one, the stored file
   * (its name and hash) is kept, and a source with text only takes the hash of its text as typed.
   */
  private Source source(Form form, Source stored, Uploads.Upload upload, PageContext page, List<FieldError> typed) {
    String fileName = null;
    String sha256 = null;
    if (upload.bytes() != null) {
      fileName = upload.fileName();
    } else if (stored != null && records.sources().hasFile(stored)) {
      fileName = stored.fileName();
      sha256 = stored.sha256();
    }
    return new Source(
        null,
        stored == null ? null : Forms.version(form),
        Forms.confidentiality(form, typed),
        null,
        Forms.text(form, "title"),
        Forms.text(form, "kind"),
        Forms.text(form, "publisher"),
        Forms.date(form, "date", page.locale(), typed),
        Forms.text(form, "language"),
        Forms.text(form, "url"),
        Forms.text(form, "reliability"),
        fileName,
        sha256,
        fullText(form));
  }

  /**
   * The full text as typed, with the line ends browsers send ({@code CRLF}) made plain ({@code LF})
   * and nothing else changed; null when blank.
   */
  private static String fullText(Form form) {
    String text = form.value("text").replace("\r\n", "\n");
    return text.isBlank() ? null : text;
  }

  private static Map<String, List<String>> defaults() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("reliability", List.of(SourceService.UNKNOWN_RELIABILITY));
    values.put("confidentiality", List.of("internal"));
    return values;
  }

  /** The form of a stored source, with its date as people read it. */
  private static Map<String, List<String>> values(Source source, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(source.version())));
    values.put("title", List.of(orEmpty(source.title())));
    values.put("kind", List.of(orEmpty(source.kind())));
    values.put("publisher", List.of(orEmpty(source.publisher())));
    values.put("date", List.of(page.date(source.date())));
    values.put("language", List.of(orEmpty(source.language())));
    values.put("url", List.of(orEmpty(source.url())));
    values.put("reliability", List.of(orEmpty(source.reliability())));
    values.put("text", List.of(orEmpty(source.text())));
    values.put("confidentiality", List.of(source.confidentiality().code()));
    return values;
  }

  private void show(Context context, CaseFile caseFile, Source stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    UUID caseId = caseFile.id();
    long maxMebibytes = Uploads.maxMebibytes();
    String storedFile = storedFile(stored, page);
    SourceFormChoices choices =
        new SourceFormChoices(
            forms.terms(Vocabularies.SOURCE_KIND, page),
            forms.terms(Vocabularies.RELIABILITY, page),
            Forms.confidentialities(page),
            stored == null || stored.date() == null ? page.t("form.dateHint") : page.t("form.dateHintStored", stored.date().toEdtf()),
            storedFile == null
                ? page.t("sourceForm.fileHint", maxMebibytes)
                : page.t("sourceForm.fileHintStored", storedFile, stored.sha256(), maxMebibytes));
    String heading = stored == null ? page.t("sourceForm.new") : page.t("sourceForm.edit");
    String action = stored == null ? "/cases/" + caseId + "/sources" : "/sources/" + stored.id() + "?" + FormAccess.CASE + "=" + caseId;
    renderer.render(
        context,
        "source_form.jte",
        page,
        Map.of("view", new RecordFormView(heading, action, caseId, caseFile.title(), form, conflict), "choices", choices));
  }

  /** The name of a source's stored file, in words; null when it has none. */
  private String storedFile(Source source, PageContext page) {
    if (source == null || !records.sources().hasFile(source)) {
      return null;
    }
    return source.fileName() == null ? page.t("sourceForm.unnamedFile") : source.fileName();
  }

  /** The stored source and the typed one, field by field, in words. */
  private RecordFormView.Conflict conflict(Source current, Form yours, PageContext page) {
    Form stored = Form.of(values(current, page));
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(ConflictRows.field(page.t("sourceForm.title"), stored, yours, "title", text -> text));
    rows.add(ConflictRows.field(page.t("sourceForm.kind"), stored, yours, "kind", code -> forms.label(Vocabularies.SOURCE_KIND, code, page)));
    for (String field : List.of("publisher", "date", "language", "url")) {
      rows.add(ConflictRows.field(page.t("sourceForm." + field), stored, yours, field, text -> text));
    }
    rows.add(
        ConflictRows.field(
            page.t("sourceForm.reliability"), stored, yours, "reliability", code -> forms.label(Vocabularies.RELIABILITY, code, page)));
    rows.add(ConflictRows.field(page.t("sourceForm.text"), stored, yours, "text", text -> text.replace("\r\n", "\n")));
    String storedFile = orEmpty(storedFile(current, page));
    String chosen = yours.value(FILE);
    rows.add(ConflictRows.of(page.t("sourceForm.file"), storedFile, chosen.isEmpty() ? storedFile : chosen, text -> text));
    rows.add(ConflictRows.field(page.t("form.confidentiality"), stored, yours, "confidentiality", code -> page.t("form.confidentiality." + code)));
    return new RecordFormView.Conflict(rows);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
