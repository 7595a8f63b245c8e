package org.casebook.communications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.InvalidInput;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.ProceedingService;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.proceedings.StatusChange;
import org.jdbi.v3.core.Jdbi;

/**
 * The deadlines computed from the records, trimmed to what the caller may see (every record is
 * read through its service, so the same visibility, redaction and audit rules apply):
 *
 * <ul>
 *   <li>for a sent communication that is not closed or voided: its public date while it is not
 *       published; the day a reply is expected (sent date plus the reply period) while no reply
 *       came; the day a follow-up is due (the last reply's date, or without one the day a reply
 *       was expected, plus the follow-up period) while no follow-up was sent;
 *   <li>for a proceeding whose current status is {@code decision-due}, as on the dashboard: the
 *       first day its date can denote (a decision due "in 2024" is shown on 1 January 2024, so
 *       that it is not missed).
 * </ul>
 *
 * Thread-safe.
 */
public final class DeadlineService {
  private static final int BATCH = Page.MAX_SIZE;
  /** The longest span of days one request may ask for. */
  public static final int MAX_DAYS = 3 * 366;

  private final Jdbi jdbi;
  private final CommunicationService communications;
  private final ProceedingService proceedings;

  /** Deadlines by day, then kind, then title. */
  private static final Comparator<Deadline> ORDER =
      Comparator.comparing(Deadline::date).thenComparing(Deadline::kind).thenComparing(Deadline::title,
          Comparator.nullsLast(Comparator.naturalOrder()));

  public DeadlineService(Jdbi jdbi, CommunicationService communications, ProceedingService proceedings) {
    this.jdbi = jdbi;
    this.communications = communications;
    this.proceedings = proceedings;
  }

  public CommunicationPeriods periods() {
    return communications.periods();
  }

  /**
   * The deadlines from {@code from} to {@code to} (both included) on records the caller may see,
   * by day, then kind. Pass an earlier {@code from} to see those already past. Needs {@link
   * Permission#READ_RECORDS}.
   */
  public List<Deadline> upcoming(Caller caller, LocalDate from, LocalDate to) {
    caller.require(Permission.READ_RECORDS);
    if (from == null || to == null) {
      throw new InvalidInput(from == null ? "from" : "to", "is required");
    }
    if (to.isBefore(from)) {
      throw new InvalidInput("to", "is " + to + ", before from (" + from + ")");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new InvalidInput("to", "is more than " + MAX_DAYS + " days after from; ask for a shorter span");
    }
    List<Deadline> deadlines = new ArrayList<>();
    for (Deadline deadline : all(caller)) {
      if (!deadline.date().isBefore(from) && !deadline.date().isAfter(to)) {
        deadlines.add(deadline);
      }
    }
    deadlines.sort(ORDER);
    return deadlines;
  }

  /**
   * The deadlines of one communication, which the caller has read, by day, then kind: none for a
   * draft or a closed one. Needs {@link Permission#READ_RECORDS}.
   */
  public List<Deadline> of(Caller caller, Communication communication) {
    caller.require(Permission.READ_RECORDS);
    if (!open(communication)) {
      return List.of();
    }
    List<Deadline> deadlines = new ArrayList<>();
    add(deadlines, communication, lastReplies(List.of(communication.id())).get(communication.id()));
    deadlines.sort(ORDER);
    return deadlines;
  }

