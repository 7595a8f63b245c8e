package org.casebook.people;

import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.InvalidInput;
import org.casebook.common.Name;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.PageRequest;
import org.casebook.common.Redaction;
import org.casebook.common.VersionConflict;
import org.casebook.common.VoidRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.vocabulary.Vocabularies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonStorageTest {
  private static final Caller EDITOR = Caller.user(UUID.fromString("00000000-0000-0000-0000-0000000000ed"), "editor", Role.ADMINISTRATOR, null);

  private static Person draft(String name) {
    return new Person(
        null, null, Confidentiality.PUBLIC, null, name,
        List.of(new Name("Динара Смаилова", "transliteration", "ru"), new Name("Dina Tansari", "alias", null)),
        "female", PartialDate.parse("1980"), List.of("KZ"), "defender", false, null);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createsReadsAndFindsByAnyName(TestStore store) {
    try (Database database = store.open()) {
      PersonService persons = service(database);
      Person created = persons.create(EDITOR, draft("Dinara Smailova"));

      assertThat(created.version()).isEqualTo(1);
      assertThat(created.audit().createdBy()).isEqualTo("editor");
      assertThat(persons.get(EDITOR, created.id())).isEqualTo(created);
      assertThat(created.otherNames()).extracting(Name::name).containsExactly("Динара Смаилова", "Dina Tansari");
      assertThat(persons.list(EDITOR, new PersonStore.Filter("смаил", null, false), PageRequest.first()).items()).containsExactly(created);
      assertThat(persons.list(EDITOR, new PersonStore.Filter("TANSARI", null, false), PageRequest.first()).total()).isEqualTo(1);
      assertThat(persons.list(EDITOR, new PersonStore.Filter("100%_", null, false), PageRequest.first()).total()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAStaleUpdateAndChangesNothing(TestStore store) {
    try (Database database = store.open()) {
      PersonService persons = service(database);
      Person created = persons.create(EDITOR, draft("Almat Mukhamedzhanov"));
      Person first = persons.update(EDITOR, created.id(), renamed(created, "Almat M."));

      assertThat(first.version()).isEqualTo(2);
      assertThatThrownBy(() -> persons.update(EDITOR, created.id(), renamed(created, "Someone else")))
          .isInstanceOfSatisfying(
              VersionConflict.class,
              conflict -> {
                assertThat(conflict.expectedVersion()).isEqualTo(1);
                assertThat(conflict.currentVersion()).isEqualTo(2);
              });
      assertThat(persons.get(EDITOR, created.id())).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void voidsWithAReasonAndKeepsTheRecord(TestStore store) {
    try (Database database = store.open()) {
      PersonService persons = service(database);
      Person created = persons.create(EDITOR, draft("Duplicate entry"));
      Person voided = persons.voidPerson(EDITOR, created.id(), new VoidRequest(1, "duplicate of another record"));

      assertThat(voided.audit().voided()).isTrue();
      assertThat(voided.audit().voidReason()).isEqualTo("duplicate of another record");
      assertThat(persons.list(EDITOR, new PersonStore.Filter(null, null, false), PageRequest.first()).total()).isZero();
      assertThat(persons.list(EDITOR, new PersonStore.Filter(null, null, true), PageRequest.first()).total()).isEqualTo(1);
      assertThatThrownBy(() -> persons.update(EDITOR, created.id(), renamed(voided, "x")))
          .isInstanceOf(NoSuchRecord.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsEveryBadFieldAtOnce(TestStore store) {
    try (Database database = store.open()) {
      PersonService persons = service(database);
      Person bad =
          new Person(
              null, null, Confidentiality.INTERNAL, null, " ",
              List.of(new Name("x", "nickname-of-sorts", "not a tag")), "robot", null,
              List.of("Kazakhstan"), null, false, null);

      assertThatThrownBy(() -> persons.create(EDITOR, bad))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(error -> error.field())
                      .containsExactly(
                          "name", "other_names[0].kind", "other_names[0].language", "sex", "citizenship[0]"));
      assertThat(persons.list(EDITOR, new PersonStore.Filter(null, null, true), PageRequest.first()).total()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void neverStoresTheRedactionMarkInPlaceOfANameOrNotes(TestStore store) {
    try (Database database = store.open()) {
      PersonService persons = service(database);
      Person marked =
          new Person(
              null, null, Confidentiality.INTERNAL, null, Redaction.MARK,
              List.of(new Name(" " + Redaction.MARK + " ", "alias", null)), null, null, List.of(), null, false, Redaction.MARK);

      assertThatThrownBy(() -> database.jdbi().inTransaction(handle -> persons.insert(handle, EDITOR, marked)))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(error -> error.field())
                      .containsExactly("name", "other_names[0].name", "notes"));
      Person created = persons.create(EDITOR, draft("Dinara Smailova"));
      assertThatThrownBy(() -> persons.update(EDITOR, created.id(), renamed(created, Redaction.MARK))).isInstanceOf(InvalidInput.class);
      assertThat(persons.get(EDITOR, created.id()).name()).isEqualTo("Dinara Smailova");
      assertThat(persons.list(EDITOR, new PersonStore.Filter(null, null, true), PageRequest.first()).total()).isEqualTo(1);
    }
  }

  private static Person renamed(Person person, String name) {
    return new Person(
        person.id(), person.version(), person.confidentiality(), null, name, person.otherNames(),
        person.sex(), person.birthDate(), person.citizenship(), person.occupation(),
        person.isProtected(), person.notes());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRestrictedPersonKeepsAFullBirthDate(TestStore store) {
    try (Database database = store.open()) {
      PersonService persons = service(database);
      Person draft = draft("Invented Restricted Witness");
      Person restricted =
          new Person(
              null, null, Confidentiality.RESTRICTED, null, draft.name(), draft.otherNames(), draft.sex(),
              PartialDate.parse("1987-11-23"), draft.citizenship(), draft.occupation(), true, "Invented note");

      Person created = persons.create(EDITOR, restricted);

      assertThat(persons.get(EDITOR, created.id()).birthDate()).isEqualTo(PartialDate.parse("1987-11-23"));
    }
  }

  private static PersonService service(Database database) {
    return new PersonService(database.jdbi(), new Vocabularies(database.jdbi()), Clock.systemUTC());
  }
}
