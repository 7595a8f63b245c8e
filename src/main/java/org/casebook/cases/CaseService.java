package org.casebook.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.storage.RecordRows;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Case files: validation, and each operation as one transaction. Thread-safe. */
public final class CaseService {
  private final Jdbi jdbi;
  private final Vocabularies vocabularies;
  private final Clock clock;
  private final Reads<CaseFile> reads;
  private final CaseStore store = new CaseStore();

  public CaseService(Jdbi jdbi, Vocabularies vocabularies, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.clock = clock;
    this.reads = new Reads<>(jdbi, clock, CaseStore.TABLE, CaseStore.KIND, null);
  }

  /** A caseFile the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public CaseFile get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  public CaseFile get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(CaseStore.KIND, id));
  }

  /** A page of the records the caller may see; see {@link CaseStore.Filter}. Needs {@link Permission#READ_RECORDS}. */
  public Page<CaseFile> list(Caller caller, CaseStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  public CaseFile create(Caller caller, CaseFile caseFile) {
    caller.require(Permission.CREATE_CASE);
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          Checks checks = check(caseFile, "");
          checkLinks(handle, checks, caseFile, "");
          checks.throwIfAny();
          store.insert(handle, id, null, caseFile, caller.actor(), clock.instant());
          joinTeam(handle, id, caller);
          return get(handle, id);
        });
  }

  public CaseFile update(Caller caller, UUID id, CaseFile caseFile) {
    caller.require(Permission.WRITE_RECORDS);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireCaseWrite(handle, caller, id);
          Checks checks = check(caseFile, "");
          checks.required("version", caseFile.version());
          checkLinks(handle, checks, caseFile, "");
          checks.throwIfAny();
          store.update(handle, id, caseFile, caller.actor(), clock.instant());
          return get(handle, id);
        });
  }

  public CaseFile voidCase(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireCaseWrite(handle, caller, id);
          RecordRows.voidRecord(handle, CaseStore.TABLE, CaseStore.KIND, id, request.version(), request.reason(), caller.actor(), clock.instant());
          return get(handle, id);
        });
  }

  /** What a record added from a case file's pages is to the case file. */
  public enum Link {
    PERSON,
    ORGANIZATION,
    SOURCE,
    /** A person or organization at risk, the case file's subject: listed as one of its persons or organizations too. */
    SUBJECT
  }

  /**
   * Creates a record and lists it in a case file, in one transaction: either both happen or
   * neither. {@code create} makes the record on the handle and returns its id; the case file takes
   * a new version (so that a form based on the old one meets a conflict rather than losing the
   * link). Needs the right to change the case file.
   */
  public UUID createLinked(Caller caller, UUID caseId, Link link, Function<Handle, UUID> create) {
    caller.require(Permission.WRITE_RECORDS);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireCaseWrite(handle, caller, caseId);
          UUID id = create.apply(handle);
          CaseFile stored = get(handle, caseId);
          if (stored.isVoided()) {
            throw new NoSuchRecord(CaseStore.KIND, caseId);
          }
          boolean person = RecordRows.isLive(handle, "persons", id);
          CaseFile linked =
              switch (link) {
                case PERSON -> stored.withLinks(stored.subjects(), appended(stored.persons(), id), stored.organizations(), stored.sources());
                case ORGANIZATION -> stored.withLinks(stored.subjects(), stored.persons(), appended(stored.organizations(), id), stored.sources());
                case SOURCE -> stored.withLinks(stored.subjects(), stored.persons(), stored.organizations(), appended(stored.sources(), id));
                case SUBJECT -> stored.withLinks(
                    appended(stored.subjects(), id),
                    person ? appended(stored.persons(), id) : stored.persons(),
                    person ? stored.organizations() : appended(stored.organizations(), id),
                    stored.sources());
              };
          store.update(handle, caseId, linked, caller.actor(), clock.instant());
          return id;
        });
  }

  private static List<UUID> appended(List<UUID> ids, UUID id) {
    List<UUID> all = new ArrayList<>(ids);
    if (!all.contains(id)) {
      all.add(id);
    }
    return all;
  }

  /**
   * Puts the user who opened a case file on its team, with the restricted grant, so that they can
   * go on working on it. Jobs and administrators see every case file already.
   */
  public static void joinTeam(Handle handle, UUID caseId, Caller caller) {
    if (caller.userId() == null || caller.seesEverything()) {
      return;
    }
    handle
        .createUpdate(
            "INSERT INTO case_teams (case_id, user_id, restricted_grant)"
                + " SELECT c.id, u.id, TRUE FROM case_files c, users u"
                + " WHERE c.public_id = :case_id AND u.public_id = :user"
                + " AND NOT EXISTS (SELECT 1 FROM case_teams t WHERE t.case_id = c.id AND t.user_id = u.id)")
        .bind("case_id", caseId)
        .bind("user", caller.userId())
        .execute();
  }

  /** Inserts or updates a case file inside an import's transaction; returns its internal key. */
  public long save(Handle handle, UUID id, String importKey, CaseFile caseFile, Actor actor, boolean exists) {
    if (!exists) {
      return store.insert(handle, id, importKey, caseFile, actor, clock.instant());
    }
    int version = RecordRows.currentVersion(handle, CaseStore.TABLE, CaseStore.KIND, id);
    return store.update(handle, id, caseFile.withHeader(id, version, caseFile.confidentiality(), null), actor, clock.instant());
  }

  /** The field errors of a case file's own fields, with paths below {@code prefix}. */
  public Checks check(CaseFile caseFile, String prefix) {
    Checks checks = new Checks();
    checks.requiredText(prefix + "title", caseFile.title(), 500);
    checks.optionalText(prefix + "summary", caseFile.summary(), 100_000);
    checks.countries(prefix + "countries", caseFile.countries());
    checks.required(prefix + "risk", caseFile.risk());
    vocabularies.check(checks, prefix + "risk", Vocabularies.RISK_LEVEL, caseFile.risk());
    checks.required(prefix + "status", caseFile.status());
    vocabularies.check(checks, prefix + "status", Vocabularies.CASE_STATUS, caseFile.status());
    return checks;
  }

  /** Checks that every linked person, organization and source exists and is live. */
  private static void checkLinks(Handle handle, Checks checks, CaseFile caseFile, String prefix) {
    checks.each(prefix + "subjects", caseFile.subjects(), (path, id) -> {
      if (!RecordRows.isLive(handle, "persons", id) && !RecordRows.isLive(handle, "organizations", id)) {
        checks.add(path, "no person or organization with id " + id);
      }
    });
    checks.each(prefix + "persons", caseFile.persons(), (path, id) -> {
      if (!RecordRows.isLive(handle, "persons", id)) {
        checks.add(path, "no person with id " + id);
      }
    });
    checks.each(prefix + "organizations", caseFile.organizations(), (path, id) -> {
      if (!RecordRows.isLive(handle, "organizations", id)) {
        checks.add(path, "no organization with id " + id);
      }
    });
    checks.each(prefix + "sources", caseFile.sources(), (path, id) -> {
      if (!RecordRows.isLive(handle, "sources", id)) {
        checks.add(path, "no source with id " + id);
      }
    });
  }
}
