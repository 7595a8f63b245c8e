package org.casebook.communications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The periods that make a communication's deadlines, from the settings, and the time zone in
 * which its dates are days.
 *
 * @param confidentialDays days a sent communication stays confidential: its public date is the
 *     day it was sent plus these days (60 by default, as the UN keeps letters confidential)
 * @param replyDays days after sending by which a reply is expected
 * @param followUpDays days after the reply came (or, without one, after it was expected) by which
 *     a follow-up is due
 * @param zone the time zone whose midnight starts a day
 */
public record CommunicationPeriods(int confidentialDays, int replyDays, int followUpDays, ZoneId zone) {
  public static final CommunicationPeriods DEFAULTS = new CommunicationPeriods(60, 60, 30, ZoneOffset.UTC);

  /** The day it is at {@code instant}. */
  public LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /** The first instant of {@code day}. */
  public Instant start(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  public LocalDate publicDate(LocalDate sentOn) {
    return sentOn.plusDays(confidentialDays);
  }

  public LocalDate replyExpected(LocalDate sentOn) {
    return sentOn.plusDays(replyDays);
  }
}
