package org.casebook.sources;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.RecordResource;
import org.casebook.web.RecordRoutes;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** The API of sources and their stored files. */
public final class SourceRoutes implements Feature, RecordResource<Source> {
  private static final int MAX_FILE_NAME = 200;

  private final SourceService sources;
  private final Requests requests;

  public SourceRoutes(SourceService sources, Requests requests) {
    this.sources = sources;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(
        routes, requests, "sources", "source", Source.class, this, "q", "case", "kind");
    routes.get(
        "/api/v1/sources/{id}/file",
        ApiDoc.of("sources", "Download the stored file of a source"),
        this::downloadFile);
  }

  private void downloadFile(Context context) {
    Source source = sources.get(Callers.of(context), Requests.pathId(context, "id"));
    context.result(sources.openFile(source));
    context.contentType("application/octet-stream");
    context.header("Content-Disposition", attachment(source.fileName(), source.id()));
    context.header("X-Content-Type-Options", "nosniff");
  }

  /**
   * A {@code Content-Disposition} for a download: an ASCII file name in which anything but letters,
   * digits, dots, hyphens and underscores is replaced (so no quote, path or control character
   * reaches the header or the reader's disk; a name with nothing left becomes {@code source-<id>}
   * with its extension), and the full name in UTF-8 for browsers that read {@code filename*}.
   */
  static String attachment(String fileName, UUID sourceId) {
    String name = fileName == null ? "" : baseName(fileName.strip()).replaceAll("^\\.+", "");
    if (name.length() > MAX_FILE_NAME) {
      name = name.substring(0, MAX_FILE_NAME);
    }
    String ascii = name.replaceAll("[^A-Za-z0-9._-]+", "_");
    int dot = ascii.lastIndexOf('.');
    String stem = dot < 0 ? ascii : ascii.substring(0, dot);
    if (stem.chars().noneMatch(Character::isLetterOrDigit)) {
      ascii = "source-" + sourceId + (dot < 0 ? "" : ascii.substring(dot));
    }
    String header = "attachment; filename=\"" + ascii + "\"";
    if (!name.isEmpty() && !name.equals(ascii) && name.chars().noneMatch(Character::isISOControl)) {
      String encoded =
          URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
      header += "; filename*=UTF-8''" + encoded;
    }
    return header;
  }

  private static String baseName(String fileName) {
    int separator = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return fileName.substring(separator + 1);
  }

  @Override
  public Page<Source> list(Caller caller, Context context, PageRequest page) {
    return sources.list(
        caller,
        new SourceStore.Filter(
            context.queryParam("q"),
            Requests.optionalUuid(context, "case"),
            context.queryParam("kind"),
            Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public Source get(Caller caller, UUID id) {
    return sources.get(caller, id);
  }

  @Override
  public Source create(Caller caller, Source source) {
    return sources.create(caller, source);
  }

  @Override
  public Source update(Caller caller, UUID id, Source source) {
    return sources.update(caller, id, source);
  }

  @Override
  public Source voidRecord(Caller caller, UUID id, VoidRequest request) {
    return sources.voidSource(caller, id, request);
  }

  @Override
  public UUID idOf(Source source) {
    return source.id();
  }
}
