package org.casebook.organizations;

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

/** The API of organizations. */
public final class OrganizationRoutes implements Feature, RecordResource<Organization> {
  private final OrganizationService organizations;
  private final Requests requests;

  public OrganizationRoutes(OrganizationService organizations, Requests requests) {
    this.organizations = organizations;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(
        routes,
        requests,
        "organizations",
        "organization",
        Organization.class,
        this,
        "q",
        "case",
        "person");
  }

  @Override
  public Page<Organization> list(Caller caller, Context context, PageRequest page) {
    return organizations.list(
        caller,
        new OrganizationStore.Filter(
            context.queryParam("q"),
            Requests.optionalUuid(context, "case"),
            Requests.optionalUuid(context, "person"),
            Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public Organization get(Caller caller, UUID id) {
    return organizations.get(caller, id);
  }

  @Override
  public Organization create(Caller caller, Organization organization) {
    return organizations.create(caller, organization);
  }

  @Override
  public Organization update(Caller caller, UUID id, Organization organization) {
    return organizations.update(caller, id, organization);
  }

  @Override
  public Organization voidRecord(Caller caller, UUID id, VoidRequest request) {
    return organizations.voidOrganization(caller, id, request);
  }

  @Override
  public UUID idOf(Organization organization) {
    return organization.id();
  }
}
