package org.casebook.transfer;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.catalogue.Citation;
import org.casebook.common.Actor;
import org.casebook.communications.Claim;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationService;
import org.casebook.communications.Reply;
import org.casebook.events.Event;
import org.casebook.organizations.Organization;
import org.casebook.people.Person;
import org.casebook.people.Relationship;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Proceeding;
import org.casebook.sources.FileStore;
import org.casebook.sources.Source;
import org.jdbi.v3.core.Handle;

/**
 * Writes a checked {@link CaseDocument} inside the import's transaction, in the order references
 * need: persons, organizations, relationships, sources, the case file, proceedings, then events
 * (first without their links, which may point forward, then with them). A record equal to what
 * is stored is left at its version.
 */
final class DocumentWriter {
  private final Handle handle;
  private final RecordServices services;
  private final Actor actor;
  private final Progress progress;
  private int created;
  private int updated;
  private int unchanged;
  private long done;
  private long total;

  DocumentWriter(Handle handle, RecordServices services, Actor actor, Progress progress) {
    this.handle = handle;
    this.services = services;
    this.actor = actor;
    this.progress = progress;
  }

  ImportResult write(CaseDocument document) {
    total = document.size();
    for (var entry : document.persons()) {
      Keys.Target target = entry.target();
      Person person = entry.record();
      if (changed(target, () -> normalize(services.persons().get(handle, target.id())), () -> normalize(person))) {
        services.persons().save(handle, target.id(), target.importKey(), person, actor, target.exists());
      }
      step(target, "persons");
    }
    for (var entry : document.organizations()) {
      Keys.Target target = entry.target();
      Organization organization = entry.record();
      if (changed(target, () -> normalize(services.organizations().get(handle, target.id())), () -> normalize(organization))) {
        services.organizations().save(handle, target.id(), target.importKey(), organization, actor, target.exists());
      }
      step(target, "organizations");
    }
    for (var entry : document.relationships()) {
      Keys.Target target = entry.target();
      Relationship relationship = entry.record();
      if (changed(target, () -> normalize(services.relationships().get(handle, target.id())), () -> normalize(relationship))) {
        services.relationships().save(handle, target.id(), target.importKey(), relationship, actor);
      }
      step(target, "relationships");
    }
    for (var entry : document.sources()) {
      Keys.Target target = entry.target();
      if (changed(target, () -> normalize(services.sources().get(handle, target.id()), null), () -> normalize(entry.record(), entry.file()))) {
        services.sources().save(handle, target.id(), target.importKey(), entry.record(), entry.file(), actor, target.exists());
      }
      step(target, "sources");
    }
    var caseEntry = document.caseFile();
    Keys.Target caseTarget = caseEntry.target();
    if (changed(caseTarget, () -> normalize(services.cases().get(handle, caseTarget.id())), () -> normalize(caseEntry.record()))) {
      services.cases().save(handle, caseTarget.id(), caseTarget.importKey(), caseEntry.record(), actor, caseTarget.exists());
    }
    step(caseTarget, "case_files");
    for (var entry : document.proceedings()) {
      Keys.Target target = entry.target();
      Proceeding proceeding = entry.record();
      if (changed(target, () -> normalize(services.proceedings().get(handle, target.id())), () -> normalize(proceeding))) {
        services.proceedings().save(handle, target.id(), target.importKey(), proceeding, actor, target.exists());
      }
      step(target, "proceedings");
    }
    writeEvents(document.events());
    writeCommunications(document.communications(), caseTarget.id());
    return new ImportResult(caseTarget.id(), caseTarget.importKey(), created, updated, unchanged);
  }

  private void writeEvents(List<CaseDocument.Entry<Event>> events) {
    List<CaseDocument.Entry<Event>> toLink = new java.util.ArrayList<>();
    for (var entry : events) {
      Keys.Target target = entry.target();
      Event event = entry.record();
      if (!changed(target, () -> normalize(services.events().get(handle, target.id())), () -> normalize(event))) {
        step(target, "events");
        continue;
      }
      Event withoutLinks = withLinks(event, List.of());
      services.events().save(handle, target.id(), target.importKey(), withoutLinks, actor, target.exists());
      if (!event.links().isEmpty()) {
        toLink.add(entry);
      }
      step(target, "events");
    }
    for (var entry : toLink) {
      Keys.Target target = entry.target();
      services.events().save(handle, target.id(), target.importKey(), entry.record(), actor, true);
      markImported("events", target.id());
    }
  }

