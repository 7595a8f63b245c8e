package org.casebook.communications;

import java.time.LocalDate;
import java.util.UUID;
import org.casebook.common.Confidentiality;

/**
 * One deadline computed from the records: what falls due, on which day, and on which record.
 *
 * @param title the record's title as the reader may see it: a communication's subject, a
 *     proceeding's title
 * @param reference a communication's reference (null for a proceeding)
 * @param communication the communication it concerns, or null
 * @param proceeding the proceeding it concerns, or null
 * @param caseId the proceeding's case file, or null for a communication
 * @param confidentiality the record's level: a calendar program is given the title of no
 *     restricted record
 */
public record Deadline(
    DeadlineKind kind,
    LocalDate date,
    String title,
    String reference,
    UUID communication,
    UUID proceeding,
    UUID caseId,
    Confidentiality confidentiality) {

  /** The record the deadline is on. */
  public UUID recordId() {
    return communication != null ? communication : proceeding;
  }

  /** Whether the day has passed by {@code today}. */
  public boolean isPast(LocalDate today) {
    return date.isBefore(today);
  }
}