  private List<Deadline> all(Caller caller) {
    List<Deadline> deadlines = new ArrayList<>();
    List<Communication> open = new ArrayList<>();
    for (int page = 1; ; page++) {
      Page<Communication> batch =
          communications.list(caller, CommunicationStore.Filter.all(), new PageRequest(page, BATCH));
      batch.items().stream().filter(DeadlineService::open).forEach(open::add);
      if ((long) page * BATCH >= batch.total()) {
        break;
      }
    }
    Map<UUID, LocalDate> lastReplies = lastReplies(open.stream().map(Communication::id).toList());
    for (Communication communication : open) {
      add(deadlines, communication, lastReplies.get(communication.id()));
    }
    for (int page = 1; ; page++) {
      Page<Proceeding> batch =
          proceedings.list(caller, new ProceedingStore.Filter(null, null, "decision-due", false), new PageRequest(page, BATCH));
      for (Proceeding proceeding : batch.items()) {
        StatusChange current = proceeding.history().get(proceeding.history().size() - 1);
        Optional<LocalDate> day = current.date().earliest();
        day.ifPresent(date -> deadlines.add(new Deadline(
            DeadlineKind.DECISION_DUE, date, proceeding.title(), null, null, proceeding.id(), proceeding.caseId(),
            proceeding.confidentiality())));
      }
      if ((long) page * BATCH >= batch.total()) {
        break;
      }
    }
    return deadlines;
  }

  /** Whether a communication has deadlines: sent, and not closed. */
  private static boolean open(Communication communication) {
    return communication.isSent() && communication.status() != CommunicationStatus.CLOSED;
  }

  /**
   * The deadlines of an open communication, its last reply received on {@code lastRecorded} (null
   * when none is recorded): the public date until published, the reply until one came, the
   * follow-up until it was sent.
   */
  private void add(List<Deadline> deadlines, Communication communication, LocalDate lastRecorded) {
    CommunicationPeriods periods = communications.periods();
    LocalDate lastReply = lastRecorded;
    List<Transition> history = communication.history();
    boolean replied = lastReply != null || has(history, CommunicationStatus.REPLY_RECEIVED);
    if (!has(history, CommunicationStatus.PUBLISHED)) {
      deadlines.add(on(DeadlineKind.PUBLIC_DATE, communication.publicOn(), communication));
    }
    LocalDate expected = periods.replyExpected(communication.sentOn());
    if (!replied) {
      deadlines.add(on(DeadlineKind.REPLY_EXPECTED, expected, communication));
    }
    if (!has(history, CommunicationStatus.FOLLOW_UP_SENT)) {
      if (lastReply == null) {
        lastReply = history.stream()
            .filter(step -> step.status() == CommunicationStatus.REPLY_RECEIVED)
            .map(Transition::date)
            .reduce((first, second) -> second)
            .orElse(null);
      }
      LocalDate base = lastReply != null ? lastReply : expected;
      deadlines.add(on(DeadlineKind.FOLLOW_UP_DUE, base.plusDays(periods.followUpDays()), communication));
    }
  }

  private static boolean has(List<Transition> history, CommunicationStatus status) {
    return history.stream().anyMatch(step -> step.status() == status);
  }

  private static Deadline on(DeadlineKind kind, LocalDate date, Communication communication) {
    return new Deadline(
        kind, date, communication.subject(), communication.reference(), communication.id(), null, null,
        communication.confidentiality());
  }

  /** The day the last live reply came, for each of the communications that has one. */
  private Map<UUID, LocalDate> lastReplies(List<UUID> ids) {
    Map<UUID, LocalDate> last = new HashMap<>();
    if (ids.isEmpty()) {
      return last;
    }
    for (int start = 0; start < ids.size(); start += BATCH) {
      List<UUID> part = ids.subList(start, Math.min(ids.size(), start + BATCH));
      jdbi.useHandle(
          handle ->
              handle
                  .createQuery(
                      "SELECT m.public_id, MAX(r.received_on) AS last_reply FROM replies r"
                          + " JOIN communications m ON m.id = r.communication_id"
                          + " WHERE r.voided_at IS NULL AND m.public_id IN (<ids>) GROUP BY m.public_id")
                  .bindList("ids", part)
                  .map(
                          (row, context) -> {
                            last.put(row.getObject("public_id", UUID.class), row.getObject("last_reply", LocalDate.class));
                            return 0;
                          })
                  .list());
    }
    return last;
  }
}
