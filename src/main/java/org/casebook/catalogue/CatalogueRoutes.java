package org.casebook.catalogue;

import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/**
 * The API of the legal catalogue: the codes, their provisions, and adding a provision. The lists
 * are answered as plain JSON arrays: a catalogue is small enough to read whole.
 */
public final class CatalogueRoutes implements Feature {
  private static final String TAG = "catalogue";

  private final CatalogueService catalogue;
  private final Requests requests;

  public CatalogueRoutes(CatalogueService catalogue, Requests requests) {
    this.catalogue = catalogue;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/api/v1/legal-codes",
        ApiDoc.of(TAG, "List every legal code").returnsArray(LegalCode.class),
        context -> context.json(catalogue.codes()));
    routes.get(
        "/api/v1/provisions",
        ApiDoc.of(TAG, "List the provisions of a code, or of every code")
            .returnsArray(Provision.class)
            .query("code"),
        context -> context.json(catalogue.provisions(context.queryParam("code"))));
    routes.get(
        "/api/v1/provisions/{id}",
        ApiDoc.of(TAG, "Get one provision").returns(Provision.class),
        context -> context.json(catalogue.get(Requests.pathId(context, "id"))));
    routes.post(
        "/api/v1/provisions",
        ApiDoc.of(TAG, "Add an article or a part of an article to the catalogue")
            .accepts(Provision.class)
            .returns(Provision.class)
            .status(201),
        context -> {
          Provision added = catalogue.add(Callers.of(context), requests.body(context, Provision.class));
          context.status(201);
          context.header("Location", "/api/v1/provisions/" + added.id());
          context.json(added);
        });
  }
}
