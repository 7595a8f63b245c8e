package org.casebook.organizations;

import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.Name;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.common.VoidRequest;
import org.casebook.dates.PartialDate;
import org.casebook.people.Person;
import org.casebook.people.PersonService;
import org.casebook.people.PersonStore;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.vocabulary.Vocabularies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrganizationStorageTest {
  private static final Caller EDITOR = Caller.user(UUID.fromString("00000000-0000-0000-0000-0000000000ed"), "editor", Role.ADMINISTRATOR, null);

  private static Organization draft(String name, UUID member) {
    return new Organization(
        null,
        null,
        Confidentiality.PUBLIC,
        null,
        name,
        List.of(new Name("Фонд «Свобода слова»", "transliteration", "ru")),
        "foundation",
        "KZ",
        List.of(
            new Registration(
                "Ministry of Justice", "KZ", PartialDate.parse("2016-07"), "123-A", "refused")),
        List.of(
            new Membership(member, "founder", PartialDate.parse("2016"), null),
            new Membership(
                member, "chair", PartialDate.parse("2017-03"), PartialDate.parse("2019~"))),
        null);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createsReadsAndFindsByNameCaseAndMember(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database);
      UUID member = services.person("Dinara Smailova");
      UUID outsider = services.person("Someone Else");
      Organization created =
          services.organizations.create(EDITOR, draft("Free Word Foundation", member));
      Organization other = services.organizations.create(EDITOR, draft("Another Body", outsider));
      CaseFile caseFile =
          services.cases.create(EDITOR, new CaseFile(
                  null,
                  null,
                  Confidentiality.INTERNAL,
                  null,
                  "Case of D. S.",
                  null,
                  List.of("KZ"),
                  "high",
                  "open",
                  List.of(member),
                  List.of(),
                  List.of(created.id()),
                  List.of()));

      assertThat(created.version()).isEqualTo(1);
      assertThat(created.audit().createdBy()).isEqualTo("editor");
      assertThat(services.organizations.get(EDITOR, created.id())).isEqualTo(created);
      assertThat(created.registrations())
          .singleElement()
          .extracting(Registration::outcome)
          .isEqualTo("refused");
      assertThat(created.memberships())
          .extracting(Membership::role)
          .containsExactly("founder", "chair");
      assertThat(list(services, new OrganizationStore.Filter("свобода", null, null, false)))
          .containsExactly(other, created);
      assertThat(list(services, new OrganizationStore.Filter("FREE WORD", null, null, false)))
          .containsExactly(created);
      assertThat(list(services, new OrganizationStore.Filter(null, caseFile.id(), null, false)))
          .containsExactly(created);
      assertThat(list(services, new OrganizationStore.Filter(null, null, outsider, false)))
          .containsExactly(other);
      assertThat(list(services, new OrganizationStore.Filter(null, null, null, false)))
          .containsExactly(other, created);
      assertThat(list(services, new OrganizationStore.Filter("100%_", null, null, false)))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void updateReplacesThePartsAndAStaleUpdateChangesNothing(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database);
      UUID member = services.person("Almat Mukhamedzhanov");
      Organization created =
          services.organizations.create(EDITOR, draft("Initiative group", member));
      Organization trimmed =
          new Organization(
              created.id(),
              created.version(),
              created.confidentiality(),
              null,
              "Initiative group (renamed)",
              List.of(),
              created.kind(),
              created.country(),
              List.of(),
              List.of(created.memberships().get(1)),
              "notes");
      Organization first = services.organizations.update(EDITOR, created.id(), trimmed);

      assertThat(first.version()).isEqualTo(2);
      assertThat(first.otherNames()).isEmpty();
      assertThat(first.registrations()).isEmpty();
      assertThat(first.memberships()).extracting(Membership::role).containsExactly("chair");
      assertThatThrownBy(
              () ->
                  services.organizations.update(EDITOR, created.id(),
                      created.withHeader(created.id(), 1, Confidentiality.RESTRICTED, null)))
          .isInstanceOfSatisfying(
              VersionConflict.class,
              conflict -> {
                assertThat(conflict.expectedVersion()).isEqualTo(1);
                assertThat(conflict.currentVersion()).isEqualTo(2);
              });
      assertThat(services.organizations.get(EDITOR, created.id())).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void voidsWithAReasonAndKeepsTheRecord(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database);
      Organization created =
          services.organizations.create(EDITOR, draft("Duplicate", services.person("X")));
      Organization voided =
          services.organizations.voidOrganization(EDITOR, created.id(), new VoidRequest(1, "duplicate entry"));

      assertThat(voided.audit().voided()).isTrue();
      assertThat(voided.audit().voidReason()).isEqualTo("duplicate entry");
      assertThat(voided.memberships()).hasSize(2);
      assertThat(list(services, new OrganizationStore.Filter(null, null, null, false))).isEmpty();
      assertThat(list(services, new OrganizationStore.Filter(null, null, null, true)))
          .containsExactly(voided);
      assertThatThrownBy(() -> services.organizations.update(EDITOR, created.id(), voided))
          .isInstanceOf(NoSuchRecord.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsEveryBadFieldAtOnce(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database);
      UUID voidedPerson = services.person("Voided person");
      services.persons.voidPerson(EDITOR, voidedPerson, new VoidRequest(1, "entered by mistake"));
      UUID missing = UUID.randomUUID();
      Organization bad =
          new Organization(
              null,
              null,
              Confidentiality.INTERNAL,
              null,
              " ",
              List.of(new Name("x", "nickname-of-sorts", "not a tag")),
              "secret-society",
              "Kazakhstan",
              List.of(new Registration(null, "kz", null, null, "pending")),
              List.of(
                  new Membership(
                      missing, "boss", PartialDate.parse("2020-05"), PartialDate.parse("2019")),
                  new Membership(voidedPerson, null, null, null),
                  new Membership(
                      null, "member", PartialDate.parse("2020"), PartialDate.parse("2020-01"))),
              null);

      assertThatThrownBy(() -> services.organizations.create(EDITOR, bad))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(FieldError::field)
                      .containsExactly(
                          "name",
                          "other_names[0].kind",
                          "other_names[0].language",
                          "kind",
                          "country",
                          "registrations[0].authority",
                          "registrations[0].country",
                          "registrations[0].outcome",
                          "memberships[0].role",
                          "memberships[0].end",
                          "memberships[1].role",
                          "memberships[2].person",
                          "memberships[0].person",
                          "memberships[1].person"));
      assertThatThrownBy(() -> services.organizations.create(EDITOR, bad))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .contains(
                          new FieldError("memberships[0].person", "no person with id " + missing)));
      assertThat(list(services, new OrganizationStore.Filter(null, null, null, true))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void storesHostileTextVerbatim(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database);
      String script = "<script>alert(1)</script>";
      String injection = "'; DROP TABLE persons; --";
      Organization hostile =
          new Organization(
              null,
              null,
              Confidentiality.INTERNAL,
              null,
              script,
              List.of(new Name(injection, "alias", null), new Name("100%_sure", "alias", null)),
              null,
              null,
              List.of(new Registration(injection, null, null, script, "registered")),
              List.of(),
              injection);
      Organization created = services.organizations.create(EDITOR, hostile);
      services.organizations.create(EDITOR, draft("Plain name", services.person("Y")));

      Organization read = services.organizations.get(EDITOR, created.id());
      assertThat(read.name()).isEqualTo(script);
      assertThat(read.notes()).isEqualTo(injection);
      assertThat(read.otherNames()).extracting(Name::name).containsExactly(injection, "100%_sure");
      assertThat(read.registrations().get(0).number()).isEqualTo(script);
      assertThat(list(services, new OrganizationStore.Filter("drop table", null, null, false)))
          .containsExactly(read);
      assertThat(list(services, new OrganizationStore.Filter("%_", null, null, false)))
          .containsExactly(read);
      assertThat(services.persons.list(EDITOR, new PersonStore.Filter(null, null, false), PageRequest.first()).total())
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void importSavesANewOrganizationThenUpdatesItAtItsCurrentVersion(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database);
      UUID member = services.person("Imported member");
      UUID id = UUID.randomUUID();
      Actor importer = Actor.system("import");
      database
          .jdbi()
          .useTransaction(
              handle ->
                  services.organizations.save(
                      handle, id, "org-1", draft("Imported", member), importer, false));
      database
          .jdbi()
          .useTransaction(
              handle ->
                  services.organizations.save(
                      handle, id, "org-1", draft("Imported again", member), importer, true));

      Organization saved = services.organizations.get(EDITOR, id);
      assertThat(saved.name()).isEqualTo("Imported again");
      assertThat(saved.version()).isEqualTo(2);
      assertThat(saved.audit().updatedBy()).isEqualTo("system:import");
      assertThat(saved.memberships()).hasSize(2);
    }
  }

  private static List<Organization> list(Services services, OrganizationStore.Filter filter) {
    return services.organizations.list(EDITOR, filter, PageRequest.first()).items();
  }

  private static final class Services {
    final PersonService persons;
    final OrganizationService organizations;
    final CaseService cases;

    Services(Database database) {
      Vocabularies vocabularies = new Vocabularies(database.jdbi());
      persons = new PersonService(database.jdbi(), vocabularies, Clock.systemUTC());
      organizations = new OrganizationService(database.jdbi(), vocabularies, Clock.systemUTC());
      cases = new CaseService(database.jdbi(), vocabularies, Clock.systemUTC());
    }

    UUID person(String name) {
      return persons
          .create(EDITOR, new Person(
                  null,
                  null,
                  Confidentiality.INTERNAL,
                  null,
                  name,
                  List.of(),
                  null,
                  null,
                  List.of(),
                  null,
                  false,
                  null))
          .id();
    }
  }
}
