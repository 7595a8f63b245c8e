package org.casebook.cases;

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

/** The API of case files. */
public final class CaseRoutes implements Feature, RecordResource<CaseFile> {
  private final CaseService cases;
  private final Requests requests;

  public CaseRoutes(CaseService cases, Requests requests) {
    this.cases = cases;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(routes, requests, "cases", "case file", CaseFile.class, this, "q", "country", "status", "risk");
  }

  @Override
  public Page<CaseFile> list(Context context, PageRequest page) {
    return cases.list(
        new CaseStore.Filter(
            context.queryParam("q"), context.queryParam("country"), context.queryParam("status"),
            context.queryParam("risk"), Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public CaseFile get(UUID id) {
    return cases.get(id);
  }

  @Override
  public CaseFile create(CaseFile caseFile, Actor actor) {
    return cases.create(caseFile, actor);
  }

  @Override
  public CaseFile update(UUID id, CaseFile caseFile, Actor actor) {
    return cases.update(id, caseFile, actor);
  }

  @Override
  public CaseFile voidRecord(UUID id, VoidRequest request, Actor actor) {
    return cases.voidCase(id, request, actor);
  }

  @Override
  public UUID idOf(CaseFile caseFile) {
    return caseFile.id();
  }
}
