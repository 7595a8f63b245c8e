package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.casebook.access.Caller;
import org.casebook.cases.CaseService;
import org.casebook.common.Checks;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.VersionConflict;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationStore;
import org.casebook.communications.DocumentRole;
import org.casebook.communications.Reply;
import org.casebook.communications.ReplyDocument;
import org.casebook.communications.ReplyService;
import org.casebook.communications.ReplyStore;
import org.casebook.communications.TranslationStatus;
import org.casebook.dates.PartialDate;
import org.casebook.sources.Source;
import org.casebook.sources.SourceService;
import org.casebook.transfer.RecordServices;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;
import org.jdbi.v3.core.Handle;

/**
 * The forms that record a reply to a communication and change one: the day it came, the sender and
 * their reference, language, translation status, summary, its documents (sources of the case files
 * the communication is linked to, each with its role and language) and notes. A document may also
 * be uploaded with the form ({@code multipart/form-data}): it becomes a new source, listed in a case
 * file of the communication, in the same transaction as the reply, so that a refused form stores
 * neither. Recording a reply records {@code reply-received} on the communication where its
 * lifecycle allows (see {@link ReplyService}). Refusals (422) and conflicts (409) are answered as
 * in {@link EventForms}; notes are left out of the form of a reader without the restricted grant,
 * and kept as stored.
 */
final class ReplyForms implements Feature {
  /** Blank document rows offered below the filled-in ones. */
  private static final int BLANK_DOCUMENT_ROWS = 1;

  private static final String DOCUMENTS = "documents";
  private static final List<String> DOCUMENT_PARTS = List.of("source", "role", "language");

  /** The controls of a document uploaded with the form, which becomes a new source. */
  static final String UPLOAD_FILE = "upload_file";

  static final String UPLOAD_TITLE = "upload_title";
  static final String UPLOAD_ROLE = "upload_role";
  static final String UPLOAD_LANGUAGE = "upload_language";
  static final String UPLOAD_CASE = "upload_case";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final RestrictedGrants grants;

