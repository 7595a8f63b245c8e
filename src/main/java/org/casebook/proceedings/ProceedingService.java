package org.casebook.proceedings;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.casebook.cases.CaseStore;
import org.casebook.catalogue.CatalogueService;
import org.casebook.catalogue.Citation;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.access.RestrictedFields;
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.RecordRows;
import org.casebook.vocabulary.Vocabularies;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Proceedings: validation, and each operation as one transaction. Thread-safe. */
public final class ProceedingService {
  /** The digits a stored fine has room for: {@code NUMERIC(20, 2)}. */
  private static final int FINE_INTEGER_DIGITS = 18;

  private static final int FINE_DECIMALS = 2;

  private final Jdbi jdbi;
  private final Vocabularies vocabularies;
  private final CatalogueService catalogue;
  private final Clock clock;
  private final Reads<Proceeding> reads;
  private final ProceedingStore store;

  public ProceedingService(
      Jdbi jdbi, Vocabularies vocabularies, CatalogueService catalogue, Clock clock) {
    this.jdbi = jdbi;
    this.vocabularies = vocabularies;
    this.catalogue = catalogue;
    this.clock = clock;
    this.reads = new Reads<>(jdbi, clock, ProceedingStore.TABLE, ProceedingStore.KIND, Proceeding::withheld);
    this.store = new ProceedingStore(catalogue);
  }

