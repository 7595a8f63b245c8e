package org.casebook.pages;

import io.javalin.http.Context;
import java.util.Map;
import org.casebook.publication.PublicCase;
import org.casebook.publication.PublicationService;
import org.casebook.web.ApiDoc;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The public site: the published case files, with withheld names and records marked where they
 * stand. Needs no sign-in. A case file that is not published gets the same not-found page as one
 * that does not exist.
 */
final class PublicPages implements Feature {
  private final PageRenderer renderer;
  private final PublicationService publication;
  private final CaseViews views;

  PublicPages(PageRenderer renderer, PublicationService publication, CaseViews views) {
    this.renderer = renderer;
    this.publication = publication;
    this.views = views;
  }

  @Override
  public void register(Routes routes) {
    routes.get("/public", ApiDoc.of("pages", "The published case files"), this::list);
    routes.get(
        "/public/cases/{id}",
        ApiDoc.of("pages", "A published case file, with withheld names and records marked").query("type"),
        this::casePage);
  }

  private void list(Context context) {
    PageContext page = renderer.context(context);
    renderer.render(context, "public_list.jte", page, Map.of("cases", publication.publishedCases()));
  }

  private void casePage(Context context) {
    PageContext page = renderer.context(context);
    PublicCase published = publication.publishedCase(PageRenderer.pathId(context, "id"));
    String type = context.queryParam("type");
    CaseView view = views.of(published, type == null || type.isBlank() ? null : type.trim(), page);
    renderer.render(context, "case_page.jte", page, Map.of("view", view, "published", true));
  }
}
