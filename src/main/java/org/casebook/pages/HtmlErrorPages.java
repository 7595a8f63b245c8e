package org.casebook.pages;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.casebook.web.ErrorPages;

/**
 * The HTML error pages of the page routes: not found (also for a record one may not see, or a case
 * that is not published, so that the page never tells them apart), not permitted, and unexpected
 * failures with their incident id. They say what happened in the interface language and nothing
 * about the record asked for.
 *
 * <p>Thread-safe.
 */
public final class HtmlErrorPages implements ErrorPages {
  private final PageRenderer renderer;

  HtmlErrorPages(PageRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public void render(Context context, int status, String incident) {
    String kind =
        switch (status) {
          case 400, 422 -> "badRequest";
          case 401, 403 -> "forbidden";
          case 404 -> "notFound";
          case 500 -> "internal";
          default -> "other";
        };
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("status", status);
    parameters.put("kind", kind);
    parameters.put("incident", incident);
    context.status(status);
    renderer.render(context, "error_page.jte", renderer.context(context), parameters);
  }
}
