package org.casebook.web;

import java.util.UUID;
import org.casebook.access.Permission;
import org.casebook.common.VoidRequest;

/**
 * Registers the standard routes of one record type under {@code /api/v1/{plural}}: list (paged and
 * filtered), get, create (201 with Location), update with the version it is based on (409 when
 * stale) and void with a reason.
 */
public final class RecordRoutes {
  private RecordRoutes() {}

  public static <T> void register(
      Routes routes,
      Requests requests,
      String plural,
      String singular,
      Class<T> type,
      RecordResource<T> resource,
      String... filters) {
    String base = "/api/v1/" + plural;
    String[] listParameters = new String[filters.length + 3];
    System.arraycopy(filters, 0, listParameters, 0, filters.length);
    listParameters[filters.length] = "include_voided";
    listParameters[filters.length + 1] = "page";
    listParameters[filters.length + 2] = "size";
    routes.get(
        base,
        ApiDoc.of(plural, "List " + plural + ", paged and filtered").returnsPage(type).query(listParameters),
        context -> context.json(resource.list(Callers.of(context), context, Requests.page(context))));
    routes.get(
        base + "/{id}",
        ApiDoc.of(plural, "Get one " + singular + ", voided or not").returns(type),
        context -> context.json(resource.get(Callers.of(context), Requests.pathId(context, "id"))));
    routes.post(
        base,
        ApiDoc.of(plural, "Create a " + singular).accepts(type).returns(type).status(201),
        context -> {
          Callers.of(context).require(Permission.WRITE_RECORDS);
          T created = resource.create(Callers.of(context), requests.body(context, type));
          context.status(201);
          context.header("Location", base + "/" + resource.idOf(created));
          context.json(created);
        });
    routes.put(
        base + "/{id}",
        ApiDoc.of(plural, "Update a " + singular + " (the body carries the version it is based on)")
            .accepts(type)
            .returns(type),
        context -> {
          Callers.of(context).require(Permission.WRITE_RECORDS);
          UUID id = Requests.pathId(context, "id");
          T changed = requests.body(context, type);
          Requests.requireSameId(id, resource.idOf(changed));
          context.json(resource.update(Callers.of(context), id, changed));
        });
    routes.post(
        base + "/{id}/void",
        ApiDoc.of(plural, "Void a " + singular + " with a reason; it is kept, never deleted")
            .accepts(VoidRequest.class)
            .returns(type),
        context -> {
          Callers.of(context).require(Permission.WRITE_RECORDS);
          context.json(
                resource.voidRecord(
                    Callers.of(context),
                    Requests.pathId(context, "id"),
                    requests.body(context, VoidRequest.class)));
        });
  }
}
