package org.casebook.events;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casebook.cases.CaseStore;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.storage.RecordRows;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Events: validation, and each operation as one transaction. Thread-safe. */
public final class EventService {
  private final Jdbi jdbi;
  private final Vocabularies vocabularies;
  private final Clock clock;
  private final Reads<Event> reads;
  private final EventStore store = new EventStore();

  public EventService(Jdbi jdbi, Vocabularies vocabularies, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.clock = clock;
    this.reads = new Reads<>(jdbi, clock, EventStore.TABLE, EventStore.KIND, null);
  }

  /** A event the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public Event get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  public Event get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(EventStore.KIND, id));
  }

  /** A page of the records the caller may see; see {@link EventStore.Filter}. Needs {@link Permission#READ_RECORDS}. */
  public Page<Event> list(Caller caller, EventStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  /** Every live event of a case file in chronological order, for the chronology and the export. */
  public List<Event> forCase(Handle handle, UUID caseId) {
    return store.forCase(handle, caseId);
  }

  public Event create(Caller caller, Event event) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(event);
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          Checks checks = check(event, "");
          checkReferences(handle, checks, event, "");
          if (event.caseId() != null
              && RecordRows.isLive(handle, CaseStore.TABLE, event.caseId())
              && !new Visibility(caller).isVisible(handle, CaseStore.TABLE, event.caseId())) {
            checks.add("case", "no case file with id " + event.caseId());
          }
          checks.throwIfAny();
          Guard.requireCaseWrite(handle, caller, event.caseId());
          store.insert(handle, id, null, event, caller.actor(), clock.instant());
          return get(handle, id);
        });
  }

  /** Updates an event based on {@code event.version()}; a stale version changes nothing. */
  public Event update(Caller caller, UUID id, Event event) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(event);
    Event identified = event.withHeader(id, event.version(), event.confidentiality(), null);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireVisible(handle, caller, EventStore.TABLE, EventStore.KIND, id);
          Guard.requireCaseWrite(handle, caller, get(handle, id).caseId());
          if (event.caseId() != null) {
            Guard.requireCaseWrite(handle, caller, event.caseId());
          }
          Checks checks = check(identified, "");
          checks.required("version", identified.version());
          checkReferences(handle, checks, identified, "");
          checks.throwIfAny();
          store.update(handle, id, identified, caller.actor(), clock.instant());
          return get(handle, id);
        });
  }

  public Event voidEvent(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireVisible(handle, caller, EventStore.TABLE, EventStore.KIND, id);
          Guard.requireCaseWrite(handle, caller, get(handle, id).caseId());
          RecordRows.voidRecord(
              handle,
              EventStore.TABLE,
              EventStore.KIND,
              id,
              request.version(),
              request.reason(),
              caller.actor(),
              clock.instant());
          return get(handle, id);
        });
  }

  /**
   * Inserts or updates an event inside an import's transaction; the import has checked the record
   * with {@link #check} and {@link #checkReferences} already. An update is made at the current
   * version. Returns the internal key.
   */
  public long save(
      Handle handle, UUID id, String importKey, Event event, Actor actor, boolean exists) {
    if (!exists) {
      return store.insert(handle, id, importKey, event, actor, clock.instant());
    }
    int version = RecordRows.currentVersion(handle, EventStore.TABLE, EventStore.KIND, id);
    return store.update(
        handle,
        id,
        event.withHeader(id, version, event.confidentiality(), null),
        actor,
        clock.instant());
  }

  /** The errors of an event's own fields, with paths below {@code prefix} (such as events[4].). */
  public Checks check(Event event, String prefix) {
    Checks checks = new Checks();
    checks.required(prefix + "case", event.caseId());
    checks.required(prefix + "date", event.date());
    checks.required(prefix + "type", event.type());
    vocabularies.check(checks, prefix + "type", Vocabularies.EVENT_TYPE, event.type());
    checks.requiredText(prefix + "title", event.title(), 1000);
    checks.optionalText(prefix + "description", event.description(), 100_000);
    checks.optionalText(prefix + "location", event.location(), 500);
    checks.country(prefix + "country", event.country());
    vocabularies.check(
        checks, prefix + "violation", Vocabularies.VIOLATION_STATUS, event.violation());
    checks.each(
        prefix + "participants",
        event.participants(),
        (path, participant) -> checkParticipant(checks, path, participant));
    checks.each(prefix + "sources", event.sources(), (path, source) -> {});
    checks.each(
        prefix + "links",
        event.links(),
        (path, link) -> {
          checks.required(path + ".type", link.type());
          vocabularies.check(checks, path + ".type", Vocabularies.EVENT_LINK, link.type());
          checks.required(path + ".event", link.event());
        });
    return checks;
  }

  private void checkParticipant(Checks checks, String path, Participant participant) {
    boolean named = participant.name() != null && !participant.name().isBlank();
    int given =
        (participant.person() == null ? 0 : 1)
            + (participant.organization() == null ? 0 : 1)
            + (named ? 1 : 0);
    if (given != 1) {
      checks.add(
          path, "names " + given + " actors; give exactly one of person, organization or name");
    }
    checks.optionalText(path + ".name", participant.name(), 500);
    checks.required(path + ".role", participant.role());
    vocabularies.check(checks, path + ".role", Vocabularies.PARTICIPANT_ROLE, participant.role());
    checks.optionalText(path + ".note", participant.note(), 2000);
  }

  /**
   * The errors that need the database: the case file must be live; the persons, organizations,
   * sources and the proceeding must exist; the proceeding and every linked event must belong to the
   * event's case file; an event cannot link to itself.
   */
  public void checkReferences(Handle handle, Checks checks, Event event, String prefix) {
    if (event.caseId() != null && !RecordRows.isLive(handle, CaseStore.TABLE, event.caseId())) {
      checks.add(prefix + "case", "no case file with id " + event.caseId());
    }
    eachPresent(
        prefix + "participants",
        event.participants(),
        (path, participant) -> {
          exists(handle, checks, path + ".person", "persons", "person", participant.person());
          exists(
              handle,
              checks,
              path + ".organization",
              "organizations",
              "organization",
              participant.organization());
        });
    eachPresent(
        prefix + "sources",
        event.sources(),
        (path, source) -> exists(handle, checks, path, "sources", "source", source));
    if (event.proceeding() != null) {
      sameCase(
          handle,
          checks,
          prefix + "proceeding",
          ProceedingStore.TABLE,
          "proceeding",
          event.proceeding(),
          event);
    }
    eachPresent(
        prefix + "links",
        event.links(),
        (path, link) -> {
          if (link.event() != null && link.event().equals(event.id())) {
            checks.add(path + ".event", "is this event itself; an event cannot link to itself");
          } else if (link.event() != null) {
            sameCase(
                handle, checks, path + ".event", EventStore.TABLE, "event", link.event(), event);
          }
        });
  }

  /** Runs {@code check} on each element that is present; {@link #check} reports missing ones. */
  private static <T> void eachPresent(String field, List<T> items, Checks.ElementCheck<T> check) {
    for (int index = 0; index < items.size(); index++) {
      if (items.get(index) != null) {
        check.check(field + "[" + index + "]", items.get(index));
      }
    }
  }

  private static void exists(
      Handle handle, Checks checks, String field, String table, String kind, UUID id) {
    if (id != null && !RecordRows.isLive(handle, table, id)) {
      checks.add(field, "no " + kind + " with id " + id);
    }
  }

  /** Checks that a live record of {@code table} exists and belongs to the event's case file. */
  private static void sameCase(
      Handle handle, Checks checks, String field, String table, String kind, UUID id, Event event) {
    Optional<UUID> caseId = EventStore.caseOfLive(handle, table, id);
    if (caseId.isEmpty()) {
      checks.add(field, "no " + kind + " with id " + id);
    } else if (event.caseId() != null && !caseId.get().equals(event.caseId())) {
      checks.add(
          field,
          "the "
              + kind
              + " "
              + id
              + " belongs to case file "
              + caseId.get()
              + ", not to this event's case file "
              + event.caseId());
    }
  }

  private static void requireBody(Event event) {
    if (event == null) {
      throw new InvalidInput("body", "is empty");
    }
  }
}
