package org.casebook.communications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.access.RestrictedFields;
import org.casebook.access.Visibility;
import org.casebook.cases.CaseStore;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.Confidentiality;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.storage.RecordRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Communications: their content, their lifecycle and the references they get when sent. Each
 * operation is one transaction. Thread-safe.
 *
 * <p>Access: a communication is a shared record linked to case files. It is visible to the team
 * of any case file it is linked to (a restricted one only with the grant on such a case file), and
 * one linked to no case file to administrators and to the user who created it. Changing it needs
 * {@link Permission#WRITE_RECORDS} and seeing it; linking it to a case file, or unlinking it, needs
 * write access to that case file. Notes are restricted fields.
 *
 * <p>Lifecycle ({@link Lifecycle}): {@link #send} gives a draft its reference and its public date,
 * {@link #publish} is refused before that date, {@link #followUpSent} and {@link #close} record the
 * rest; a reply (through {@link ReplyService}) records {@code reply-received}. Every transition is
 * dated (today, in the settings' time zone, unless the request gives an earlier day) and kept in
 * the history. Time comes from the injected {@link Clock}.
 *
 * <p>Public: nothing of a communication is public before its public date, whatever its
 * confidentiality says; see {@link #isPublic}.
 */
public final class CommunicationService {
  static final int MAX_SUBJECT = 1000;
  static final int MAX_TEXT = 1_000_000;
  static final int MAX_PART = 100_000;
  static final int MAX_QUESTIONS = 100;
  static final int MAX_STANDARDS = 100;
  private static final Set<String> STATES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

  private final Jdbi jdbi;
  private final Clock clock;
  private final CommunicationPeriods periods;
  private final CommunicationStore store = new CommunicationStore();
  private final Reads<Communication> reads;

  public CommunicationService(Jdbi jdbi, Clock clock, CommunicationPeriods periods) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.periods = periods;
    this.reads = new Reads<>(jdbi, clock, CommunicationStore.TABLE, CommunicationStore.KIND, Communication::withheld);
  }

  public CommunicationPeriods periods() {
    return periods;
  }

  /** Today, in the settings' time zone. */
  public LocalDate today() {
    return periods.day(clock.instant());
  }

  // ------------------------------------------------------------------ reads

  /**
   * A communication the caller may see, voided or not, with the links to those related
   * communications the caller may see. Needs {@link Permission#READ_RECORDS}.
   */
  public Communication get(Caller caller, UUID id) {
    Visibility visibility = new Visibility(caller);
    return reads.one(caller, id, (handle, found) -> find(handle, found, visibility));
  }

  /** A communication with all its links, whoever may see it: for code that has checked access. */
  public Communication get(Handle handle, UUID id) {
    return find(handle, id, new Visibility(Caller.system("read")));
  }

  /** A page of the communications the caller may see. Needs {@link Permission#READ_RECORDS}. */
  public Page<Communication> list(Caller caller, CommunicationStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  /** Every live communication linked to a case file, for the export. */
  public List<Communication> forCase(Handle handle, UUID caseId) {
    return store.forCase(handle, caseId, new Visibility(Caller.system("export")));
  }

  /** A communication the caller has been shown to see, as the caller may see it, in a transaction of theirs. */
  Communication shown(Handle handle, Caller caller, UUID id) {
    Guard.requireVisible(handle, caller, CommunicationStore.TABLE, CommunicationStore.KIND, id);
    return reads.afterWrite(handle, caller, find(handle, id, new Visibility(caller)));
  }

  private Communication find(Handle handle, UUID id, Visibility visibility) {
    return store.find(handle, id, visibility).orElseThrow(() -> new NoSuchRecord(CommunicationStore.KIND, id));
  }

  /**
   * Whether a communication is public at {@code at}: marked public, not voided, published, and
   * {@code at} is on or after the first instant of its public date. Before that instant nothing of
   * it is public, whatever its confidentiality and history say.
   */
  public boolean isPublic(Communication communication, Instant at) {
    return communication.confidentiality() == Confidentiality.PUBLIC
        && !communication.isVoided()
        && communication.publicOn() != null
        && communication.history().stream().anyMatch(step -> step.status() == CommunicationStatus.PUBLISHED)
        && !at.isBefore(periods.start(communication.publicOn()));
  }

  /** The first instant at which a sent communication may be public, or null for a draft. */
  public Instant publicFrom(Communication communication) {
    return communication.publicOn() == null ? null : periods.start(communication.publicOn());
  }

  // ------------------------------------------------------------------ content

  /** Creates a draft. Needs {@link Permission#WRITE_RECORDS} and write access to each linked case file. */
  public Communication create(Caller caller, Communication communication) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(communication);
    UUID id = UUID.randomUUID();
    Communication draft = communication.withHeader(id, null, communication.confidentiality(), null)
        .withLifecycle(null, List.of(), null, null);
    return jdbi.inTransaction(
        handle -> {
          Checks checks = check(draft, "");
          checkReferences(handle, checks, draft, "");
          checks.throwIfAny();
          for (UUID caseId : draft.cases()) {
            Guard.requireCaseWrite(handle, caller, caseId);
          }
          store.insert(handle, id, null, draft, caller.actor(), clock.instant());
          return shown(handle, caller, id);
        });
  }

  /**
   * Updates a communication's content, based on {@code communication.version()}. Its lifecycle is
   * not changed here; once it is sent, its type and addressed States (which its reference names)
   * are fixed.
   */
  public Communication update(Caller caller, UUID id, Communication communication) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(communication);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, CommunicationStore.TABLE, CommunicationStore.KIND, id);
          Communication stored = get(handle, id);
          Communication changed =
              RestrictedFields.granted(handle, caller, CommunicationStore.TABLE, id)
                  ? communication
                  : communication.keepingRestrictedOf(stored);
          changed = changed.withHeader(id, communication.version(), communication.confidentiality(), null)
              .withLifecycle(stored.reference(), stored.history(), stored.sentOn(), stored.publicOn());
          Checks checks = check(changed, "");
          checks.required("version", communication.version());
          checkReferences(handle, checks, changed, "");
          if (stored.isSent()) {
            if (changed.type() != null && changed.type() != stored.type()) {
              checks.add("type", "is " + changed.type().code() + " but the communication was sent as " + stored.type().code()
                  + " (" + stored.reference() + "); the type of a sent communication cannot change");
            }
            if (!changed.states().equals(stored.states())) {
              checks.add("states", "are " + changed.states() + " but the communication was sent to " + stored.states()
                  + " (" + stored.reference() + "); the States of a sent communication cannot change");
            }
          }
          checks.throwIfAny();
          Set<UUID> before = new HashSet<>(stored.cases());
          Set<UUID> after = new HashSet<>(changed.cases());
          for (UUID caseId : stored.cases()) {
            if (!after.contains(caseId)) {
              Guard.requireCaseWrite(handle, caller, caseId);
            }
          }
          for (UUID caseId : changed.cases()) {
            if (!before.contains(caseId)) {
              Guard.requireCaseWrite(handle, caller, caseId);
            }
          }
          store.update(handle, id, changed, stored.history(), caller.actor(), clock.instant());
          return shown(handle, caller, id);
        });
  }

  /** Voids a communication with a reason; a sent one keeps its reference, which is never given again. */
  public Communication voidCommunication(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, CommunicationStore.TABLE, CommunicationStore.KIND, id);
          RecordRows.voidRecord(
              handle, CommunicationStore.TABLE, CommunicationStore.KIND, id, request.version(), request.reason(),
              caller.actor(), clock.instant());
          return shown(handle, caller, id);
        });
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Sends a draft: it gets its reference (the type, the first addressed State or {@value
   * Reference#NO_STATE}, the next number of that State's sequence for the year it is sent, the
   * year), its sent date and its public date (the sent date plus the confidential period). A draft
   * is sent only with a subject, an addressee and a signing mandate. If it follows up another
   * communication the caller may change, that one records {@code follow-up-sent} on the same day.
   */
  public Communication send(Caller caller, UUID id, TransitionRequest request) {
    return transition(caller, id, request, CommunicationStatus.SENT);
  }

  /**
   * Publishes a sent communication (and its replies so far), refused before its public date and
   * unless it is marked public.
   */
  public Communication publish(Caller caller, UUID id, TransitionRequest request) {
    return transition(caller, id, request, CommunicationStatus.PUBLISHED);
  }

  /** Records that a follow-up was sent about this communication. */
  public Communication followUpSent(Caller caller, UUID id, TransitionRequest request) {
    return transition(caller, id, request, CommunicationStatus.FOLLOW_UP_SENT);
  }

  /** Closes a sent communication; nothing follows. */
  public Communication close(Caller caller, UUID id, TransitionRequest request) {
    return transition(caller, id, request, CommunicationStatus.CLOSED);
  }

  private Communication transition(Caller caller, UUID id, TransitionRequest request, CommunicationStatus status) {
    caller.require(Permission.WRITE_RECORDS);
    if (request == null) {
      throw new InvalidInput("body", "is empty; expected the version the change is based on");
    }
    Checks required = new Checks();
    required.required("version", request.version());
    required.optionalText("note", request.note(), 2000);
    required.throwIfAny();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, CommunicationStore.TABLE, CommunicationStore.KIND, id);
          Communication stored = get(handle, id);
          Instant now = clock.instant();
          LocalDate today = periods.day(now);
          LocalDate date = request.date() == null ? today : request.date();
          Transition step = new Transition(status, date, request.note(), now, caller.name());
          Checks checks = new Checks();
          if (status == CommunicationStatus.SENT) {
            sendChecks(checks, stored, date, today);
            checks.throwIfAny();
            sendAndNumber(handle, caller, stored, request.version(), step, now);
          } else {
            List<Transition> history = Lifecycle.with(stored.history(), step);
            transitionChecks(checks, stored, history, step, now, today);
            checks.throwIfAny();
            store.writeLifecycle(
                handle, stored.withHeader(id, request.version(), stored.confidentiality(), stored.audit()),
                stored.withLifecycle(stored.reference(), history, stored.sentOn(), stored.publicOn()),
                caller.actor(), now);
          }
          return shown(handle, caller, id);
        });
  }

  private void sendChecks(Checks checks, Communication stored, LocalDate date, LocalDate today) {
    if (stored.isSent()) {
      checks.add("status", "is " + stored.status().code() + "; the communication was sent already, as " + stored.reference());
      return;
    }
    if (date.isAfter(today)) {
      checks.add("date", "is " + date + ", after today (" + today + "); a letter is recorded as sent once it has gone");
    }
    checkSendable(checks, stored, "");
  }

  /** What a communication needs before it goes: a subject, an addressee, a signing mandate. */
  private static void checkSendable(Checks checks, Communication communication, String prefix) {
    if (communication.subject() == null || communication.subject().isBlank()) {
      checks.add(prefix + "subject", "is required before the communication is sent");
    }
    if (communication.states().isEmpty() && communication.otherAddressees().isEmpty()) {
      checks.add(prefix + "states", "name no addressee; a communication is sent to at least one State or other body");
    }
    if (communication.mandates().isEmpty()) {
      checks.add(prefix + "mandates", "name no mandate; a communication is sent signed by at least one mandate");
    }
  }

  /**
   * Marks the communication sent, then takes its number. The version-checked write comes first, so
   * that, like every other write, the transaction takes the audit log's lock before the counter's:
   * concurrent senders and imports always lock in the same order.
   */
  private void sendAndNumber(Handle handle, Caller caller, Communication stored, int version, Transition step, Instant now) {
    LocalDate sentOn = step.date();
    List<Transition> history = List.of(step);
    long key =
        store.writeLifecycle(
            handle, stored.withHeader(stored.id(), version, stored.confidentiality(), stored.audit()),
            stored.withLifecycle(null, history, sentOn, periods.publicDate(sentOn)),
            caller.actor(), now);
    String state = stored.states().isEmpty() ? Reference.NO_STATE : stored.states().get(0);
    int number = ReferenceCounter.take(handle, state, sentOn.getYear());
    Reference reference = new Reference(stored.type(), state, number, sentOn.getYear());
    store.assignReference(handle, key, reference);
    if (stored.followUpOf() != null && new Visibility(caller).isVisible(handle, CommunicationStore.TABLE, stored.followUpOf())) {
      recordFollowUp(handle, caller, stored.followUpOf(), sentOn, reference, now);
    }
  }

  /**
   * Records on the communication a sent follow-up follows up that the follow-up was sent, when its
   * lifecycle allows it there (not on a closed one, nor twice in a row).
   */
  private void recordFollowUp(Handle handle, Caller caller, UUID followedUp, LocalDate sentOn, Reference reference, Instant now) {
    Communication original = get(handle, followedUp);
    if (original.isVoided() || !original.isSent()) {
      return;
    }
    Transition step = new Transition(CommunicationStatus.FOLLOW_UP_SENT, sentOn, reference.toString(), now, caller.name());
    List<Transition> history = Lifecycle.with(original.history(), step);
    Checks checks = new Checks();
    Lifecycle.check(checks, "history", history, original.publicOn(), null);
    if (checks.ok()) {
      store.writeLifecycle(
          handle, original, original.withLifecycle(original.reference(), history, original.sentOn(), original.publicOn()),
          caller.actor(), now);
    }
  }

  private void transitionChecks(
      Checks checks, Communication stored, List<Transition> history, Transition step, Instant now, LocalDate today) {
    CommunicationStatus status = step.status();
    if (!stored.isSent()) {
      checks.add("status", Lifecycle.refusal(CommunicationStatus.DRAFT, status));
      return;
    }
    if (stored.status() == CommunicationStatus.CLOSED) {
      checks.add("status", Lifecycle.refusal(CommunicationStatus.CLOSED, status));
      return;
    }
    if (step.date().isAfter(today)) {
      checks.add("date", "is " + step.date() + ", after today (" + today + "); a transition is recorded once it has happened");
    }
    if (step.date().isBefore(stored.sentOn())) {
      checks.add("date", "is " + step.date() + ", before the communication was sent (" + stored.sentOn() + ")");
    }
    if (status == CommunicationStatus.PUBLISHED) {
      if (now.isBefore(periods.start(stored.publicOn()))) {
        checks.add("status", "cannot be published before its public date " + stored.publicOn() + " (sent " + stored.sentOn()
            + ", confidential for " + periods.confidentialDays() + " days)");
        return;
      }
      if (stored.confidentiality() != Confidentiality.PUBLIC) {
        checks.add("confidentiality", "is " + stored.confidentiality().code()
            + "; mark the communication public before publishing it");
      }
    }
    if (!checks.ok()) {
      return;
    }
    Checks whole = new Checks();
    Lifecycle.check(whole, "history", history, stored.publicOn(), today);
    if (!whole.ok()) {
      int index = history.indexOf(step);
      CommunicationStatus before = index == 0 ? CommunicationStatus.DRAFT : history.get(index - 1).status();
      String reason = Lifecycle.allows(before, status)
          ? "would break the history: " + whole.errors().get(0).field() + " " + whole.errors().get(0).message()
          : Lifecycle.refusal(before, status);
      checks.add("status", reason);
    }
  }

  /**
   * Records {@code reply-received} on the communication of a reply just recorded, in the reply's
   * transaction, dated the day the reply came, where the lifecycle allows it (once the
   * communication was sent; not on a closed one, nor right after another reply). Returns whether
   * it did.
   */
  boolean replyReceived(Handle handle, UUID id, LocalDate received, String senderReference, Actor actor) {
    Communication stored = get(handle, id);
    if (!stored.isSent() || stored.isVoided()) {
      return false;
    }
    Instant now = clock.instant();
    Transition step = new Transition(CommunicationStatus.REPLY_RECEIVED, received, senderReference, now, actor.name());
    List<Transition> history = Lifecycle.with(stored.history(), step);
    Checks checks = new Checks();
    Lifecycle.check(checks, "history", history, stored.publicOn(), null);
    if (!checks.ok()) {
      return false;
    }
    store.writeLifecycle(
        handle, stored, stored.withLifecycle(stored.reference(), history, stored.sentOn(), stored.publicOn()), actor, now);
    return true;
  }

  // ------------------------------------------------------------------ checks and import

  /** The errors of a communication's own fields, with paths below {@code prefix}. */
  public Checks check(Communication communication, String prefix) {
    Checks checks = new Checks();
    checks.required(prefix + "type", communication.type());
    checks.requiredText(prefix + "subject", communication.subject(), MAX_SUBJECT);
    checks.optionalText(prefix + "summary", communication.summary(), MAX_PART);
    checks.optionalText(prefix + "text", communication.text(), MAX_TEXT);
    checks.optionalText(prefix + "concerns", communication.concerns(), MAX_PART);
    checks.optionalText(prefix + "notes", communication.notes(), MAX_PART);
    checks.each(prefix + "states", communication.states(), (path, state) -> {
      if (!STATES.contains(state)) {
        checks.add(path, "\"" + state + "\" is not a State; expected an ISO 3166-1 alpha-3 code in capitals, such as KAZ");
      }
    });
    checks.unique(prefix + "states", communication.states(), state -> state, "State");
    checks.each(prefix + "other_addressees", communication.otherAddressees(), (path, name) -> checks.requiredText(path, name, 500));
    checks.each(prefix + "mandates", communication.mandates(), (path, mandate) -> {});
    checks.unique(prefix + "mandates", communication.mandates(), mandate -> mandate, "mandate");
    checks.each(prefix + "cases", communication.cases(), (path, id) -> {});
    checks.unique(prefix + "cases", communication.cases(), id -> id, "case file");
    checks.each(prefix + "persons", communication.persons(), (path, id) -> {});
    checks.unique(prefix + "persons", communication.persons(), id -> id, "person");
    checks.each(prefix + "sources", communication.sources(), (path, id) -> {});
    checks.each(prefix + "related", communication.related(), (path, id) -> {
      if (id.equals(communication.id())) {
        checks.add(path, "is this communication itself; a communication cannot relate to itself");
      }
    });
    checks.unique(prefix + "related", communication.related(), id -> id, "communication");
    if (communication.followUpOf() != null && communication.followUpOf().equals(communication.id())) {
      checks.add(prefix + "follow_up_of", "is this communication itself; a communication cannot follow itself up");
    }
    if (communication.questions().size() > MAX_QUESTIONS) {
      checks.add(prefix + "questions", "are " + communication.questions().size() + "; at most " + MAX_QUESTIONS + " are allowed");
    }
    checks.each(prefix + "questions", communication.questions(), (path, question) -> checks.requiredText(path, question, 10_000));
    if (communication.standards().size() > MAX_STANDARDS) {
      checks.add(prefix + "standards", "are " + communication.standards().size() + "; at most " + MAX_STANDARDS + " are allowed");
    }
    checks.each(prefix + "standards", communication.standards(), (path, standard) -> checks.requiredText(path, standard, 2000));
    if (communication.isSent()) {
      checkSendable(checks, communication, prefix);
    }
    return checks;
  }

  /**
   * The errors that need the database: the mandates must be in the catalogue; the case files,
   * persons, sources and related communications must exist and be live.
   */
  public void checkReferences(Handle handle, Checks checks, Communication communication, String prefix) {
    checkMandates(handle, checks, communication, prefix);
    live(handle, checks, prefix + "cases", CaseStore.TABLE, "case file", communication.cases());
    live(handle, checks, prefix + "persons", "persons", "person", communication.persons());
    live(handle, checks, prefix + "sources", "sources", "source", communication.sources());
    live(handle, checks, prefix + "related", CommunicationStore.TABLE, "communication", communication.related());
    if (communication.followUpOf() != null && !communication.followUpOf().equals(communication.id())) {
      live(handle, checks, prefix + "follow_up_of", CommunicationStore.TABLE, "communication", communication.followUpOf());
    }
  }

  /** The errors of mandates that are not in the catalogue. */
  public void checkMandates(Handle handle, Checks checks, Communication communication, String prefix) {
    List<String> mandates = communication.mandates();
    for (int index = 0; index < mandates.size(); index++) {
      String code = mandates.get(index);
      if (code != null && !MandateService.exists(handle, code)) {
        checks.add(prefix + "mandates[" + index + "]", "\"" + code + "\" is not a mandate of the catalogue (GET /api/v1/mandates)");
      }
    }
  }

  private static void live(Handle handle, Checks checks, String field, String table, String kind, List<UUID> ids) {
    for (int index = 0; index < ids.size(); index++) {
      live(handle, checks, field + "[" + index + "]", table, kind, ids.get(index));
    }
  }

  private static void live(Handle handle, Checks checks, String field, String table, String kind, UUID id) {
    if (id != null && !RecordRows.isLive(handle, table, id)) {
      checks.add(field, "no " + kind + " with id " + id);
    }
  }

  /**
   * The errors of an imported communication's lifecycle: a reference is given exactly when the
   * history says it was sent, names its type and first State (or {@value Reference#NO_STATE}) and
   * the year of sending, and is no other communication's; the history follows the lifecycle.
   *
   * @param id the id the communication has or will have
   */
  public void checkLifecycle(Handle handle, Checks checks, Communication communication, UUID id, String prefix) {
    List<Transition> history = communication.history();
    Lifecycle.check(checks, prefix + "history", history, publicOn(communication), today());
    LocalDate sentOn = Lifecycle.firstDate(history, CommunicationStatus.SENT);
    if (communication.reference() == null) {
      return;
    }
    Reference reference;
    try {
      reference = Reference.parse(communication.reference(), prefix + "reference");
    } catch (InvalidInput invalid) {
      invalid.errors().forEach(error -> checks.add(error.field(), error.message()));
      return;
    }
    if (sentOn == null) {
      checks.add(prefix + "reference", "is given but the history does not say the communication was sent; a reference is given when it is sent");
      return;
    }
    if (communication.type() != null && reference.type() != communication.type()) {
      checks.add(prefix + "reference", "begins with " + reference.type().code() + " but the type is " + communication.type().code());
    }
    String state = communication.states().isEmpty() ? Reference.NO_STATE : communication.states().get(0);
    if (!reference.state().equals(state)) {
      checks.add(prefix + "reference", "names " + reference.state() + " but the first State addressed is " + state);
    }
    if (reference.year() != sentOn.getYear()) {
      checks.add(prefix + "reference", "is of " + reference.year() + " but the communication was sent in " + sentOn.getYear());
    }
    String stored = referenceOwner(handle, reference);
    if (stored != null && !stored.equals(id.toString())) {
      checks.add(prefix + "reference", "number " + reference.number() + "/" + reference.year() + " of " + reference.state()
          + " is taken by another communication; a number is never given twice");
    }
  }

  /** The public id (as text) of the communication holding the number of {@code reference}, or null. */
  private static String referenceOwner(Handle handle, Reference reference) {
    return handle
        .createQuery("SELECT public_id FROM communications WHERE ref_state = :state AND ref_year = :year AND ref_number = :number")
        .bind("state", reference.state())
        .bind("year", reference.year())
        .bind("number", reference.number())
        .mapTo(UUID.class)
        .findOne()
        .map(UUID::toString)
        .orElse(null);
  }

  /** The public date of an imported communication: the one given, or its sent date plus the period. */
  private LocalDate publicOn(Communication communication) {
    if (communication.publicOn() != null) {
      return communication.publicOn();
    }
    LocalDate sentOn = Lifecycle.firstDate(communication.history(), CommunicationStatus.SENT);
    return sentOn == null ? null : periods.publicDate(sentOn);
  }

  /**
   * Inserts or updates a communication inside an import's transaction, with its lifecycle as the
   * document gives it; the import has run {@link #check}, {@link #checkReferences} and {@link
   * #checkLifecycle}. A sent one without a reference gets the next number; one with a reference
   * moves its sequence past that number. An existing communication keeps its links to case files
   * of other documents, and its relations to communications that are not in {@code inDocument}
   * (those of other case files, which the document cannot name). Returns the internal key.
   */
  public long save(
      Handle handle, UUID id, String importKey, Communication communication, UUID caseId, Actor actor, boolean exists,
      Set<UUID> inDocument) {
    Instant now = clock.instant();
    LocalDate sentOn = Lifecycle.firstDate(communication.history(), CommunicationStatus.SENT);
    List<Transition> history = communication.history().stream()
        .map(step -> new Transition(step.status(), step.date(), step.note(),
            step.recordedAt() == null ? now : step.recordedAt(), step.recordedBy() == null ? actor.name() : step.recordedBy()))
        .toList();
    String reference = communication.reference();
    if (reference != null) {
      Reference parsed = Reference.parse(reference, "reference");
      ReferenceCounter.passed(handle, parsed.state(), parsed.year(), parsed.number());
    }
    Communication complete =
        communication.withLifecycle(reference, history, sentOn, sentOn == null ? null : publicOn(communication));
    if (!exists) {
      long key = store.insert(handle, id, importKey, complete.withCases(withCase(List.of(), caseId)), actor, now);
      numberIfMissing(handle, key, complete);
      return key;
    }
    Communication stored = get(handle, id);
    List<UUID> cases = withCase(stored.cases(), caseId);
    UUID followUpOf = complete.followUpOf() != null || stored.followUpOf() == null || inDocument.contains(stored.followUpOf())
        ? complete.followUpOf() : stored.followUpOf();
    List<UUID> related = new java.util.ArrayList<>(complete.related());
    stored.related().stream().filter(other -> !inDocument.contains(other) && !related.contains(other)).forEach(related::add);
    complete = complete.withRelations(followUpOf, related);
    int version = RecordRows.currentVersion(handle, CommunicationStore.TABLE, CommunicationStore.KIND, id);
    String kept = reference == null && sentOn != null ? stored.reference() : reference;
    Communication changed =
        complete.withHeader(id, version, complete.confidentiality(), null)
            .withCases(cases)
            .withLifecycle(kept, keepRecorded(history, stored.history()), complete.sentOn(), complete.publicOn());
    long key = store.replace(handle, id, changed, actor, now);
    numberIfMissing(handle, key, changed);
    return key;
  }

  /** The history with who recorded each step and when kept from the stored step it repeats. */
  private static List<Transition> keepRecorded(List<Transition> history, List<Transition> stored) {
    return history.stream()
        .map(step -> stored.stream()
            .filter(old -> old.status() == step.status() && old.date().equals(step.date()) && Objects.equals(old.note(), step.note()))
            .findFirst()
            .orElse(step))
        .toList();
  }

  private void numberIfMissing(Handle handle, long key, Communication communication) {
    if (communication.reference() != null || communication.sentOn() == null) {
      return;
    }
    String state = communication.states().isEmpty() ? Reference.NO_STATE : communication.states().get(0);
    int year = communication.sentOn().getYear();
    store.assignReference(handle, key, new Reference(communication.type(), state, ReferenceCounter.take(handle, state, year), year));
  }

  private static List<UUID> withCase(List<UUID> cases, UUID caseId) {
    List<UUID> all = new java.util.ArrayList<>(cases);
    if (caseId != null && !all.contains(caseId)) {
      all.add(caseId);
    }
    return all;
  }

  /**
   * A communication as an import compares it with what is stored: the fields a document gives,
   * without bookkeeping, links to case files (implied by the document) or who recorded each step.
   */
  public Object comparable(Communication communication, Set<UUID> inDocument) {
    UUID followUpOf =
        communication.followUpOf() != null && inDocument.contains(communication.followUpOf()) ? communication.followUpOf() : null;
    List<UUID> related = communication.related().stream().filter(inDocument::contains).toList();
    return List.of(
        Communication.draft(
            communication.confidentiality(), communication.type(), communication.states(),
            communication.otherAddressees(), communication.mandates(), List.of(), communication.persons(),
            communication.subject(), communication.summary(), communication.text(), communication.concerns(),
            communication.questions(), communication.standards(), communication.sources(), followUpOf, related,
            communication.notes()),
        String.valueOf(communication.reference()),
        communication.history().stream().map(step -> List.of(step.status(), step.date(), String.valueOf(step.note()))).toList(),
        String.valueOf(publicOn(communication)));
  }

  private static void requireBody(Communication communication) {
    if (communication == null) {
      throw new InvalidInput("body", "is empty");
    }
  }
}
