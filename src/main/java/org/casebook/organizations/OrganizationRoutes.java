package org.casebook.organizations;

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
  public Page<Organization> list(Context context, PageRequest page) {
    return organizations.list(
        new OrganizationStore.Filter(
            context.queryParam("q"),
            Requests.optionalUuid(context, "case"),
            Requests.optionalUuid(context, "person"),
            Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public Organization get(UUID id) {
    return organizations.get(id);
  }

  @Override
  public Organization create(Organization organization, Actor actor) {
    return organizations.create(organization, actor);
  }

  @Override
  public Organization update(UUID id, Organization organization, Actor actor) {
    return organizations.update(id, organization, actor);
  }

  @Override
  public Organization voidRecord(UUID id, VoidRequest request, Actor actor) {
    return organizations.voidOrganization(id, request, actor);
  }

  @Override
  public UUID idOf(Organization organization) {
    return organization.id();
  }
}
