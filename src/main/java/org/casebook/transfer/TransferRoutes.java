package org.casebook.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.casebook.common.InvalidInput;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Callers;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/**
 * Import and export over HTTP, and the JSON Schema of the import format. An imported document
 * cannot name files (there is no folder beside it); its sources carry their text.
 */
public final class TransferRoutes implements Feature {
  static final String SCHEMA_RESOURCE = "/schema/case-file.schema.json";

  private final ImportService importer;
  private final ExportService exporter;

  public TransferRoutes(ImportService importer, ExportService exporter) {
    this.importer = importer;
    this.exporter = exporter;
  }

  @Override
  public void register(Routes routes) {
    routes.post(
        "/api/v1/import",
        ApiDoc.of("transfer", "Import a case file document (YAML or JSON, format casebook/1): all or nothing")
            .returns(ImportResult.class)
            .query("dry_run"),
        context -> {
          String name = context.queryParam("name") == null ? "import" : context.queryParam("name");
          context.json(
              importer.importDocument(
                  Callers.of(context), name, context.body(), null, Requests.flag(context, "dry_run"), Progress.NONE));
        });
    routes.get(
        "/api/v1/cases/{id}/export",
        ApiDoc.of("transfer", "Export a case file as an import document (format=yaml or json)")
            .query("format"),
        context -> {
          String format = context.queryParam("format") == null ? "yaml" : context.queryParam("format");
          ExportService.Format chosen =
              switch (format) {
                case "yaml" -> ExportService.Format.YAML;
                case "json" -> ExportService.Format.JSON;
                default -> throw new InvalidInput("format", "\"" + format + "\" is not an export format; expected yaml or json");
              };
          String document = exporter.export(Callers.of(context), Requests.pathId(context, "id").toString(), chosen);
          context.contentType(chosen == ExportService.Format.JSON ? "application/json" : "application/yaml; charset=utf-8");
          context.header("Content-Disposition", "attachment; filename=\"case." + format + "\"");
          context.result(document);
        });
    routes.get(
        "/api/v1/schema/case-file.json",
        ApiDoc.of("transfer", "The JSON Schema of the import format").returns(Map.class),
        context -> {
          context.contentType("application/schema+json");
          context.result(schema());
        });
  }

  /** The JSON Schema of the import format, as published in docs/. */
  public static String schema() {
    try (InputStream in = TransferRoutes.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the schema " + SCHEMA_RESOURCE + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + SCHEMA_RESOURCE, e);
    }
  }
}