  /** A proceeding the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public Proceeding get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  public Proceeding get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(ProceedingStore.KIND, id));
  }

  /** A page of the records the caller may see; see {@link ProceedingStore.Filter}. Needs {@link Permission#READ_RECORDS}. */
  public Page<Proceeding> list(Caller caller, ProceedingStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  /** Every live proceeding of a case file, for the chronology and the export. */
  public List<Proceeding> forCase(Handle handle, UUID caseId) {
    return store.forCase(handle, caseId);
  }

  public Proceeding create(Caller caller, Proceeding proceeding) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(proceeding);
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          Checks checks = check(proceeding, "");
          checkReferences(handle, checks, proceeding, "");
          if (proceeding.caseId() != null
              && RecordRows.isLive(handle, CaseStore.TABLE, proceeding.caseId())
              && !new Visibility(caller).isVisible(handle, CaseStore.TABLE, proceeding.caseId())) {
            checks.add("case", "no case file with id " + proceeding.caseId());
          }
          checks.throwIfAny();
          Guard.requireCaseWrite(handle, caller, proceeding.caseId());
          store.insert(handle, id, null, proceeding, caller.actor(), clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  /**
   * Updates a proceeding based on {@code proceeding.version()}; a stale version changes nothing.
   */
  public Proceeding update(Caller caller, UUID id, Proceeding proceeding) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(proceeding);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireVisible(handle, caller, ProceedingStore.TABLE, ProceedingStore.KIND, id);
          Guard.requireCaseWrite(handle, caller, get(handle, id).caseId());
          if (proceeding.caseId() != null) {
            Guard.requireCaseWrite(handle, caller, proceeding.caseId());
          }
          Checks checks = check(proceeding, "");
          checks.required("version", proceeding.version());
          checkReferences(handle, checks, proceeding, "");
          checks.throwIfAny();
          Proceeding changed =
              RestrictedFields.granted(handle, caller, ProceedingStore.TABLE, id)
                  ? proceeding
                  : proceeding.keepingRestrictedOf(get(handle, id));
          store.update(handle, id, changed, caller.actor(), clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  public Proceeding voidProceeding(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireVisible(handle, caller, ProceedingStore.TABLE, ProceedingStore.KIND, id);
          Guard.requireCaseWrite(handle, caller, get(handle, id).caseId());
          RecordRows.voidRecord(
              handle,
              ProceedingStore.TABLE,
              ProceedingStore.KIND,
              id,
              request.version(),
              request.reason(),
              caller.actor(),
              clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  /**
   * Inserts or updates a proceeding inside an import's transaction; the import has checked the
   * record with {@link #check} and {@link #checkReferences} already. An update is made at the
   * current version. Returns the internal key.
   */
  public long save(
      Handle handle,
      UUID id,
      String importKey,
      Proceeding proceeding,
      Actor actor,
      boolean exists) {
    if (!exists) {
      return store.insert(handle, id, importKey, proceeding, actor, clock.instant());
    }
    int version =
        RecordRows.currentVersion(handle, ProceedingStore.TABLE, ProceedingStore.KIND, id);
    return store.update(
        handle,
        id,
        proceeding.withHeader(id, version, proceeding.confidentiality(), null),
        actor,
        clock.instant());
  }

  /**
   * Every error that {@link #create} would report about {@code proceeding}'s fields and references,
   * without writing anything, so that a form that found mistakes of its own can list them together
   * with these. Needs {@link Permission#WRITE_RECORDS}.
   */
  public List<FieldError> problems(Caller caller, Proceeding proceeding) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(proceeding);
    return jdbi.withHandle(
        handle -> {
          Checks checks = check(proceeding, "");
          checkReferences(handle, checks, proceeding, "");
          return checks.errors();
        });
  }

  /**
   * The errors of a proceeding's own fields, with paths below {@code prefix} (such as {@code
   * proceedings[2].}). The history must be listed in chronological order.
   */
  public Checks check(Proceeding proceeding, String prefix) {
    Checks checks = new Checks();
    checks.required(prefix + "case", proceeding.caseId());
    checks.required(prefix + "kind", proceeding.kind());
    vocabularies.check(checks, prefix + "kind", Vocabularies.PROCEEDING_KIND, proceeding.kind());
    checks.requiredText(prefix + "title", proceeding.title(), 500);
    checks.optionalText(prefix + "authority", proceeding.authority(), 500);
    checks.country(prefix + "jurisdiction", proceeding.jurisdiction());
    checks.optionalText(prefix + "number", proceeding.number(), 200);
    checks.each(
        prefix + "charges",
        proceeding.charges(),
        (path, charge) -> {
          try {
            Citation.parse(charge.citation(), path);
          } catch (InvalidInput invalid) {
            addAll(checks, invalid);
          }
        });
    checks.each(
        prefix + "parties", proceeding.parties(), (path, party) -> checkParty(checks, path, party));
    checkHistory(checks, prefix + "history", proceeding.history());
    checkOutcome(checks, prefix + "outcome", proceeding.outcome());
    checks.optionalText(prefix + "notes", proceeding.notes(), 100_000);
    return checks;
  }

  private void checkParty(Checks checks, String path, Party party) {
    boolean named = party.name() != null && !party.name().isBlank();
    int given =
        (party.person() == null ? 0 : 1) + (party.organization() == null ? 0 : 1) + (named ? 1 : 0);
    if (given != 1) {
      checks.add(
          path, "names " + given + " parties; give exactly one of person, organization or name");
    }
    checks.optionalText(path + ".name", party.name(), 500);
    checks.required(path + ".role", party.role());
    vocabularies.check(checks, path + ".role", Vocabularies.PARTY_ROLE, party.role());
  }

  /** Each step needs a date and a status, and no step may sort before the one listed before it. */
  private void checkHistory(Checks checks, String field, List<StatusChange> history) {
    checks.each(
        field,
        history,
        (path, change) -> {
          checks.required(path + ".date", change.date());
          checks.required(path + ".status", change.status());
          vocabularies.check(
              checks, path + ".status", Vocabularies.PROCEEDING_STATUS, change.status());
          checks.optionalText(path + ".note", change.note(), 10_000);
          checks.each(path + ".sources", change.sources(), (sourcePath, source) -> {});
        });
    for (int index = 1; index < history.size(); index++) {
      PartialDate previous = dateOf(history.get(index - 1));
      PartialDate date = dateOf(history.get(index));
      if (previous != null && date != null && mustPrecede(date, previous)) {
        checks.add(
            field + "[" + index + "].date",
            date.toEdtf()
                + " is before "
                + field
                + "["
                + (index - 1)
                + "] ("
                + previous.toEdtf()
                + "); list the history in the order it happened");
      }
    }
  }

  private static PartialDate dateOf(StatusChange change) {
    return change == null ? null : change.date();
  }

  private static void checkOutcome(Checks checks, String field, Outcome outcome) {
    if (outcome == null) {
      return;
    }
    checks.optionalText(field + ".summary", outcome.summary(), 10_000);
    Outcome.Fine fine = outcome.fine();
    if (fine == null) {
      return;
    }
    BigDecimal amount = fine.amount();
    checks.required(field + ".fine.amount", amount);
    if (amount != null && amount.signum() <= 0) {
      checks.add(
          field + ".fine.amount", "is " + amount.toPlainString() + "; a fine is more than 0");
    } else if (amount != null
        && (amount.scale() > FINE_DECIMALS
            || amount.precision() - amount.scale() > FINE_INTEGER_DIGITS)) {
      checks.add(
          field + ".fine.amount",
          "is "
              + amount.toPlainString()
              + "; a fine has at most "
              + FINE_INTEGER_DIGITS
              + " digits before the decimal point and "
              + FINE_DECIMALS
              + " after it");
    }
    checks.required(field + ".fine.currency", fine.currency());
    checks.currency(field + ".fine.currency", fine.currency());
  }

  /**
   * The errors that need the database: the case file must be live; every charge must cite an
   * article of the catalogue; the persons, organizations and sources must exist.
   */
  public void checkReferences(Handle handle, Checks checks, Proceeding proceeding, String prefix) {
    if (proceeding.caseId() != null && !RecordRows.isLive(handle, CaseStore.TABLE, proceeding.caseId())) {
      checks.add(prefix + "case", "no case file with id " + proceeding.caseId());
    }
    eachPresent(
        prefix + "charges",
        proceeding.charges(),
        (path, charge) -> checkCharge(handle, checks, path, charge));
    eachPresent(
        prefix + "parties",
        proceeding.parties(),
        (path, party) -> {
          exists(handle, checks, path + ".person", "persons", "person", party.person());
          exists(
              handle,
              checks,
              path + ".organization",
              "organizations",
              "organization",
              party.organization());
        });
    eachPresent(
        prefix + "history",
        proceeding.history(),
        (path, change) ->
            eachPresent(
                path + ".sources",
                change.sources(),
                (sourcePath, source) ->
                    exists(handle, checks, sourcePath, "sources", "source", source)));
  }

  /** Resolves a well-formed citation; a malformed one is reported by {@link #check}. */
  private void checkCharge(Handle handle, Checks checks, String path, Charge charge) {
    Citation citation;
    try {
      citation = Citation.parse(charge.citation(), path);
    } catch (InvalidInput malformed) {
      return;
    }
    try {
      catalogue.resolve(handle, citation, path);
    } catch (InvalidInput unknown) {
      addAll(checks, unknown);
    }
  }

  private static void addAll(Checks checks, InvalidInput invalid) {
    for (FieldError error : invalid.errors()) {
      checks.add(error.field(), error.message());
    }
  }

  /** Runs {@code check} on each element that is present; {@link #check} reports missing ones. */
  private static <T> void eachPresent(String field, List<T> items, Checks.ElementCheck<T> check) {
    for (int index = 0; index < items.size(); index++) {
      if (items.get(index) != null) {
        check.check(field + "[" + index + "]", items.get(index));
      }
    }
  }

  private static void exists(
      Handle handle, Checks checks, String field, String table, String kind, UUID id) {
    if (id != null && !RecordRows.isLive(handle, table, id)) {
      checks.add(field, "no " + kind + " with id " + id);
    }
  }

  /**
   * Whether {@code date} certainly happened before {@code previous}: its last possible day is
   * before the first possible day of the previous entry. Dates that may overlap ({@code 2017-02-03}
   * after {@code 2017-02}) are accepted in the order written; the chronology sorts them anyway.
   */
  private static boolean mustPrecede(PartialDate date, PartialDate previous) {
    return date.latest().isPresent()
        && previous.earliest().isPresent()
        && date.latest().get().isBefore(previous.earliest().get());
  }

  private static void requireBody(Proceeding proceeding) {
    if (proceeding == null) {
      throw new InvalidInput("body", "is empty");
    }
  }
}
