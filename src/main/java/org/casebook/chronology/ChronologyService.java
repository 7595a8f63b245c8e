package org.casebook.chronology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.ReadAudit;
import org.casebook.access.Visibility;
import org.casebook.cases.CaseStore;
import org.casebook.common.Confidentiality;
import org.casebook.dates.PartialDate;
import org.casebook.events.Event;
import org.casebook.events.EventService;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.ProceedingService;
import org.casebook.proceedings.StatusChange;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The chronology of a case file: its events and its proceedings' status changes merged into one
 * list in the order of {@link PartialDate#compareTo} (a month before the days of that month, a
 * range by its start). Items at the same date keep a stable order: events before status changes,
 * then by title. Thread-safe.
 */
public final class ChronologyService {
  /** Which items to list; null fields do not filter. */
  public record Filter(Set<String> types, PartialDate from, PartialDate to) {
    public static final Filter ALL = new Filter(Set.of(), null, null);
  }

  private static final Comparator<ChronologyItem> ORDER =
      Comparator.comparing(ChronologyItem::date)
          .thenComparing(item -> item.kind().equals(ChronologyItem.EVENT) ? 0 : 1)
          .thenComparing(ChronologyItem::title)
          .thenComparing(item -> item.id().toString());

  private final Jdbi jdbi;
  private final EventService events;
  private final ProceedingService proceedings;
  private final Vocabularies vocabularies;
  private final java.time.Clock clock;

  public ChronologyService(
      Jdbi jdbi, EventService events, ProceedingService proceedings, Vocabularies vocabularies, java.time.Clock clock) {
    this.clock = clock;
    this.jdbi = jdbi;
    this.events = events;
    this.proceedings = proceedings;
    this.vocabularies = vocabularies;
  }

  /**
   * The chronology of the case file {@code caseId} as the caller may see it: restricted events and
   * proceedings appear only to callers with the restricted grant on the case, and only the sources
   * the caller may see are named. Needs {@link Permission#READ_RECORDS}.
   */
  public List<ChronologyItem> chronology(Caller caller, UUID caseId, Filter filter) {
    caller.require(Permission.READ_RECORDS);
    return jdbi.inTransaction(handle -> chronology(handle, caller, caseId, filter));
  }

  private List<ChronologyItem> chronology(Handle handle, Caller caller, UUID caseId, Filter filter) {
    Guard.requireVisible(handle, caller, CaseStore.TABLE, CaseStore.KIND, caseId);
    boolean granted = Guard.hasRestrictedGrant(handle, caller, caseId);
    List<Event> caseEvents =
        events.forCase(handle, caseId).stream()
            .filter(event -> !event.audit().voided())
            .filter(event -> granted || event.confidentiality() != Confidentiality.RESTRICTED)
            .toList();
    List<Proceeding> caseProceedings =
        proceedings.forCase(handle, caseId).stream()
            .filter(proceeding -> !proceeding.audit().voided())
            .filter(proceeding -> granted || proceeding.confidentiality() != Confidentiality.RESTRICTED)
            .toList();
    ReadAudit.restricted(handle, caller, clock, "events", caseEvents);
    ReadAudit.restricted(handle, caller, clock, "proceedings", caseProceedings);
    Map<UUID, String> sourceTitles = sourceTitles(handle, new Visibility(caller), caseEvents, caseProceedings);
    Map<UUID, String> proceedingTitles = new HashMap<>();
    caseProceedings.forEach(proceeding -> proceedingTitles.put(proceeding.id(), proceeding.title()));

    List<ChronologyItem> items = new ArrayList<>();
    for (Event event : caseEvents) {
      items.add(
          new ChronologyItem(
              ChronologyItem.EVENT,
              event.id(),
              event.date(),
              event.date().format(Locale.ENGLISH),
              event.type(),
              vocabularies.label(Vocabularies.EVENT_TYPE, event.type(), false),
              event.title(),
              event.proceeding() == null
                  ? null
                  : new ChronologyItem.ProceedingRef(event.proceeding(), proceedingTitles.get(event.proceeding())),
              sources(event.sources(), sourceTitles),
              event.confidentiality()));
    }
    for (Proceeding proceeding : caseProceedings) {
      for (StatusChange change : proceeding.history()) {
        String label = vocabularies.label(Vocabularies.PROCEEDING_STATUS, change.status(), false);
        items.add(
            new ChronologyItem(
                ChronologyItem.STATUS_CHANGE,
                proceeding.id(),
                change.date(),
                change.date().format(Locale.ENGLISH),
                change.status(),
                label,
                proceeding.title() + ": " + label.toLowerCase(Locale.ENGLISH),
                new ChronologyItem.ProceedingRef(proceeding.id(), proceeding.title()),
                sources(change.sources(), sourceTitles),
                proceeding.confidentiality()));
      }
    }
    return items.stream().filter(item -> matches(item, filter)).sorted(ORDER).toList();
  }

  private static boolean matches(ChronologyItem item, Filter filter) {
    if (!filter.types().isEmpty() && !filter.types().contains(item.type())) {
      return false;
    }
    if (filter.from() != null) {
      LocalDate from = filter.from().earliest().orElse(LocalDate.MIN);
      LocalDate latest = item.date().latest().orElse(LocalDate.MAX);
      if (latest.isBefore(from)) {
        return false;
      }
    }
    if (filter.to() != null) {
      LocalDate to = filter.to().latest().orElse(LocalDate.MAX);
      LocalDate earliest = item.date().earliest().orElse(LocalDate.MIN);
      if (earliest.isAfter(to)) {
        return false;
      }
    }
    return true;
  }

  /** The sources the caller may see, by title; the others are left out. */
  private static List<ChronologyItem.SourceRef> sources(List<UUID> ids, Map<UUID, String> titles) {
    return ids.stream()
        .filter(titles::containsKey)
        .map(id -> new ChronologyItem.SourceRef(id, titles.get(id)))
        .toList();
  }

  /** The titles of the sources the items cite that the caller may see, in one query. */
  private static Map<UUID, String> sourceTitles(
      Handle handle, Visibility visibility, List<Event> events, List<Proceeding> proceedings) {
    Set<UUID> ids = new LinkedHashSet<>();
    events.forEach(event -> ids.addAll(event.sources()));
    proceedings.forEach(proceeding -> proceeding.history().forEach(change -> ids.addAll(change.sources())));
    Map<UUID, String> titles = new HashMap<>();
    if (ids.isEmpty()) {
      return titles;
    }
    Map<String, Object> parameters = new java.util.LinkedHashMap<>();
    String visible = visibility.condition("sources", "s", parameters);
    handle
        .createQuery("SELECT s.public_id, s.title FROM sources s WHERE s.public_id IN (<ids>) AND " + visible)
        .bindList("ids", List.copyOf(ids))
        .bindMap(parameters)
        .map(
            (row, context) -> {
              titles.put(row.getObject("public_id", UUID.class), row.getString("title"));
              return null;
            })
        .list();
    return titles;
  }
}