  ReplyForms(PageRenderer renderer, SignInPages signIn, RecordServices records, RestrictedGrants grants) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.grants = grants;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/communications/{id}/replies/new", ApiDoc.of("pages", "The form that records a reply to a communication"), this::newForm);
    routes.post(
        "/communications/{id}/replies",
        ApiDoc.of("pages", "Records a reply from the form (multipart, with an optional document); goes on to it on the communication's page"),
        this::create);
    routes.get("/replies/{id}/edit", ApiDoc.of("pages", "The form that changes a reply"), this::editForm);
    routes.post(
        "/replies/{id}",
        ApiDoc.of("pages", "Changes a reply from the form (multipart, a new document optional); shows both versions if someone saved first"),
        this::update);
  }

  private void newForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Communication communication = communication(caller, PageRenderer.pathId(context, "id"));
    show(context, caller, communication, null, Form.of(defaults()), null);
  }

  private void editForm(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Reply reply = liveReply(caller, PageRenderer.pathId(context, "id"));
    Communication communication = communication(caller, reply.communication());
    boolean granted = grants.heldOn(caller, ReplyStore.TABLE, reply.id());
    show(context, caller, communication, reply, Form.of(values(reply, granted, renderer.context(context))), null);
  }

  private void create(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    Communication communication = communication(caller, PageRenderer.pathId(context, "id"));
    PageContext page = renderer.context(context);
    Uploads.Upload upload = Uploads.read(context, UPLOAD_FILE);
    if (upload == null) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, null, unreadable(defaults(), page), null);
      return;
    }
    Form form = FormRow.withoutBlankRows(upload.form(), DOCUMENTS, DOCUMENT_PARTS);
    boolean granted = grants.heldOn(caller, CommunicationStore.TABLE, communication.id());
    List<FieldError> typed = new ArrayList<>();
    Reply reply = reply(form, communication.id(), false, granted, page, typed);
    try {
      refuseBeforeStoring(reply, communication, typed, upload);
      UUID id;
      if (upload.bytes() == null) {
        id = records.replies().create(caller, reply).id();
      } else {
        AtomicReference<Reply> created = new AtomicReference<>();
        records.cases().createLinked(
            caller, uploadCase(form, communication), CaseService.Link.SOURCE,
            handle -> {
              UUID source = insertSource(handle, caller, form, reply, upload);
              created.set(records.replies().create(handle, caller, withDocument(reply, source, form)));
              return source;
            });
        id = created.get().id();
      }
      context.redirect("/communications/" + communication.id() + "#reply-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, null, refused(form, typed, invalid, upload, page), null);
    }
  }

  private void update(Context context) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Reply stored = liveReply(caller, id);
    Communication communication = communication(caller, stored.communication());
    PageContext page = renderer.context(context);
    boolean granted = grants.heldOn(caller, ReplyStore.TABLE, id);
    Uploads.Upload upload = Uploads.read(context, UPLOAD_FILE);
    if (upload == null) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, stored, unreadable(values(stored, granted, page), page), null);
      return;
    }
    Form form = FormRow.withoutBlankRows(upload.form(), DOCUMENTS, DOCUMENT_PARTS);
    List<FieldError> typed = new ArrayList<>();
    Reply reply = reply(form, communication.id(), true, granted, page, typed);
    try {
      refuseBeforeStoring(reply, communication, typed, upload);
      if (upload.bytes() == null) {
        records.replies().update(caller, id, reply);
      } else {
        if (reply.version() != null && !reply.version().equals(stored.version())) {
          // Found before the file is stored, so that a stale form stores nothing.
          throw new VersionConflict(ReplyStore.KIND, id, reply.version(), stored.version());
        }
        records.cases().createLinked(
            caller, uploadCase(form, communication), CaseService.Link.SOURCE,
            handle -> {
              UUID source = insertSource(handle, caller, form, reply, upload);
              records.replies().update(handle, caller, id, withDocument(reply, source, form));
              return source;
            });
      }
      context.redirect("/communications/" + communication.id() + "#reply-" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, caller, communication, stored, refused(form, typed, invalid, upload, page), null);
    } catch (VersionConflict conflict) {
      Reply current = records.replies().get(caller, id);
      Map<String, List<String>> yours = new LinkedHashMap<>(form.values());
      yours.put("version", List.of(String.valueOf(current.version())));
      yours.put(UPLOAD_FILE, List.of(""));
      context.status(HttpStatus.CONFLICT);
      show(context, caller, communication, current, Form.of(yours), conflict(caller, communication, current, form, granted, page));
    }
  }

  /** The communication, as the caller sees it; a removed one is not found. */
  private Communication communication(Caller caller, UUID id) {
    return PageRenderer.live(records.communications().get(caller, id), CommunicationStore.KIND);
  }

  private Reply liveReply(Caller caller, UUID id) {
    return PageRenderer.live(records.replies().get(caller, id), ReplyStore.KIND);
  }

  /**
   * Refuses a reply with text that could not be read, and, before a file is stored, a reply the
   * service would refuse for its own fields or for the communication's lifecycle, together with the
   * mistakes of the uploaded document: every mistake at once, and no file stored by a refused form.
   */
  private void refuseBeforeStoring(Reply reply, Communication communication, List<FieldError> typed, Uploads.Upload upload) {
    if (typed.isEmpty() && upload.bytes() == null) {
      return;
    }
    Checks checks = records.replies().check(reply, "");
    if (upload.bytes() != null) {
      ReplyService.checkAgainst(checks, reply, communication, "");
      Form form = upload.form();
      if (Forms.text(form, UPLOAD_ROLE) == null) {
        checks.required(UPLOAD_ROLE, null);
      }
      checks.language(UPLOAD_LANGUAGE, Forms.text(form, UPLOAD_LANGUAGE));
      if (Forms.id(form.value(UPLOAD_CASE)) == null || !communication.cases().contains(Forms.id(form.value(UPLOAD_CASE)))) {
        checks.required(UPLOAD_CASE, null);
      }
    }
    List<FieldError> all = Forms.merge(typed, checks.errors());
    if (!all.isEmpty()) {
      throw new InvalidInput(all);
    }
  }

  /** The form refused: what was typed, with every message, and the chosen file named to choose again. */
  private static Form refused(Form form, List<FieldError> typed, InvalidInput invalid, Uploads.Upload upload, PageContext page) {
    List<FieldError> errors = new ArrayList<>(Forms.merge(typed, invalid.errors()));
    if (upload.fileName() != null && errors.stream().noneMatch(error -> error.field().equals(UPLOAD_FILE))) {
      errors.add(new FieldError(UPLOAD_FILE, page.t("replyform.chooseAgain", upload.fileName())));
    }
    return form.withErrors(errors, page);
  }

  /** A form refused because it could not be read: {@code values} and the message at the file field. */
  private static Form unreadable(Map<String, List<String>> values, PageContext page) {
    Map<String, List<String>> shown = new LinkedHashMap<>(values);
    shown.put(UPLOAD_FILE, List.of(""));
    return Form.of(shown).withErrors(List.of(new FieldError(UPLOAD_FILE, page.t("sourceForm.unreadable", Uploads.maxMebibytes()))), page);
  }

  /** The case file that lists an uploaded document; checked before by {@link #refuseBeforeStoring}. */
  private static UUID uploadCase(Form form, Communication communication) {
    UUID chosen = Forms.id(form.value(UPLOAD_CASE));
    return chosen != null ? chosen : communication.cases().get(0);
  }

  /**
   * Stores the uploaded document as a source of the kind government reply, with the reply's
   * confidentiality; the source's own mistakes are reported at the upload's controls.
   */
  private UUID insertSource(Handle handle, Caller caller, Form form, Reply reply, Uploads.Upload upload) {
    String title = Forms.text(form, UPLOAD_TITLE);
    Source source =
        new Source(
            null, null, reply.confidentiality(), null,
            title != null ? title : upload.fileName(),
            "government-reply",
            reply.sender(),
            reply.received() == null ? null : PartialDate.parse(reply.received().toString()),
            Forms.text(form, UPLOAD_LANGUAGE),
            null,
            SourceService.UNKNOWN_RELIABILITY,
            upload.fileName(),
            null,
            null);
    try {
      return records.sources().insert(handle, caller, source, upload.bytes());
    } catch (InvalidInput invalid) {
      throw new InvalidInput(
          invalid.errors().stream()
              .map(error -> new FieldError(switch (error.field()) {
                case "title" -> UPLOAD_TITLE;
                case "language" -> UPLOAD_LANGUAGE;
                default -> UPLOAD_FILE;
              }, error.message()))
              .toList());
    }
  }

  /** {@code reply} with the uploaded document, as a new source, after its other documents. */
  private static Reply withDocument(Reply reply, UUID source, Form form) {
    List<ReplyDocument> documents = new ArrayList<>(reply.documents());
    documents.add(new ReplyDocument(source, DocumentRole.parse(form.value(UPLOAD_ROLE), UPLOAD_ROLE), Forms.text(form, UPLOAD_LANGUAGE)));
    return new Reply(
        reply.id(), reply.version(), reply.confidentiality(), null, reply.communication(), reply.received(), reply.sender(),
        reply.senderReference(), reply.language(), documents, reply.translationStatus(), reply.summary(), reply.notes());
  }

  /**
   * The reply the form describes. The day it came is typed as people write dates ("27 May 2024"),
   * and must name one day. Without the restricted grant the notes are not in the form; the service
   * keeps them as stored.
   */
  private static Reply reply(Form form, UUID communication, boolean editing, boolean granted, PageContext page, List<FieldError> typed) {
    List<ReplyDocument> documents = new ArrayList<>();
    for (int index = 0; form.has(FormRow.field(DOCUMENTS, index, "source")); index++) {
      String role = FormRow.field(DOCUMENTS, index, "role");
      if (form.value(role).isBlank()) {
        typed.add(new FieldError(role, "is required"));
      }
      documents.add(
          new ReplyDocument(
              Forms.id(form.value(FormRow.field(DOCUMENTS, index, "source"))),
              documentRole(form.value(role), role, typed),
              Forms.text(form, FormRow.field(DOCUMENTS, index, "language"))));
    }
    return new Reply(
        null,
        editing ? Forms.version(form) : null,
        Forms.confidentiality(form, typed),
        null,
        communication,
        day(form, "received", page, typed),
        Forms.text(form, "sender"),
        Forms.text(form, "sender_reference"),
        Forms.text(form, "language"),
        documents,
        translationStatus(form, typed),
        multiline(form, "summary"),
        granted ? multiline(form, "notes") : null);
  }

  /** A day typed as people write it; anything less precise than one day is refused. */
  private static LocalDate day(Form form, String field, PageContext page, List<FieldError> typed) {
    PartialDate date = Forms.date(form, field, page.locale(), typed);
    if (date == null) {
      return null;
    }
    if (date.isInterval() || date.precision() != PartialDate.Precision.DAY || date.isApproximate() || date.isUncertain()
        || date.earliest().isEmpty()) {
      typed.add(new FieldError(field, page.t("replyform.receivedDay", form.value(field).trim())));
      return null;
    }
    return date.earliest().get();
  }

  private static TranslationStatus translationStatus(Form form, List<FieldError> typed) {
    String code = Forms.text(form, "translation_status");
    if (code == null) {
      return null;
    }
    try {
      return TranslationStatus.parse(code, "translation_status");
    } catch (InvalidInput invalid) {
      typed.addAll(invalid.errors());
      return null;
    }
  }

  private static DocumentRole documentRole(String code, String field, List<FieldError> typed) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return DocumentRole.parse(code.trim(), field);
    } catch (InvalidInput invalid) {
      typed.addAll(invalid.errors());
      return null;
    }
  }

  /** The text of a text area with the line ends browsers send made plain; null when blank. */
  private static String multiline(Form form, String field) {
    String text = form.value(field).replace("\r\n", "\n").strip();
    return text.isEmpty() ? null : text;
  }

  private static Map<String, List<String>> defaults() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("translation_status", List.of(TranslationStatus.RECEIVED.code()));
    values.put("confidentiality", List.of("internal"));
    values.put(UPLOAD_ROLE, List.of(DocumentRole.ORIGINAL.code()));
    return values;
  }

  /** The form of a stored reply, with the day it came as people read it; notes only with the grant. */
  private static Map<String, List<String>> values(Reply reply, boolean granted, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(reply.version())));
    values.put("received", List.of(reply.received() == null ? "" : CommunicationPages.day(reply.received(), page)));
    values.put("sender", List.of(orEmpty(reply.sender())));
    values.put("sender_reference", List.of(orEmpty(reply.senderReference())));
    values.put("language", List.of(orEmpty(reply.language())));
    values.put("translation_status", List.of(reply.translationStatus() == null ? "" : reply.translationStatus().code()));
    values.put("summary", List.of(orEmpty(reply.summary())));
    if (granted) {
      values.put("notes", List.of(orEmpty(reply.notes())));
    }
    values.put("confidentiality", List.of(reply.confidentiality().code()));
    List<ReplyDocument> documents = reply.documents();
    for (int index = 0; index < documents.size(); index++) {
      ReplyDocument document = documents.get(index);
      values.put(FormRow.field(DOCUMENTS, index, "source"), List.of(document.source() == null ? "" : document.source().toString()));
      values.put(FormRow.field(DOCUMENTS, index, "role"), List.of(document.role() == null ? "" : document.role().code()));
      values.put(FormRow.field(DOCUMENTS, index, "language"), List.of(orEmpty(document.language())));
    }
    values.put(UPLOAD_ROLE, List.of(DocumentRole.ORIGINAL.code()));
    return values;
  }

  private void show(Context context, Caller caller, Communication communication, Reply stored, Form form, RecordFormView.Conflict conflict) {
    PageContext page = renderer.context(context);
    boolean granted =
        stored == null
            ? grants.heldOn(caller, CommunicationStore.TABLE, communication.id())
            : grants.heldOn(caller, ReplyStore.TABLE, stored.id());
    List<CaseView.Choice> sources = CommunicationSourceChoices.of(records, caller, communication, chosenSources(form));
    List<CaseView.Choice> cases = new ArrayList<>();
    for (UUID caseId : communication.cases()) {
      try {
        cases.add(new CaseView.Choice(caseId.toString(), records.cases().get(caller, caseId).title()));
      } catch (NoSuchRecord notVisible) {
        // A case file the reader may not see is not offered.
      }
    }
    ReplyFormChoices choices =
        new ReplyFormChoices(
            translationStatuses(page),
            roles(page),
            sources,
            cases,
            Forms.confidentialities(page),
            FormRow.rows(form, DOCUMENTS, "source", BLANK_DOCUMENT_ROWS),
            granted,
            stored == null || stored.received() == null ? page.t("replyform.receivedHint") : page.t("replyform.receivedHintStored", stored.received().toString()),
            page.t("replyform.uploadHint", Uploads.maxMebibytes()),
            communication.id().toString(),
            communication.reference() == null ? page.t("communicationPage.noReference") : communication.reference());
    String heading = stored == null ? page.t("replyform.new", choices.communicationReference()) : page.t("replyform.edit", choices.communicationReference());
    String action = stored == null ? "/communications/" + communication.id() + "/replies" : "/replies/" + stored.id();
    renderer.render(
        context,
        "reply_form.jte",
        page,
        Map.of("view", new RecordFormView(heading, action, null, null, form, conflict), "choices", choices));
  }

  private static List<UUID> chosenSources(Form form) {
    List<UUID> chosen = new ArrayList<>();
    for (int index = 0; form.has(FormRow.field(DOCUMENTS, index, "source")); index++) {
      UUID source = Forms.id(form.value(FormRow.field(DOCUMENTS, index, "source")));
      if (source != null) {
        chosen.add(source);
      }
    }
    return chosen;
  }

  static List<CaseView.Choice> translationStatuses(PageContext page) {
    List<CaseView.Choice> choices = new ArrayList<>();
    for (TranslationStatus status : TranslationStatus.values()) {
      choices.add(new CaseView.Choice(status.code(), page.t("communicationPage.translation." + status.code())));
    }
    return choices;
  }

  static List<CaseView.Choice> roles(PageContext page) {
    List<CaseView.Choice> choices = new ArrayList<>();
    for (DocumentRole role : DocumentRole.values()) {
      choices.add(new CaseView.Choice(role.code(), page.t("replyform.role." + role.code())));
    }
    return choices;
  }

  /** The stored reply and the typed one, field by field, in words. */
  private RecordFormView.Conflict conflict(
      Caller caller, Communication communication, Reply current, Form yours, boolean granted, PageContext page) {
    Form stored = Form.of(values(current, granted, page));
    Map<String, String> titles =
        CommunicationSourceChoices.titles(CommunicationSourceChoices.of(records, caller, communication, current.documents().stream()
            .map(ReplyDocument::source).toList()));
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    for (String field : List.of("received", "sender", "sender_reference", "language")) {
      rows.add(ConflictRows.field(page.t("replyform." + field), stored, yours, field, text -> text));
    }
    rows.add(ConflictRows.field(page.t("replyform.translation_status"), stored, yours, "translation_status",
        code -> page.t("communicationPage.translation." + code)));
    rows.add(ConflictRows.field(page.t("replyform.summary"), stored, yours, "summary", text -> text.replace("\r\n", "\n")));
    rows.add(new RecordFormView.ConflictRow(
        page.t("replyform.documents"), documentsInWords(stored, titles, page), documentsInWords(yours, titles, page)));
    if (granted) {
      rows.add(ConflictRows.field(page.t("replyform.notes"), stored, yours, "notes", text -> text.replace("\r\n", "\n")));
    }
    rows.add(ConflictRows.field(page.t("form.confidentiality"), stored, yours, "confidentiality", code -> page.t("form.confidentiality." + code)));
    return new RecordFormView.Conflict(rows);
  }

  private static String documentsInWords(Form form, Map<String, String> titles, PageContext page) {
    List<String> documents = new ArrayList<>();
    for (int index = 0; form.has(FormRow.field(DOCUMENTS, index, "source")); index++) {
      String source = form.value(FormRow.field(DOCUMENTS, index, "source"));
      if (source.isBlank()) {
        continue;
      }
      String role = form.value(FormRow.field(DOCUMENTS, index, "role"));
      String language = form.value(FormRow.field(DOCUMENTS, index, "language"));
      documents.add(
          titles.getOrDefault(source, source) + " (" + (role.isBlank() ? "" : page.t("replyform.role." + role))
              + (language.isBlank() ? "" : ", " + language) + ")");
    }
    return String.join("; ", documents);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
