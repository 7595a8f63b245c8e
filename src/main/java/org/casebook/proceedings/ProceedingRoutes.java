package org.casebook.proceedings;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.access.Caller;
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
  public Page<Proceeding> list(Caller caller, Context context, PageRequest page) {
    return proceedings.list(
        caller,
        new ProceedingStore.Filter(
            Requests.optionalUuid(context, "case"),
            context.queryParam("kind"),
            context.queryParam("status"),
            Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public Proceeding get(Caller caller, UUID id) {
    return proceedings.get(caller, id);
  }

  @Override
  public Proceeding create(Caller caller, Proceeding proceeding) {
    return proceedings.create(caller, proceeding);
  }

  @Override
  public Proceeding update(Caller caller, UUID id, Proceeding proceeding) {
    return proceedings.update(caller, id, proceeding);
  }

  @Override
  public Proceeding voidRecord(Caller caller, UUID id, VoidRequest request) {
    return proceedings.voidProceeding(caller, id, request);
  }

  @Override
  public UUID idOf(Proceeding proceeding) {
    return proceeding.id();
  }
}
