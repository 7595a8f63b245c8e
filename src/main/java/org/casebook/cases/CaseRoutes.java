package org.casebook.cases;

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
    RecordRoutes.register(routes, requests, "cases", "case file", CaseFile.class, this, "q", "country", "status", "risk", "team_member");
  }

  @Override
  public Page<CaseFile> list(Caller caller, Context context, PageRequest page) {
    return cases.list(
        caller,
        new CaseStore.Filter(
            context.queryParam("q"), context.queryParam("country"), context.queryParam("status"),
            context.queryParam("risk"), Requests.optionalUuid(context, "team_member"), Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public CaseFile get(Caller caller, UUID id) {
    return cases.get(caller, id);
  }

  @Override
  public CaseFile create(Caller caller, CaseFile caseFile) {
    return cases.create(caller, caseFile);
  }

  @Override
  public CaseFile update(Caller caller, UUID id, CaseFile caseFile) {
    return cases.update(caller, id, caseFile);
  }

  @Override
  public CaseFile voidRecord(Caller caller, UUID id, VoidRequest request) {
    return cases.voidCase(caller, id, request);
  }

  @Override
  public UUID idOf(CaseFile caseFile) {
    return caseFile.id();
  }
}
