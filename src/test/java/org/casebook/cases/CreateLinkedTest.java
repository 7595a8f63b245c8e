package org.casebook.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import org.casebook.common.Confidentiality;
import org.casebook.common.PageRequest;
import org.casebook.people.Person;
import org.casebook.people.PersonService;
import org.casebook.people.PersonStore;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.vocabulary.Vocabularies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CreateLinkedTest {
  private static final Caller EDITOR = Caller.user(UUID.fromString("00000000-0000-0000-0000-0000000000ed"), "editor", Role.ADMINISTRATOR, null);

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void listsTheNewRecordInTheCaseFileAndTakesANewVersion(TestStore store) {
    try (Database database = store.open()) {
      Vocabularies vocabularies = new Vocabularies(database.jdbi());
      CaseService cases = new CaseService(database.jdbi(), vocabularies, Clock.systemUTC());
      PersonService persons = new PersonService(database.jdbi(), vocabularies, Clock.systemUTC());
      CaseFile caseFile = cases.create(EDITOR, caseFile());

      UUID subject = cases.createLinked(EDITOR, caseFile.id(), CaseService.Link.SUBJECT, handle -> insertPerson(persons, handle, "Invented Defender"));
      UUID relative = cases.createLinked(EDITOR, caseFile.id(), CaseService.Link.PERSON, handle -> insertPerson(persons, handle, "Invented Relative"));

      CaseFile linked = cases.get(EDITOR, caseFile.id());
      assertThat(linked.version()).isEqualTo(3);
      assertThat(linked.subjects()).containsExactly(subject);
      assertThat(linked.persons()).containsExactly(subject, relative);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aFailedCreationLeavesNeitherRecordNorLink(TestStore store) {
    try (Database database = store.open()) {
      Vocabularies vocabularies = new Vocabularies(database.jdbi());
      CaseService cases = new CaseService(database.jdbi(), vocabularies, Clock.systemUTC());
      PersonService persons = new PersonService(database.jdbi(), vocabularies, Clock.systemUTC());
      CaseFile caseFile = cases.create(EDITOR, caseFile());

      assertThatThrownBy(
              () -> cases.createLinked(EDITOR, caseFile.id(), CaseService.Link.PERSON, handle -> {
                insertPerson(persons, handle, "Never Kept");
                throw new IllegalStateException("refused after the insert");
              }))
          .isInstanceOf(IllegalStateException.class);

      assertThat(cases.get(EDITOR, caseFile.id())).isEqualTo(caseFile);
      assertThat(persons.list(EDITOR, new PersonStore.Filter("Never Kept", null, false), PageRequest.first()).total()).isZero();
    }
  }

  private static UUID insertPerson(PersonService persons, org.jdbi.v3.core.Handle handle, String name) {
    UUID id = UUID.randomUUID();
    persons.save(handle, id, null, new Person(null, null, Confidentiality.PUBLIC, null, name, List.of(), null, null, List.of(), null, false, null), EDITOR.actor(), false);
    return id;
  }

  private static CaseFile caseFile() {
    return new CaseFile(null, null, Confidentiality.INTERNAL, null, "Invented case", null, List.of("KZ"), "high", "open", List.of(), List.of(), List.of(), List.of());
  }
}
