package org.casebook.proceedings;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.common.Actor;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.web.Feature;
import org.casebook.web.RecordResource;
import org.casebook.web.RecordRoutes;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** The API of proceedings. */
public final class ProceedingRoutes implements Feature, RecordResource<Proceeding> {
  private final ProceedingService proceedings;
  private final Requests requests;

  public ProceedingRoutes(ProceedingService proceedings, Requests requests) {
    this.proceedings = proceedings;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(
        routes,
        requests,
        "proceedings",
        "proceeding",
        Proceeding.class,
        this,
        "case",
        "kind",
        "status");
  }

  @Override
  public Page<Proceeding> list(Context context, PageRequest page) {
    return proceedings.list(
        new ProceedingStore.Filter(
            Requests.optionalUuid(context, "case"),
            context.queryParam("kind"),
            context.queryParam("status"),
            Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public Proceeding get(UUID id) {
    return proceedings.get(id);
  }

  @Override
  public Proceeding create(Proceeding proceeding, Actor actor) {
    return proceedings.create(proceeding, actor);
  }

  @Override
  public Proceeding update(UUID id, Proceeding proceeding, Actor actor) {
    return proceedings.update(id, proceeding, actor);
  }

  @Override
  public Proceeding voidRecord(UUID id, VoidRequest request, Actor actor) {
    return proceedings.voidProceeding(id, request, actor);
  }

  @Override
  public UUID idOf(Proceeding proceeding) {
    return proceeding.id();
  }
}
