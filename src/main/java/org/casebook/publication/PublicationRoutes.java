package org.casebook.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.UUID;
import org.casebook.common.InvalidInput;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Json;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** The public view over HTTP: no sign-in, published case files only, with their redactions. */
public final class PublicationRoutes implements Feature {
  private final PublicationService publication;
  private final ObjectMapper yaml =
      Json.configure(
          YAMLMapper.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  public PublicationRoutes(PublicationService publication) {
    this.publication = publication;
  }

  /** The list of published case files. */
  public record Published(java.util.List<PublicCase.Summary> items) {}

  @Override
  public void register(Routes routes) {
    routes.get(
        "/api/v1/public/cases",
        ApiDoc.of("public", "The published case files").returns(Published.class),
        context -> context.json(new Published(publication.publishedCases())));
    routes.get(
        "/api/v1/public/cases/{id}",
        ApiDoc.of("public", "A published case file, with protected persons and withheld content marked")
            .returns(PublicCase.class),
        context -> context.json(publication.publishedCase(Requests.pathId(context, "id"))));
    routes.get(
        "/api/v1/public/cases/{id}/export",
        ApiDoc.of("public", "A published case file as a document for publication (format=json or yaml)")
            .query("format"),
        context -> {
          UUID id = Requests.pathId(context, "id");
          String format = context.queryParam("format") == null ? "yaml" : context.queryParam("format");
          PublicCase published = publication.publishedCase(id);
          switch (format) {
            case "yaml" -> {
              context.contentType("application/yaml; charset=utf-8");
              context.result(yaml.writeValueAsString(published));
            }
            case "json" -> context.json(published);
            default -> throw new InvalidInput("format", "\"" + format + "\" is not an export format; expected yaml or json");
          }
          context.header("Content-Disposition", "attachment; filename=\"published-case." + format + "\"");
        });
  }
}
