package org.casebook.communications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.common.Checks;

/**
 * The lifecycle of a communication: a draft is sent; then, in any order the facts come in, a reply
 * is received, the letter is published (not before its public date), a follow-up is sent; and at
 * last it is closed. The status is that of the last transition in date order.
 *
 * <pre>
 *   draft ──send──► sent ─┬─► reply-received ─┐
 *                         ├─► published ──────┼─► (any of these three again, as facts come in)
 *                         ├─► follow-up-sent ─┘
 *                         └─► closed (from any of them; nothing follows)
 * </pre>
 *
 * A status never follows itself. {@code published} may come again after a later {@code
 * reply-received}: the reply is then published too. Transitions are kept in the order of their dates; one dated earlier than the
 * last is placed among them, and the whole history must still follow these rules.
 */
public final class Lifecycle {
  private static final Map<CommunicationStatus, Set<CommunicationStatus>> NEXT =
      Map.of(
          CommunicationStatus.DRAFT, EnumSet.of(CommunicationStatus.SENT),
          CommunicationStatus.SENT,
              EnumSet.of(
                  CommunicationStatus.REPLY_RECEIVED, CommunicationStatus.PUBLISHED,
                  CommunicationStatus.FOLLOW_UP_SENT, CommunicationStatus.CLOSED),
          CommunicationStatus.REPLY_RECEIVED,
              EnumSet.of(
                  CommunicationStatus.PUBLISHED, CommunicationStatus.FOLLOW_UP_SENT, CommunicationStatus.CLOSED),
          CommunicationStatus.PUBLISHED,
              EnumSet.of(
                  CommunicationStatus.REPLY_RECEIVED, CommunicationStatus.FOLLOW_UP_SENT, CommunicationStatus.CLOSED),
          CommunicationStatus.FOLLOW_UP_SENT,
              EnumSet.of(
                  CommunicationStatus.REPLY_RECEIVED, CommunicationStatus.PUBLISHED, CommunicationStatus.CLOSED),
          CommunicationStatus.CLOSED, EnumSet.noneOf(CommunicationStatus.class));

  private Lifecycle() {}

  /** The statuses that may follow {@code status}. */
  public static Set<CommunicationStatus> next(CommunicationStatus status) {
    return NEXT.get(status);
  }

  /** Whether {@code to} may follow {@code from}. */
  public static boolean allows(CommunicationStatus from, CommunicationStatus to) {
    return NEXT.get(from).contains(to);
  }

  /** The status a history leads to: that of its last transition, or draft for none. */
  public static CommunicationStatus statusOf(List<Transition> history) {
    return history.isEmpty() ? CommunicationStatus.DRAFT : history.get(history.size() - 1).status();
  }

  /** The date of the first transition to {@code status}, or null (also when that step has no date). */
  public static LocalDate firstDate(List<Transition> history, CommunicationStatus status) {
    for (Transition step : history) {
      if (step != null && step.status() == status) {
        return step.date();
      }
    }
    return null;
  }

  /** The history with {@code step} placed after every transition dated on or before it. */
  public static List<Transition> with(List<Transition> history, Transition step) {
    List<Transition> longer = new ArrayList<>(history);
    int index = longer.size();
    while (index > 0 && longer.get(index - 1).date() != null && step.date().isBefore(longer.get(index - 1).date())) {
      index--;
    }
    longer.add(index, step);
    return longer;
  }

  /**
   * Checks a whole history, reporting each wrong step under {@code field[index]}: it starts with
   * {@code sent}; every date is given, none is before the one above it or after {@code today};
   * each status may follow the one before; and nothing is published before {@code publicOn}.
   */
  public static void check(Checks checks, String field, List<Transition> history, LocalDate publicOn, LocalDate today) {
    CommunicationStatus previous = CommunicationStatus.DRAFT;
    LocalDate previousDate = null;
    for (int index = 0; index < history.size(); index++) {
      Transition step = history.get(index);
      String path = field + "[" + index + "]";
      if (step == null) {
        checks.add(path, "is empty");
        continue;
      }
      if (step.status() == null) {
        checks.add(path + ".status", "is required");
        continue;
      }
      if (step.date() == null) {
        checks.add(path + ".date", "is required");
      } else {
        if (previousDate != null && step.date().isBefore(previousDate)) {
          checks.add(path + ".date", "is " + step.date() + ", before the date above it (" + previousDate + "); list the history in date order");
        }
        if (today != null && step.date().isAfter(today)) {
          checks.add(path + ".date", "is " + step.date() + ", after today (" + today + "); a transition is recorded once it has happened");
        }
        if (step.status() == CommunicationStatus.PUBLISHED && publicOn != null && step.date().isBefore(publicOn)) {
          checks.add(path + ".date", "is " + step.date() + ", before the public date " + publicOn + "; nothing is published before it");
        }
        previousDate = step.date();
      }
      if (!allows(previous, step.status())) {
        checks.add(path + ".status", refusal(previous, step.status()));
      }
      previous = step.status();
    }
  }

  /** Why {@code to} may not follow {@code from}, in words a reader can act on. */
  public static String refusal(CommunicationStatus from, CommunicationStatus to) {
    if (from == CommunicationStatus.DRAFT) {
      return "cannot be " + to.code() + " while the communication is a draft; it must be sent first";
    }
    if (to == CommunicationStatus.SENT) {
      return "cannot be sent: the communication was sent already";
    }
    if (from == CommunicationStatus.CLOSED) {
      return "cannot be " + to.code() + ": the communication is closed";
    }
    if (from == to) {
      return "cannot be " + to.code() + " twice in a row";
    }
    return "cannot follow " + from.code() + "; after " + from.code() + " come "
        + next(from).stream().map(CommunicationStatus::code).collect(Collectors.joining(", "));
  }
}
