package org.casebook.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Visibility;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.people.PersonStore;
import org.casebook.organizations.OrganizationStore;
import org.casebook.sources.SourceStore;
import org.casebook.cases.CaseFile;
import org.casebook.common.Confidentiality;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Redaction;
import org.casebook.common.Recorded;
import org.casebook.events.Event;
import org.casebook.events.Participant;
import org.casebook.organizations.Organization;
import org.casebook.people.Person;
import org.casebook.proceedings.Party;
import org.casebook.proceedings.Proceeding;
import org.casebook.sources.Source;
import org.casebook.transfer.RecordServices;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The public view of published case files: a case file marked public and not voided, with only its
 * public records. A protected person is never named; a reference to a record that is not public
 * (a restricted participant, an internal organization) is shown as {@link Redaction#MARK} where it
 * stands; the {@code notes} of persons, organizations and proceedings, which hold restricted
 * content, are never published. A case file that is not
 * published is answered exactly like one that does not exist.
 *
 * <p>Needs no sign-in; thread-safe. A case file's persons, organizations and sources are read in
 * one query each, whatever their number (up to {@link Page#MAX_SIZE} of each).
 */
public final class PublicationService {
  private static final String CASE_KIND = "published case file";

  private final Jdbi jdbi;
  private final RecordServices records;

  public PublicationService(Jdbi jdbi, RecordServices records) {
    this.jdbi = jdbi;
    this.records = records;
  }

  /** Every published case file, by title. */
  public List<PublicCase.Summary> publishedCases() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT public_id, title, countries, status FROM case_files"
                        + " WHERE confidentiality = 'public' AND voided_at IS NULL ORDER BY LOWER(title), id")
                .map(
                    (row, context) ->
                        new PublicCase.Summary(
                            row.getObject("public_id", UUID.class),
                            row.getString("title"),
                            row.getString("countries").isEmpty()
                                ? List.of()
                                : List.of(row.getString("countries").split(",")),
                            row.getString("status")))
                .list());
  }

  /** A published case file with its public records and the redactions. */
  public PublicCase publishedCase(UUID caseId) {
    return jdbi.inTransaction(handle -> publishedCase(handle, caseId));
  }

  private PublicCase publishedCase(Handle handle, UUID caseId) {
    CaseFile caseFile;
    try {
      caseFile = records.cases().get(handle, caseId);
    } catch (NoSuchRecord e) {
      throw new NoSuchRecord(CASE_KIND, caseId);
    }
    if (!isPublic(caseFile)) {
      throw new NoSuchRecord(CASE_KIND, caseId);
    }
    Visibility all = new Visibility(Caller.system("publication"));
    PageRequest everything = new PageRequest(1, Page.MAX_SIZE);
    Map<UUID, PublicCase.Party> parties = new LinkedHashMap<>();
    for (Person person : new PersonStore().list(handle, new PersonStore.Filter(null, caseId, false), all, everything)) {
      parties.put(person.id(), person(person));
    }
    for (Organization organization :
        new OrganizationStore().list(handle, new OrganizationStore.Filter(null, caseId, null, false), all, everything)) {
      parties.put(organization.id(), organization(organization));
    }
    Map<UUID, Source> sources = new HashMap<>();
    for (Source source : new SourceStore().list(handle, new SourceStore.Filter(null, caseId, null, false), all, everything)) {
      sources.put(source.id(), source);
    }
    List<PublicCase.Event> events =
        records.events().forCase(handle, caseId).stream()
            .filter(PublicationService::isPublic)
            .map(event -> event(event, parties, sources))
            .toList();
    List<PublicCase.Proceeding> proceedings =
        records.proceedings().forCase(handle, caseId).stream()
            .filter(PublicationService::isPublic)
            .map(proceeding -> proceeding(proceeding, parties))
            .toList();
    return new PublicCase(
        caseFile.id(),
        caseFile.title(),
        caseFile.summary(),
        caseFile.countries(),
        caseFile.risk(),
        caseFile.status(),
        caseFile.subjects().stream().map(id -> party(parties, id)).toList(),
        shown(caseFile.persons(), parties),
        shown(caseFile.organizations(), parties),
        events,
        proceedings,
        sources.values().stream()
            .filter(PublicationService::isPublic)
            .sorted(java.util.Comparator.comparing(Source::title))
            .map(PublicationService::source)
            .toList());
  }

  /** The published persons or organizations among {@code ids}; withheld ones keep their place. */
  private static List<PublicCase.Party> shown(List<UUID> ids, Map<UUID, PublicCase.Party> parties) {
    List<PublicCase.Party> shown = new ArrayList<>();
    for (UUID id : ids) {
      shown.add(party(parties, id));
    }
    return shown;
  }

  private static PublicCase.Party party(Map<UUID, PublicCase.Party> parties, UUID id) {
    PublicCase.Party party = parties.get(id);
    return party == null ? withheld() : party;
  }

  private static PublicCase.Party withheld() {
    return new PublicCase.Party(null, Redaction.MARK, List.of(), true);
  }

  private static PublicCase.Party person(Person person) {
    if (!isPublic(person) || person.isProtected()) {
      return withheld();
    }
    return new PublicCase.Party(
        person.id(), person.name(), person.otherNames().stream().map(name -> name.name()).toList(), false);
  }

  private static PublicCase.Party organization(Organization organization) {
    if (!isPublic(organization)) {
      return withheld();
    }
    return new PublicCase.Party(
        organization.id(),
        organization.name(),
        organization.otherNames().stream().map(name -> name.name()).toList(),
        false);
  }

  private static PublicCase.Event event(Event event, Map<UUID, PublicCase.Party> parties, Map<UUID, Source> sources) {
    List<PublicCase.Role> participants = new ArrayList<>();
    for (Participant participant : event.participants()) {
      participants.add(new PublicCase.Role(nameOf(participant.person(), participant.organization(), participant.name(), parties), participant.role()));
    }
    return new PublicCase.Event(
        event.id(),
        event.date(),
        event.type(),
        event.title(),
        event.description(),
        event.location(),
        event.country(),
        event.violation(),
        participants,
        event.sources().stream().filter(id -> sources.containsKey(id) && isPublic(sources.get(id))).toList());
  }

  private static PublicCase.Proceeding proceeding(Proceeding proceeding, Map<UUID, PublicCase.Party> parties) {
    List<PublicCase.Role> roles = new ArrayList<>();
    for (Party party : proceeding.parties()) {
      roles.add(new PublicCase.Role(nameOf(party.person(), party.organization(), party.name(), parties), party.role()));
    }
    return new PublicCase.Proceeding(
        proceeding.id(),
        proceeding.kind(),
        proceeding.title(),
        proceeding.authority(),
        proceeding.jurisdiction(),
        proceeding.charges().stream().map(charge -> new PublicCase.Charge(charge.citation(), charge.title())).toList(),
        roles,
        proceeding.history().stream()
            .map(change -> new PublicCase.StatusChange(change.date(), change.status(), change.note()))
            .toList(),
        proceeding.outcome() == null ? null : proceeding.outcome().summary());
  }

  /**
   * The published name of a participant or party: a public person's or organization's name, a
   * free-text name as written, or the mark for anyone withheld.
   */
  private static String nameOf(UUID person, UUID organization, String freeText, Map<UUID, PublicCase.Party> parties) {
    UUID id = person != null ? person : organization;
    if (id == null) {
      return freeText;
    }
    return party(parties, id).name();
  }

  private static PublicCase.Source source(Source source) {
    return new PublicCase.Source(
        source.id(), source.title(), source.kind(), source.publisher(), source.date(), source.language(),
        source.url(), source.reliability());
  }

  private static boolean isPublic(Recorded record) {
    return record.confidentiality() == Confidentiality.PUBLIC && !record.isVoided();
  }
}
