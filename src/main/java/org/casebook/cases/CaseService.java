package org.casebook.cases;

import java.time.Clock;
import java.util.UUID;
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
  private final CaseStore store = new CaseStore();

  public CaseService(Jdbi jdbi, Vocabularies vocabularies, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.clock = clock;
  }

  public CaseFile get(UUID id) {
    return jdbi.withHandle(handle -> get(handle, id));
  }

  public CaseFile get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(CaseStore.KIND, id));
  }

  public Page<CaseFile> list(CaseStore.Filter filter, PageRequest page) {
    return jdbi.inTransaction(handle -> page.of(store.list(handle, filter, page), store.count(handle, filter)));
  }

  public CaseFile create(CaseFile caseFile, Actor actor) {
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          Checks checks = check(caseFile, "");
          checkLinks(handle, checks, caseFile, "");
          checks.throwIfAny();
          store.insert(handle, id, null, caseFile, actor, clock.instant());
          return get(handle, id);
        });
  }

  public CaseFile update(UUID id, CaseFile caseFile, Actor actor) {
    return jdbi.inTransaction(
        handle -> {
          Checks checks = check(caseFile, "");
          checks.required("version", caseFile.version());
          checkLinks(handle, checks, caseFile, "");
          checks.throwIfAny();
          store.update(handle, id, caseFile, actor, clock.instant());
          return get(handle, id);
        });
  }

  public CaseFile voidCase(UUID id, VoidRequest request, Actor actor) {
    request.check();
    return jdbi.inTransaction(
        handle -> {
          RecordRows.voidRecord(handle, CaseStore.TABLE, CaseStore.KIND, id, request.version(), request.reason(), actor, clock.instant());
          return get(handle, id);
        });
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
