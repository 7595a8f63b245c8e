package org.casebook.people;

import java.time.Clock;
import java.util.UUID;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.storage.RecordRows;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Persons: validation, and each operation as one transaction. Thread-safe. */
public final class PersonService {
  private final Jdbi jdbi;
  private final Vocabularies vocabularies;
  private final Clock clock;
  private final PersonStore store = new PersonStore();

  public PersonService(Jdbi jdbi, Vocabularies vocabularies, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.clock = clock;
  }

  public Person get(UUID id) {
    return jdbi.withHandle(handle -> get(handle, id));
  }

  public Person get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(PersonStore.KIND, id));
  }

  public Page<Person> list(String text, UUID caseId, boolean includeVoided, PageRequest page) {
    return jdbi.inTransaction(
        handle ->
            page.of(
                store.list(handle, text, caseId, includeVoided, page),
                store.count(handle, text, caseId, includeVoided)));
  }

  public Person create(Person person, Actor actor) {
    check(person, "").throwIfAny();
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          store.insert(handle, id, null, person, actor, clock.instant());
          return get(handle, id);
        });
  }

  public Person update(UUID id, Person person, Actor actor) {
    Checks checks = check(person, "");
    checks.required("version", person.version());
    checks.throwIfAny();
    return jdbi.inTransaction(
        handle -> {
          store.update(handle, id, person, actor, clock.instant());
          return get(handle, id);
        });
  }

  public Person voidPerson(UUID id, VoidRequest request, Actor actor) {
    request.check();
    return jdbi.inTransaction(
        handle -> {
          RecordRows.voidRecord(
              handle, PersonStore.TABLE, PersonStore.KIND, id, request.version(), request.reason(),
              actor, clock.instant());
          return get(handle, id);
        });
  }

  /**
   * Inserts or updates a person inside an import's transaction; the import has checked the record
   * with {@link #check} already. Returns the internal key.
   */
  public long save(Handle handle, UUID id, String importKey, Person person, Actor actor, boolean exists) {
    if (!exists) {
      return store.insert(handle, id, importKey, person, actor, clock.instant());
    }
    int version = RecordRows.currentVersion(handle, PersonStore.TABLE, PersonStore.KIND, id);
    return store.update(handle, id, person.withHeader(id, version, person.confidentiality(), null), actor, clock.instant());
  }

  /** The field errors of a person, with field paths below {@code prefix}. */
  public Checks check(Person person, String prefix) {
    Checks checks = new Checks();
    checkInto(checks, person, prefix);
    return checks;
  }

  public void checkInto(Checks checks, Person person, String prefix) {
    if (person == null) {
      throw new InvalidInput(prefix.isEmpty() ? "body" : prefix, "is empty");
    }
    checks.requiredText(prefix + "name", person.name(), 500);
    checks.each(
        prefix + "other_names",
        person.otherNames(),
        (path, name) -> {
          checks.requiredText(path + ".name", name.name(), 500);
          checks.required(path + ".kind", name.kind());
          vocabularies.check(checks, path + ".kind", Vocabularies.NAME_KIND, name.kind());
          checks.language(path + ".language", name.language());
        });
    vocabularies.check(checks, prefix + "sex", Vocabularies.SEX, person.sex());
    checks.countries(prefix + "citizenship", person.citizenship());
    checks.optionalText(prefix + "occupation", person.occupation(), 500);
    checks.optionalText(prefix + "notes", person.notes(), 100_000);
  }
}
