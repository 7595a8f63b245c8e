package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.InvalidInput;
import org.casebook.transfer.ExportService;
import org.casebook.transfer.ImportResult;
import org.casebook.transfer.ImportService;
import org.casebook.transfer.Progress;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;
import org.casebook.web.WebServer;

/**
 * Importing a case file from a page (a file upload, checked only or written, all or nothing, with
 * the problems listed by line) and downloading a case file's export. The services decide who may:
 * importing needs {@link Permission#IMPORT}, exporting the restricted grant on the case file.
 */
final class TransferPages implements Feature {
  static final String IMPORT_PATH = "/import";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final ImportService importer;
  private final ExportService exporter;

  TransferPages(PageRenderer renderer, SignInPages signIn, ImportService importer, ExportService exporter) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.importer = importer;
    this.exporter = exporter;
  }

  @Override
  public void register(Routes routes) {
    routes.get(IMPORT_PATH, ApiDoc.of("pages", "The import page: upload a case file"), this::showImport);
    routes.post(
        IMPORT_PATH,
        ApiDoc.of("pages", "Import an uploaded case file (multipart, field file; dry_run only checks it)"),
        this::importFile);
    routes.get(
        "/cases/{id}/export.yaml",
        ApiDoc.of("pages", "Download a case file as an import document in YAML"),
        this::export);
  }

  private void showImport(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    caller.require(Permission.IMPORT);
    render(context, new ImportOutcome(null, List.of(), false, false));
  }

  private void importFile(Context context) {
    Caller caller = Callers.of(context);
    caller.require(Permission.IMPORT);
    boolean dryRun;
    UploadedFile file;
    try {
      dryRun = context.formParam("dry_run") != null;
      file = context.uploadedFile("file");
    } catch (Exception unreadable) {
      throw new InvalidInput(
          "file", "the form could not be read: it is malformed or larger than " + WebServer.MAX_REQUEST_BYTES + " bytes");
    }
    if (file == null || file.size() == 0) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(context, new ImportOutcome(null, List.of(), dryRun, true));
      return;
    }
    try {
      ImportResult result =
          importer.importDocument(caller, fileName(file), read(file), null, dryRun, Progress.NONE);
      render(context, new ImportOutcome(result, List.of(), dryRun, false));
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      render(context, new ImportOutcome(null, invalid.errors(), dryRun, false));
    }
  }

  private void export(Context context) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    String document = exporter.export(caller, id.toString(), ExportService.Format.YAML);
    context.header("Cache-Control", "no-store");
    context.header("Content-Disposition", "attachment; filename=\"case-" + id + ".yaml\"");
    context.contentType("application/yaml; charset=utf-8");
    context.result(document);
  }

  private void render(Context context, ImportOutcome outcome) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("outcome", outcome);
    renderer.render(context, "import.jte", renderer.context(context), parameters);
  }

  /** The uploaded file's name without any folder, as the problems name it. */
  private static String fileName(UploadedFile file) {
    String name = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  private static String read(UploadedFile file) {
    try (InputStream content = file.content()) {
      return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the uploaded file could not be read", e);
    }
  }
}
