package org.casebook.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.common.CasebookException;
import org.casebook.common.FieldError;
import org.casebook.common.Failures;
import org.casebook.common.InvalidInput;
import org.casebook.common.VersionConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every failure as an RFC 9457 problem detail ({@code application/problem+json}). Known
 * failures carry their own status and message; anything else is a 500 whose details go to the log
 * under an incident id, never to the client.
 */
final class Problems {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static void known(CasebookException failure, Context context, ErrorPages pages) {
    if (pages != null && ErrorPages.isPage(context)) {
      context.status(failure.httpStatus());
      pages.render(context, failure.httpStatus(), null);
      return;
    }
    Map<String, Object> problem = base(failure.problemType(), title(failure), failure.httpStatus(), context);
    problem.put("detail", failure.getMessage());
    if (failure instanceof InvalidInput invalid) {
      problem.put("errors", errors(invalid.errors()));
    }
    if (failure instanceof VersionConflict conflict) {
      problem.put("current_version", conflict.currentVersion());
    }
    write(context, failure.httpStatus(), problem);
  }

  static void unexpected(Exception failure, Context context, ErrorPages pages) {
    String incident = UUID.randomUUID().toString();
    LOG.error(
        "incident {} on {} {}: {}",
        incident,
        context.method(),
        context.endpoint() == null ? "?" : context.endpoint().path,
        Failures.withoutMessages(failure));
    if (pages != null && ErrorPages.isPage(context)) {
      context.status(500);
      try {
        pages.render(context, 500, incident);
        return;
      } catch (RuntimeException pageFailure) {
        LOG.error("incident {}: the error page failed too: {}", incident, Failures.withoutMessages(pageFailure));
      }
    }
    Map<String, Object> problem = base("internal-error", "Internal error", 500, context);
    problem.put("detail", "Something went wrong on the server; the incident id is " + incident);
    write(context, 500, problem);
  }

  static void status(Context context, int status, String type, String title, String detail) {
    Map<String, Object> problem = base(type, title, status, context);
    problem.put("detail", detail);
    write(context, status, problem);
  }

  private static Map<String, Object> base(String type, String title, int status, Context context) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "/problems/" + type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("instance", context.path());
    return problem;
  }

  private static List<Map<String, Object>> errors(List<FieldError> errors) {
    return errors.stream()
        .map(
            error -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              if (error.file() != null) {
                entry.put("file", error.file());
              }
              if (error.line() > 0) {
                entry.put("line", error.line());
              }
              entry.put("field", error.field());
              entry.put("message", error.message());
              return entry;
            })
        .toList();
  }

  private static String title(CasebookException failure) {
    return switch (failure.httpStatus()) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 413 -> "Too large";
      case 422 -> "Invalid input";
      case 503 -> "Unavailable";
      default -> "Error";
    };
  }

  private static void write(Context context, int status, Map<String, Object> problem) {
    context.status(status);
    context.json(problem);
    context.contentType(CONTENT_TYPE);
  }
}
