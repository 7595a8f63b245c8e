package org.casebook.events;

import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.common.VoidRequest;
import org.casebook.dates.PartialDate;
import org.casebook.people.Person;
import org.casebook.people.PersonService;
import org.casebook.storage.Database;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.TestStore;
import org.casebook.vocabulary.Vocabularies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventStorageTest {
  private static final Caller EDITOR = Caller.user(UUID.fromString("00000000-0000-0000-0000-0000000000ed"), "editor", Role.ADMINISTRATOR, null);

  /** A case file, a person and a source to hang events on. */
  private record Setting(
      EventService events, CaseService cases, UUID caseId, UUID person, UUID source) {}

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createsAndReadsAnEventWithItsChildren(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      Event first = setting.events().create(EDITOR, draft(setting, "2016-07", "Post on Facebook"));
      Event second =
          setting
              .events()
              .create(EDITOR, withLinks(
                      draft(setting, "2017-01-11", "Complaint to the Prosecutor General"),
                      List.of(new EventLink("follows", first.id()))));

      assertThat(first.version()).isEqualTo(1);
      assertThat(first.audit().createdBy()).isEqualTo("editor");
      assertThat(first.violation()).isEqualTo("unknown");
      assertThat(first.participants())
          .containsExactly(
              new Participant(setting.person(), null, null, "target", "author of the post"),
              new Participant(null, null, "Unnamed pro-government NGO", "perpetrator", null));
      assertThat(first.sources()).containsExactly(setting.source());
      assertThat(second.links()).containsExactly(new EventLink("follows", first.id()));
      assertThat(setting.events().get(EDITOR, first.id())).isEqualTo(first);
      assertThat(forCase(database, setting)).containsExactly(first, second);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void filtersByCaseTypeTextAndOverlappingPartialDates(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      EventService events = setting.events();
      Event july = events.create(EDITOR, draft(setting, "2016-07", "Post on Facebook"));
      Event spanning =
          events.create(EDITOR, draft(setting, "2015/2016-03", "Online smear campaign"));
      Event before = events.create(EDITOR, draft(setting, "2015-12-31", "Threats by phone"));
      Event after =
          events.create(EDITOR, draft(setting, "2017", "Application to the Prosecutor General"));
      UUID otherCase = caseFile(setting.cases(), "Another defender");
      Event elsewhere =
          events.create(EDITOR, inCase(draft(setting, "2016-08", "Elsewhere"), otherCase));

      assertThat(list(events, filter(null, null, "2016-01", "2016-12", null)))
          .containsExactly(spanning, july, elsewhere);
      assertThat(list(events, filter(setting.caseId(), null, "2016-01", "2016-12", null)))
          .containsExactly(spanning, july);
      assertThat(list(events, filter(setting.caseId(), null, null, null, null)))
          .containsExactly(spanning, before, july, after);
      assertThat(list(events, filter(null, null, "2017-01-01", null, null))).containsExactly(after);
      assertThat(list(events, filter(null, null, null, "2015", null)))
          .containsExactly(spanning, before);
      assertThat(list(events, filter(null, "complaint-filed", null, null, "PROSECUTOR")))
          .containsExactly(after);
      assertThat(list(events, filter(null, null, null, null, "100%_"))).isEmpty();
      assertThat(
              events
                  .list(EDITOR, filter(setting.caseId(), null, null, null, null), new PageRequest(2, 3))
                  .items())
          .containsExactly(after);
      assertThat(
              events
                  .list(EDITOR, filter(setting.caseId(), null, null, null, null), new PageRequest(2, 3))
                  .total())
          .isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void updatesAndRefusesAStaleUpdateChangingNothing(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      EventService events = setting.events();
      Event created = events.create(EDITOR, draft(setting, "2016-07", "Post on Facebook"));
      Event changed =
          events.update(EDITOR, created.id(),
              retitled(created, "Post on Facebook about violence", List.of()));

      assertThat(changed.version()).isEqualTo(2);
      assertThat(changed.title()).isEqualTo("Post on Facebook about violence");
      assertThat(changed.participants()).isEmpty();
      assertThatThrownBy(
              () ->
                  events.update(EDITOR, created.id(),
                      retitled(created, "Someone else's", created.participants())))
          .isInstanceOfSatisfying(
              VersionConflict.class,
              conflict -> {
                assertThat(conflict.expectedVersion()).isEqualTo(1);
                assertThat(conflict.currentVersion()).isEqualTo(2);
              });
      assertThat(events.get(EDITOR, created.id())).isEqualTo(changed);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void voidsWithAReasonAndKeepsTheEvent(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      EventService events = setting.events();
      Event created = events.create(EDITOR, draft(setting, "2016-07", "Duplicate"));
      Event voided = events.voidEvent(EDITOR, created.id(), new VoidRequest(1, "recorded twice"));

      assertThat(voided.audit().voidReason()).isEqualTo("recorded twice");
      assertThat(events.list(EDITOR, filter(null, null, null, null, null), PageRequest.first()).total())
          .isZero();
      assertThat(
              events
                  .list(EDITOR, new EventStore.Filter(null, null, null, null, null, true),
                      PageRequest.first())
                  .items())
          .containsExactly(voided);
      assertThat(forCase(database, setting)).isEmpty();
      assertThatThrownBy(
              () -> events.update(EDITOR, created.id(), retitled(voided, "x", List.of())))
          .isInstanceOf(NoSuchRecord.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsEveryBadFieldAtOnce(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      Event bad =
          new Event(
              null,
              null,
              Confidentiality.INTERNAL,
              null,
              null,
              null,
              "rumour",
              " ",
              null,
              null,
              "Kazakhstan",
              "certain",
              List.of(
                  new Participant(setting.person(), null, "Also a name", "target", null),
                  new Participant(null, null, null, null, null),
                  new Participant(UUID.randomUUID(), null, null, "hero", null)),
              List.of(UUID.randomUUID()),
              null,
              List.of(new EventLink("inspired", UUID.randomUUID()), new EventLink(null, null)));

      assertThatThrownBy(() -> setting.events().create(EDITOR, bad))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(FieldError::field)
                      .containsExactly(
                          "case",
                          "date",
                          "type",
                          "title",
                          "country",
                          "violation",
                          "participants[0]",
                          "participants[1]",
                          "participants[1].role",
                          "participants[2].role",
                          "links[0].type",
                          "links[1].type",
                          "links[1].event",
                          "participants[2].person",
                          "sources[0]",
                          "links[0].event"));
      assertThat(
              setting
                  .events()
                  .list(EDITOR, filter(null, null, null, null, null), PageRequest.first())
                  .total())
          .isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesReferencesOutsideTheCaseFile(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      EventService events = setting.events();
      UUID otherCase = caseFile(setting.cases(), "Another defender");
      Event elsewhere =
          events.create(EDITOR, inCase(draft(setting, "2016-08", "Elsewhere"), otherCase));
      Event created = events.create(EDITOR, draft(setting, "2016-07", "Post"));
      Event linked =
          withLinks(
              created,
              List.of(
                  new EventLink("causes", elsewhere.id()), new EventLink("causes", created.id())));
      CaseFile voidedCase =
          setting.cases().voidCase(EDITOR, otherCase, new VoidRequest(1, "opened by mistake"));

      assertThatThrownBy(() -> events.update(EDITOR, created.id(), linked))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .containsExactly(
                          new FieldError(
                              "links[0].event",
                              "the event "
                                  + elsewhere.id()
                                  + " belongs to case file "
                                  + otherCase
                                  + ", not to this event's case file "
                                  + setting.caseId()),
                          new FieldError(
                              "links[1].event",
                              "is this event itself; an event cannot link to itself")));
      assertThatThrownBy(
              () -> events.create(EDITOR, inCase(draft(setting, "2016", "Late"), voidedCase.id())))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .containsExactly(
                          new FieldError("case", "no case file with id " + otherCase)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void storesHostileTextVerbatim(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      String hostile =
          "Robert'); DROP TABLE events;-- <script>alert(1)</script> 100%_! \\ \u202Eevil \"q\" Ж";
      Event created =
          setting
              .events()
              .create(EDITOR, retitled(draft(setting, "2020-05?", hostile), hostile, List.of()));

      Event read = setting.events().get(EDITOR, created.id());
      assertThat(read.title()).isEqualTo(hostile);
      assertThat(read.date()).isEqualTo(PartialDate.parse("2020-05?"));
      assertThat(list(setting.events(), filter(null, null, null, null, "100%_!")))
          .containsExactly(read);
    }
  }

  private static List<Event> forCase(Database database, Setting setting) {
    return database.jdbi().withHandle(handle -> setting.events().forCase(handle, setting.caseId()));
  }

  private static List<Event> list(EventService events, EventStore.Filter filter) {
    return events.list(EDITOR, filter, PageRequest.first()).items();
  }

  private static EventStore.Filter filter(
      UUID caseId, String type, String from, String to, String text) {
    return new EventStore.Filter(
        caseId,
        type,
        PartialDate.parseOptional(from).orElse(null),
        PartialDate.parseOptional(to).orElse(null),
        text,
        false);
  }

  private static Event draft(Setting setting, String date, String title) {
    return new Event(
        null,
        null,
        Confidentiality.PUBLIC,
        null,
        setting.caseId(),
        PartialDate.parse(date),
        date.startsWith("2017") ? "complaint-filed" : "social-media-post",
        title,
        "What happened",
        "Almaty",
        "KZ",
        null,
        List.of(
            new Participant(setting.person(), null, null, "target", "author of the post"),
            new Participant(null, null, "Unnamed pro-government NGO", "perpetrator", null)),
        List.of(setting.source()),
        null,
        List.of());
  }

  private static Event inCase(Event event, UUID caseId) {
    return new Event(
        event.id(),
        event.version(),
        event.confidentiality(),
        null,
        caseId,
        event.date(),
        event.type(),
        event.title(),
        event.description(),
        event.location(),
        event.country(),
        event.violation(),
        List.of(),
        List.of(),
        event.proceeding(),
        List.of());
  }

  private static Event withLinks(Event event, List<EventLink> links) {
    return new Event(
        event.id(),
        event.version(),
        event.confidentiality(),
        null,
        event.caseId(),
        event.date(),
        event.type(),
        event.title(),
        event.description(),
        event.location(),
        event.country(),
        event.violation(),
        event.participants(),
        event.sources(),
        event.proceeding(),
        links);
  }

  private static Event retitled(Event event, String title, List<Participant> participants) {
    return new Event(
        event.id(),
        event.version(),
        event.confidentiality(),
        null,
        event.caseId(),
        event.date(),
        event.type(),
        title,
        event.description(),
        event.location(),
        event.country(),
        "likely",
        participants,
        event.sources(),
        event.proceeding(),
        event.links());
  }

  private static Setting setting(Database database) {
    Vocabularies vocabularies = new Vocabularies(database.jdbi());
    Clock clock = Clock.systemUTC();
    CaseService cases = new CaseService(database.jdbi(), vocabularies, clock);
    Person person =
        new PersonService(database.jdbi(), vocabularies, clock)
            .create(
                EDITOR,
                new Person(
                    null,
                    null,
                    Confidentiality.PUBLIC,
                    null,
                    "Dinara Smailova",
                    List.of(),
                    "female",
                    null,
                    List.of("KZ"),
                    "defender",
                    false,
                    null));
    UUID source = UUID.randomUUID();
    database
        .jdbi()
        .useTransaction(
            handle ->
                RecordRows.insert(
                    handle,
                    "sources",
                    source,
                    null,
                    Confidentiality.PUBLIC,
                    EDITOR.actor(),
                    Instant.now(),
                    new Row()
                        .text("title", "AL KAZ 1/2024")
                        .text("kind", "un-communication")
                        .text("reliability", "unknown")));
    return new Setting(
        new EventService(database.jdbi(), vocabularies, clock),
        cases,
        caseFile(cases, "Dinara Smailova"),
        person.id(),
        source);
  }

  private static UUID caseFile(CaseService cases, String title) {
    return cases
        .create(EDITOR, new CaseFile(
                null,
                null,
                Confidentiality.PUBLIC,
                null,
                title,
                null,
                List.of("KZ"),
                "high",
                "open",
                List.of(),
                List.of(),
                List.of(),
                List.of()))
        .id();
  }
}