  /**
   * Writes the communications (first without their relations to each other, which may point
   * forward, then with them), then their replies and claims.
   */
  private void writeCommunications(List<CaseDocument.CommunicationEntry> communications, UUID caseId) {
    CommunicationService service = services.communications();
    Set<UUID> inDocument = new HashSet<>();
    communications.forEach(entry -> inDocument.add(entry.target().id()));
    List<CaseDocument.CommunicationEntry> toRelate = new java.util.ArrayList<>();
    for (var entry : communications) {
      Keys.Target target = entry.target();
      Communication communication = entry.record();
      if (changed(target, () -> service.comparable(service.get(handle, target.id()), inDocument),
          () -> service.comparable(communication, inDocument))) {
        boolean related = communication.followUpOf() != null || !communication.related().isEmpty();
        service.save(handle, target.id(), target.importKey(),
            related ? communication.withRelations(null, List.of()) : communication, caseId, actor, target.exists(), inDocument);
        if (related) {
          toRelate.add(entry);
        }
      }
      step(target, "communications");
    }
    for (var entry : toRelate) {
      Keys.Target target = entry.target();
      service.save(handle, target.id(), target.importKey(), entry.record(), caseId, actor, true, inDocument);
      markImported("communications", target.id());
    }
    for (var communication : communications) {
      for (var entry : communication.replies()) {
        Keys.Target target = entry.target();
        Reply reply = entry.record().withDefaults();
        if (changed(target, () -> normalize(services.replies().get(handle, target.id())), () -> normalize(reply))) {
          services.replies().save(handle, target.id(), target.importKey(), reply, actor, target.exists());
        }
        step(target, "replies");
      }
    }
    for (var communication : communications) {
      for (var entry : communication.claims()) {
        Keys.Target target = entry.target();
        Claim claim = entry.record();
        if (changed(target, () -> normalize(services.claims().get(handle, target.id())), () -> normalize(claim))) {
          services.claims().save(handle, target.id(), target.importKey(), claim, actor, target.exists());
        }
        step(target, "claims");
      }
    }
  }

  private static Reply normalize(Reply reply) {
    return reply.withHeader(null, null, reply.confidentiality(), null);
  }

  private static Claim normalize(Claim claim) {
    return claim.withHeader(null, null, claim.confidentiality(), null);
  }

  private boolean changed(Keys.Target target, java.util.function.Supplier<Object> stored, java.util.function.Supplier<Object> read) {
    if (!target.exists()) {
      created++;
      return true;
    }
    if (Objects.equals(stored.get(), read.get())) {
      unchanged++;
      return false;
    }
    updated++;
    return true;
  }

  private void step(Keys.Target target, String table) {
    markImported(table, target.id());
    progress.report("writing", ++done, total);
  }

  /** Remembers the version the import wrote, so that a later edit in Casebook can be noticed. */
  private void markImported(String table, UUID id) {
    handle
        .createUpdate("UPDATE " + table + " SET imported_version = version WHERE public_id = :id")
        .bind("id", id)
        .execute();
  }

  private static Person normalize(Person person) {
    return person.withHeader(null, null, person.confidentiality(), null);
  }

  private static Organization normalize(Organization organization) {
    return organization.withHeader(null, null, organization.confidentiality(), null);
  }

  private static Relationship normalize(Relationship relationship) {
    return relationship.withHeader(null, null, relationship.confidentiality(), null);
  }

  /** A source as compared: its own fields, and the hash of its content instead of the content. */
  private static Source normalize(Source source, byte[] file) {
    String sha256 = source.sha256();
    if (file != null) {
      sha256 = FileStore.sha256(file);
    } else if (sha256 == null && source.text() != null) {
      sha256 = FileStore.sha256(source.text().getBytes(StandardCharsets.UTF_8));
    }
    return new Source(
        null, null, source.confidentiality(), null, source.title(), source.kind(), source.publisher(),
        source.date(), source.language(), source.url(), source.reliability(), source.fileName(), sha256, null);
  }

  private static Object normalize(CaseFile caseFile) {
    return List.of(
        caseFile.withHeader(null, null, caseFile.confidentiality(), null).withLinks(List.of(), List.of(), List.of(), List.of()),
        new HashSet<>(caseFile.subjects()),
        new HashSet<>(caseFile.persons()),
        new HashSet<>(caseFile.organizations()),
        new HashSet<>(caseFile.sources()));
  }

  private static Proceeding normalize(Proceeding proceeding) {
    List<Charge> charges =
        proceeding.charges().stream()
            .map(charge -> Charge.of(Citation.parse(charge.citation(), "charges").toString()))
            .toList();
    Proceeding bare = proceeding.withHeader(null, null, proceeding.confidentiality(), null);
    return new Proceeding(
        null, null, bare.confidentiality(), null, bare.caseId(), bare.kind(), bare.title(), bare.authority(),
        bare.jurisdiction(), bare.number(), charges, bare.parties(), bare.history(), bare.outcome(), bare.notes());
  }

  private static Event normalize(Event event) {
    return event.withHeader(null, null, event.confidentiality(), null);
  }

  private static Event withLinks(Event event, List<org.casebook.events.EventLink> links) {
    return new Event(
        event.id(), event.version(), event.confidentiality(), event.audit(), event.caseId(), event.date(),
        event.type(), event.title(), event.description(), event.location(), event.country(), event.violation(),
        event.participants(), event.sources(), event.proceeding(), links);
  }
}
