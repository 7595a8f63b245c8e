package org.casebook.people;

import java.time.Clock;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.access.RestrictedFields;
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
  private final Reads<Person> reads;
  private final PersonStore store = new PersonStore();

  public PersonService(Jdbi jdbi, Vocabularies vocabularies, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.clock = clock;
    this.reads = new Reads<>(jdbi, clock, PersonStore.TABLE, PersonStore.KIND, Person::withheld);
  }

  /** A person the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public Person get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  /** A person, whoever may see it: for code that has checked access already. */
  public Person get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(PersonStore.KIND, id));
  }

  /** A page of the records the caller may see; see {@link PersonStore.Filter}. Needs {@link Permission#READ_RECORDS}. */
  public Page<Person> list(Caller caller, PersonStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  /** Creates a person. Needs {@link Permission#WRITE_RECORDS}. */
  public Person create(Caller caller, Person person) {
    caller.require(Permission.WRITE_RECORDS);
    return jdbi.inTransaction(handle -> reads.afterWrite(handle, caller, get(handle, insert(handle, caller, person))));
  }

  /**
   * Checks a new person and inserts it on {@code handle}, inside a transaction the caller owns (such
   * as {@link org.casebook.cases.CaseService#createLinked}'s, which lists it in a case file too).
   * Returns the new person's id; throws {@link InvalidInput} with every field error, having written
   * nothing. Needs {@link Permission#WRITE_RECORDS}.
   */
  public UUID insert(Handle handle, Caller caller, Person person) {
    caller.require(Permission.WRITE_RECORDS);
    check(person, "").throwIfAny();
    UUID id = UUID.randomUUID();
    store.insert(handle, id, null, person, caller.actor(), clock.instant());
    return id;
  }

  /**
   * Updates a person the caller may see. A caller without the restricted grant cannot change the
   * restricted fields: the stored ones are kept, whatever was sent in their place (usually the
   * redaction mark they were shown), and the person is checked as it will be stored. Needs {@link
   * Permission#WRITE_RECORDS}.
   */
  public Person update(Caller caller, UUID id, Person person) {
    caller.require(Permission.WRITE_RECORDS);
    if (person == null) {
      throw new InvalidInput("body", "is empty");
    }
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, PersonStore.TABLE, PersonStore.KIND, id);
          Person changed =
              RestrictedFields.granted(handle, caller, PersonStore.TABLE, id)
                  ? person
                  : person.keepingRestrictedOf(get(handle, id));
          Checks checks = check(changed, "");
          checks.required("version", changed.version());
          checks.throwIfAny();
          store.update(handle, id, changed, caller.actor(), clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  /** Voids a person the caller may see. Needs {@link Permission#WRITE_RECORDS}. */
  public Person voidPerson(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, PersonStore.TABLE, PersonStore.KIND, id);
          RecordRows.voidRecord(
              handle, PersonStore.TABLE, PersonStore.KIND, id, request.version(), request.reason(),
              caller.actor(), clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
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
    checks.notRedactionMark(prefix + "name", person.name());
    checks.each(
        prefix + "other_names",
        person.otherNames(),
        (path, name) -> {
          checks.requiredText(path + ".name", name.name(), 500);
          checks.notRedactionMark(path + ".name", name.name());
          checks.required(path + ".kind", name.kind());
          vocabularies.check(checks, path + ".kind", Vocabularies.NAME_KIND, name.kind());
          checks.language(path + ".language", name.language());
        });
    vocabularies.check(checks, prefix + "sex", Vocabularies.SEX, person.sex());
    checks.countries(prefix + "citizenship", person.citizenship());
    checks.optionalText(prefix + "occupation", person.occupation(), 500);
    checks.optionalText(prefix + "notes", person.notes(), 100_000);
    checks.notRedactionMark(prefix + "notes", person.notes());
  }
}
