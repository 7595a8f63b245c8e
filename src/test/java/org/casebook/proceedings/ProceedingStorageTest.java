package org.casebook.proceedings;

import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.catalogue.CatalogueService;
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

class ProceedingStorageTest {
  private static final Caller EDITOR = Caller.user(UUID.fromString("00000000-0000-0000-0000-0000000000ed"), "editor", Role.ADMINISTRATOR, null);
  private static final String FALSE_INFORMATION = "Dissemination of knowingly false information";

  /** A case file, a person and a source to hang proceedings on. */
  private record Setting(
      ProceedingService proceedings, CaseService cases, UUID caseId, UUID person, UUID source) {}

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createsAndReadsChargesPartiesHistoryAndOutcome(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      Proceeding created = setting.proceedings().create(EDITOR, draft(setting, "Criminal case 1"));

      assertThat(created.version()).isEqualTo(1);
      assertThat(created.caseId()).isEqualTo(setting.caseId());
      assertThat(created.charges())
          .containsExactly(
              new Charge("KZ-CC 274(2)(3)", FALSE_INFORMATION, null),
              new Charge("KZ-CC 190(4)(2)", "Fraud", new BigDecimal("10.00")));
      assertThat(created.parties())
          .containsExactly(
              new Party(setting.person(), null, null, "suspect"),
              new Party(null, null, "Investigator of the Almaty police", "investigator"));
      assertThat(created.history())
          .containsExactly(
              new StatusChange(
                  PartialDate.parse("2017-02"), "opened", null, List.of(setting.source())),
              new StatusChange(
                  PartialDate.parse("2017-02-03"), "suspect-named", "named as suspect", List.of()),
              new StatusChange(
                  PartialDate.parse("2019~"), "suspended", null, List.of(setting.source())));
      assertThat(created.outcome().fine().amount()).isEqualByComparingTo("150000");
      assertThat(created.outcome().fine().currency()).isEqualTo("KZT");
      assertThat(setting.proceedings().get(EDITOR, created.id())).isEqualTo(created);
      assertThat(forCase(database, setting)).containsExactly(created);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void filtersByCaseKindAndCurrentStatus(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      ProceedingService proceedings = setting.proceedings();
      Proceeding suspended = proceedings.create(EDITOR, draft(setting, "Suspended case"));
      Proceeding reopened =
          proceedings.create(EDITOR, withHistory(
                  draft(setting, "Reopened case"),
                  List.of(
                      new StatusChange(PartialDate.parse("2016-12"), "opened", null, List.of()),
                      new StatusChange(PartialDate.parse("2017"), "suspended", null, List.of()),
                      new StatusChange(
                          PartialDate.parse("2018-03-01"), "resumed", null, List.of()))));
      UUID otherCase = caseFile(setting.cases(), "Another defender");
      Proceeding elsewhere =
          proceedings.create(EDITOR, inCase(draft(setting, "Elsewhere"), otherCase));

      assertThat(list(proceedings, new ProceedingStore.Filter(setting.caseId(), null, null, false)))
          .containsExactly(reopened, suspended);
      assertThat(list(proceedings, new ProceedingStore.Filter(null, null, "suspended", false)))
          .containsExactly(suspended, elsewhere);
      assertThat(list(proceedings, new ProceedingStore.Filter(null, "criminal", "resumed", false)))
          .containsExactly(reopened);
      assertThat(list(proceedings, new ProceedingStore.Filter(null, "asylum", null, false)))
          .isEmpty();
      assertThat(list(proceedings, new ProceedingStore.Filter(otherCase, null, null, false)))
          .containsExactly(elsewhere);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void updatesAndRefusesAStaleUpdateChangingNothing(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      ProceedingService proceedings = setting.proceedings();
      Proceeding created = proceedings.create(EDITOR, draft(setting, "Criminal case 1"));
      Proceeding dismissed =
          proceedings.update(EDITOR, created.id(),
              withHistory(
                  created,
                  List.of(
                      new StatusChange(PartialDate.parse("2017-02-03"), "opened", null, List.of()),
                      new StatusChange(
                          PartialDate.parse("2020-06-30"),
                          "dismissed",
                          "no crime",
                          List.of(setting.source())))));

      assertThat(dismissed.version()).isEqualTo(2);
      assertThat(dismissed.history())
          .extracting(StatusChange::status)
          .containsExactly("opened", "dismissed");
      assertThat(dismissed.history().get(1).sources()).containsExactly(setting.source());
      assertThatThrownBy(
              () -> proceedings.update(EDITOR, created.id(), withHistory(created, List.of())))
          .isInstanceOfSatisfying(
              VersionConflict.class,
              conflict -> {
                assertThat(conflict.expectedVersion()).isEqualTo(1);
                assertThat(conflict.currentVersion()).isEqualTo(2);
              });
      assertThat(proceedings.get(EDITOR, created.id())).isEqualTo(dismissed);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void voidsWithAReasonAndKeepsTheProceeding(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      ProceedingService proceedings = setting.proceedings();
      Proceeding created = proceedings.create(EDITOR, draft(setting, "Duplicate"));
      Proceeding voided =
          proceedings.voidProceeding(EDITOR, created.id(), new VoidRequest(1, "recorded twice"));

      assertThat(voided.audit().voidReason()).isEqualTo("recorded twice");
      assertThat(list(proceedings, new ProceedingStore.Filter(null, null, null, false))).isEmpty();
      assertThat(list(proceedings, new ProceedingStore.Filter(null, null, null, true)))
          .containsExactly(voided);
      assertThat(forCase(database, setting)).isEmpty();
      assertThatThrownBy(() -> proceedings.update(EDITOR, created.id(), voided))
          .isInstanceOf(NoSuchRecord.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAnArticleTheCatalogueLacks(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      Proceeding unknown =
          withCharges(
              draft(setting, "Case"), List.of(Charge.of("KZ-CC 274(2)"), Charge.of("KZ-CC 999")));

      assertThatThrownBy(() -> setting.proceedings().create(EDITOR, unknown))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .containsExactly(
                          new FieldError(
                              "charges[1]",
                              "article 999 of KZ-CC is not in the catalogue; known articles: 130,"
                                  + " 131, 147, 190, 274, 405")));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAFineTheStoreCannotHoldExactly(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      for (String amount : List.of("1234567890123456789", "1.005")) {
        Proceeding fined =
            withOutcome(draft(setting, "Case"), new Outcome(null, new Outcome.Fine(new BigDecimal(amount), "KZT")));
        assertThatThrownBy(() -> setting.proceedings().create(EDITOR, fined))
            .isInstanceOfSatisfying(
                InvalidInput.class,
                invalid ->
                    assertThat(invalid.errors())
                        .containsExactly(
                            new FieldError(
                                "outcome.fine.amount",
                                "is "
                                    + amount
                                    + "; a fine has at most 18 digits before the decimal point and"
                                    + " 2 after it")));
      }
      Proceeding largest =
          withOutcome(
              draft(setting, "Case"), new Outcome(null, new Outcome.Fine(new BigDecimal("123456789012345678.90"), "KZT")));
      assertThat(setting.proceedings().create(EDITOR, largest).outcome().fine().amount())
          .isEqualByComparingTo("123456789012345678.90");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAHistoryOutOfOrder(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      Proceeding outOfOrder =
          withHistory(
              draft(setting, "Case"),
              List.of(
                  new StatusChange(PartialDate.parse("2017-02"), "opened", null, List.of()),
                  new StatusChange(
                      PartialDate.parse("2017-02-03"), "suspect-named", null, List.of()),
                  new StatusChange(PartialDate.parse("2017-01"), "suspended", null, List.of())));

      assertThatThrownBy(() -> setting.proceedings().create(EDITOR, outOfOrder))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .containsExactly(
                          new FieldError(
                              "history[2].date",
                              "2017-01 is before history[1] (2017-02-03); list the history in the"
                                  + " order it happened")));

      Proceeding mayOverlap =
          withHistory(
              draft(setting, "Case"),
              List.of(
                  new StatusChange(PartialDate.parse("2017-02-03"), "opened", null, List.of()),
                  new StatusChange(PartialDate.parse("2017-02"), "dismissed", null, List.of())));
      assertThat(setting.proceedings().create(EDITOR, mayOverlap).history()).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsEveryBadFieldAtOnce(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      Proceeding bad =
          new Proceeding(
              null,
              null,
              Confidentiality.INTERNAL,
              null,
              UUID.randomUUID(),
              "inquisition",
              "",
              null,
              "Kazakhstan",
              null,
              List.of(Charge.of("Article 274"), Charge.of("KZ-XX 1")),
              List.of(
                  new Party(null, null, " ", "accused"),
                  new Party(UUID.randomUUID(), null, null, "villain")),
              List.of(
                  new StatusChange(null, "opened", null, List.of()),
                  new StatusChange(
                      PartialDate.parse("2017"), "forgotten", null, List.of(UUID.randomUUID()))),
              new Outcome("Fined", new Outcome.Fine(BigDecimal.ZERO, "tenge")),
              null);

      assertThatThrownBy(() -> setting.proceedings().create(EDITOR, bad))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(FieldError::field)
                      .containsExactly(
                          "kind",
                          "title",
                          "jurisdiction",
                          "charges[0]",
                          "parties[0]",
                          "parties[1].role",
                          "history[0].date",
                          "history[1].status",
                          "outcome.fine.amount",
                          "outcome.fine.currency",
                          "case",
                          "charges[1]",
                          "parties[1].person",
                          "history[1].sources[0]"));
      assertThat(list(setting.proceedings(), new ProceedingStore.Filter(null, null, null, true)))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void storesHostileTextVerbatim(TestStore store) {
    try (Database database = store.open()) {
      Setting setting = setting(database);
      String hostile =
          "Robert'); DROP TABLE proceedings;-- <b onmouseover=x>\u202E№ 1712-0001 %_ \"q\"";
      Proceeding draft = draft(setting, hostile);
      Proceeding created =
          setting
              .proceedings()
              .create(EDITOR, new Proceeding(
                      null,
                      null,
                      Confidentiality.RESTRICTED,
                      null,
                      setting.caseId(),
                      "criminal",
                      hostile,
                      hostile,
                      "KZ",
                      hostile,
                      draft.charges(),
                      draft.parties(),
                      draft.history(),
                      new Outcome(hostile, null),
                      hostile));

      Proceeding read = setting.proceedings().get(EDITOR, created.id());
      assertThat(read.title()).isEqualTo(hostile);
      assertThat(read.authority()).isEqualTo(hostile);
      assertThat(read.number()).isEqualTo(hostile);
      assertThat(read.outcome()).isEqualTo(new Outcome(hostile, null));
      assertThat(read.notes()).isEqualTo(hostile);
      assertThat(read.confidentiality()).isEqualTo(Confidentiality.RESTRICTED);
    }
  }

  private static List<Proceeding> forCase(Database database, Setting setting) {
    return database
        .jdbi()
        .withHandle(handle -> setting.proceedings().forCase(handle, setting.caseId()));
  }

  private static List<Proceeding> list(
      ProceedingService proceedings, ProceedingStore.Filter filter) {
    return proceedings.list(EDITOR, filter, PageRequest.first()).items();
  }

  private static Proceeding draft(Setting setting, String title) {
    return new Proceeding(
        null,
        null,
        Confidentiality.INTERNAL,
        null,
        setting.caseId(),
        "criminal",
        title,
        "Police Department of Almaty",
        "KZ",
        "171234031000123",
        List.of(Charge.of("KZ-CC 274(2)(3)"), Charge.of("KZ-CC 190(4)(2)")),
        List.of(
            new Party(setting.person(), null, null, "suspect"),
            new Party(null, null, "Investigator of the Almaty police", "investigator")),
        List.of(
            new StatusChange(
                PartialDate.parse("2017-02"), "opened", null, List.of(setting.source())),
            new StatusChange(
                PartialDate.parse("2017-02-03"), "suspect-named", "named as suspect", List.of()),
            new StatusChange(
                PartialDate.parse("2019~"), "suspended", null, List.of(setting.source()))),
        new Outcome(null, new Outcome.Fine(new BigDecimal("150000"), "KZT")),
        null);
  }

  private static Proceeding inCase(Proceeding proceeding, UUID caseId) {
    return new Proceeding(
        proceeding.id(),
        proceeding.version(),
        proceeding.confidentiality(),
        null,
        caseId,
        proceeding.kind(),
        proceeding.title(),
        proceeding.authority(),
        proceeding.jurisdiction(),
        proceeding.number(),
        proceeding.charges(),
        List.of(),
        proceeding.history(),
        proceeding.outcome(),
        proceeding.notes());
  }

  private static Proceeding withCharges(Proceeding proceeding, List<Charge> charges) {
    return new Proceeding(
        proceeding.id(),
        proceeding.version(),
        proceeding.confidentiality(),
        null,
        proceeding.caseId(),
        proceeding.kind(),
        proceeding.title(),
        proceeding.authority(),
        proceeding.jurisdiction(),
        proceeding.number(),
        charges,
        proceeding.parties(),
        proceeding.history(),
        proceeding.outcome(),
        proceeding.notes());
  }

  private static Proceeding withOutcome(Proceeding proceeding, Outcome outcome) {
    return new Proceeding(
        proceeding.id(),
        proceeding.version(),
        proceeding.confidentiality(),
        null,
        proceeding.caseId(),
        proceeding.kind(),
        proceeding.title(),
        proceeding.authority(),
        proceeding.jurisdiction(),
        proceeding.number(),
        proceeding.charges(),
        proceeding.parties(),
        proceeding.history(),
        outcome,
        proceeding.notes());
  }

  private static Proceeding withHistory(Proceeding proceeding, List<StatusChange> history) {
    return new Proceeding(
        proceeding.id(),
        proceeding.version(),
        proceeding.confidentiality(),
        null,
        proceeding.caseId(),
        proceeding.kind(),
        proceeding.title(),
        proceeding.authority(),
        proceeding.jurisdiction(),
        proceeding.number(),
        proceeding.charges(),
        proceeding.parties(),
        history,
        proceeding.outcome(),
        proceeding.notes());
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
    ProceedingService proceedings =
        new ProceedingService(
            database.jdbi(), vocabularies, new CatalogueService(database.jdbi()), clock);
    return new Setting(proceedings, cases, caseFile(cases, "Dinara Smailova"), person.id(), source);
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
