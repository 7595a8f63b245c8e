package org.casebook.organizations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.access.RestrictedFields;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.RecordRows;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Organizations: validation, and each operation as one transaction. Thread-safe. */
public final class OrganizationService {
  private final Jdbi jdbi;
  private final Vocabularies vocabularies;
  private final Clock clock;
  private final Reads<Organization> reads;
  private final OrganizationStore store = new OrganizationStore();

  public OrganizationService(Jdbi jdbi, Vocabularies vocabularies, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.clock = clock;
    this.reads = new Reads<>(jdbi, clock, OrganizationStore.TABLE, OrganizationStore.KIND, Organization::withheld);
  }

  /** A organization the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public Organization get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  public Organization get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(OrganizationStore.KIND, id));
  }

  /** A page of the records the caller may see; see {@link OrganizationStore.Filter}. Needs {@link Permission#READ_RECORDS}. */
  public Page<Organization> list(Caller caller, OrganizationStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  public Organization create(Caller caller, Organization organization) {
    caller.require(Permission.WRITE_RECORDS);
    return jdbi.inTransaction(handle -> reads.afterWrite(handle, caller, get(handle, insert(handle, caller, organization))));
  }

  /**
   * Checks an organization and inserts it in the transaction of {@code handle}, for a caller that
   * writes more in the same transaction (a page that lists the new organization in a case file with
   * {@link org.casebook.cases.CaseService#createLinked}). Returns the new organization's id. Needs
   * {@link Permission#WRITE_RECORDS}.
   *
   * @throws InvalidInput naming every field in error, before anything is written
   */
  public UUID insert(Handle handle, Caller caller, Organization organization) {
    caller.require(Permission.WRITE_RECORDS);
    Checks checks = check(organization, "");
    checkMembers(handle, checks, organization, "");
    checks.throwIfAny();
    UUID id = UUID.randomUUID();
    store.insert(handle, id, null, organization, caller.actor(), clock.instant());
    return id;
  }

  public Organization update(Caller caller, UUID id, Organization organization) {
    caller.require(Permission.WRITE_RECORDS);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, OrganizationStore.TABLE, OrganizationStore.KIND, id);
          Checks checks = check(organization, "");
          checks.required("version", organization.version());
          checkMembers(handle, checks, organization, "");
          checks.throwIfAny();
          Organization changed =
              RestrictedFields.granted(handle, caller, OrganizationStore.TABLE, id)
                  ? organization
                  : organization.keepingRestrictedOf(get(handle, id));
          store.update(handle, id, changed, caller.actor(), clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  public Organization voidOrganization(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, OrganizationStore.TABLE, OrganizationStore.KIND, id);
          RecordRows.voidRecord(
              handle,
              OrganizationStore.TABLE,
              OrganizationStore.KIND,
              id,
              request.version(),
              request.reason(),
              caller.actor(),
              clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  /**
   * Inserts or updates an organization inside an import's transaction; the import has run {@link
   * #check} and {@link #checkMembers} already. An existing organization is updated at its current
   * version. Returns the internal key.
   */
  public long save(
      Handle handle,
      UUID id,
      String importKey,
      Organization organization,
      Actor actor,
      boolean exists) {
    if (!exists) {
      return store.insert(handle, id, importKey, organization, actor, clock.instant());
    }
    int version =
        RecordRows.currentVersion(handle, OrganizationStore.TABLE, OrganizationStore.KIND, id);
    return store.update(
        handle,
        id,
        organization.withHeader(id, version, organization.confidentiality(), null),
        actor,
        clock.instant());
  }

  /** The field errors of an organization's own fields, with paths below {@code prefix}. */
  public Checks check(Organization organization, String prefix) {
    if (organization == null) {
      throw new InvalidInput(prefix.isEmpty() ? "body" : prefix, "is empty");
    }
    Checks checks = new Checks();
    checks.requiredText(prefix + "name", organization.name(), 500);
    checks.each(
        prefix + "other_names",
        organization.otherNames(),
        (path, name) -> {
          checks.requiredText(path + ".name", name.name(), 500);
          checks.required(path + ".kind", name.kind());
          vocabularies.check(checks, path + ".kind", Vocabularies.NAME_KIND, name.kind());
          checks.language(path + ".language", name.language());
        });
    vocabularies.check(
        checks, prefix + "kind", Vocabularies.ORGANIZATION_KIND, organization.kind());
    checks.country(prefix + "country", organization.country());
    checks.each(
        prefix + "registrations",
        organization.registrations(),
        (path, registration) -> {
          checks.requiredText(path + ".authority", registration.authority(), 500);
          checks.country(path + ".country", registration.country());
          checks.optionalText(path + ".number", registration.number(), 200);
          checks.required(path + ".outcome", registration.outcome());
          vocabularies.check(
              checks, path + ".outcome", Vocabularies.REGISTRATION_OUTCOME, registration.outcome());
        });
    checks.each(
        prefix + "memberships",
        organization.memberships(),
        (path, membership) -> {
          checks.required(path + ".person", membership.person());
          checks.required(path + ".role", membership.role());
          vocabularies.check(
              checks, path + ".role", Vocabularies.MEMBERSHIP_ROLE, membership.role());
          checkPeriod(checks, path, membership.start(), membership.end());
        });
    checks.optionalText(prefix + "notes", organization.notes(), 100_000);
    return checks;
  }

  /** Checks that every member named exists and is not voided. */
  public void checkMembers(Handle handle, Checks checks, Organization organization, String prefix) {
    checks.each(
        prefix + "memberships",
        organization.memberships(),
        (path, membership) -> {
          UUID person = membership.person();
          if (person != null && !OrganizationStore.livePersonExists(handle, person)) {
            checks.add(path + ".person", "no person with id " + person);
          }
        });
  }

  /**
   * Refuses a membership that certainly ends before it starts: the last day its end can denote is
   * before the first day its start can denote. Uncertain overlaps are allowed.
   */
  private static void checkPeriod(Checks checks, String path, PartialDate start, PartialDate end) {
    if (start == null || end == null) {
      return;
    }
    Optional<LocalDate> earliestStart = start.earliest();
    Optional<LocalDate> latestEnd = end.latest();
    if (earliestStart.isPresent()
        && latestEnd.isPresent()
        && latestEnd.get().isBefore(earliestStart.get())) {
      checks.add(
          path + ".end",
          "is "
              + end.toEdtf()
              + ", before the start "
              + start.toEdtf()
              + "; a membership cannot end before it starts");
    }
  }
}
