package org.casebook.communications;

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

/** The record routes of claims, {@code /api/v1/claims}. */
public final class ClaimRoutes implements Feature, RecordResource<Claim> {
  private final ClaimService claims;
  private final Requests requests;

  public ClaimRoutes(ClaimService claims, Requests requests) {
    this.claims = claims;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(routes, requests, "claims", "claim", Claim.class, this, "communication");
  }

  @Override
  public Page<Claim> list(Caller caller, Context context, PageRequest page) {
    return claims.list(
        caller, new ClaimStore.Filter(Requests.optionalUuid(context, "communication"), Requests.flag(context, "include_voided")), page);
  }

  @Override
  public Claim get(Caller caller, UUID id) {
    return claims.get(caller, id);
  }

  @Override
  public Claim create(Caller caller, Claim claim) {
    return claims.create(caller, claim);
  }

  @Override
  public Claim update(Caller caller, UUID id, Claim claim) {
    return claims.update(caller, id, claim);
  }

  @Override
  public Claim voidRecord(Caller caller, UUID id, VoidRequest request) {
    return claims.voidClaim(caller, id, request);
  }

  @Override
  public UUID idOf(Claim claim) {
    return claim.id();
  }
}
