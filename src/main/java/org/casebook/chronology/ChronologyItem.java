package org.casebook.chronology;

import java.util.List;
import java.util.UUID;
import org.casebook.common.Confidentiality;
import org.casebook.dates.PartialDate;

/**
 * One line of a case's chronology: an event, or a change in the status of one of its proceedings.
 *
 * @param kind {@code event} or {@code status_change}
 * @param id the event's id, or the proceeding's for a status change
 * @param date the partial date, as recorded
 * @param dateText the date for people, in English ("July 2016", "December 2023 to March 2024")
 * @param type the event type, or the proceeding status, as a vocabulary code
 * @param typeLabel the English label of {@code type}
 * @param title what happened, in one line
 * @param proceeding the proceeding the item belongs to, if any
 * @param sources the sources the item rests on
 */
public record ChronologyItem(
    String kind,
    UUID id,
    PartialDate date,
    String dateText,
    String type,
    String typeLabel,
    String title,
    ProceedingRef proceeding,
    List<SourceRef> sources,
    Confidentiality confidentiality) {

  public static final String EVENT = "event";
  public static final String STATUS_CHANGE = "status_change";

  /** A proceeding as named in the chronology. */
  public record ProceedingRef(UUID id, String title) {}

  /** A source as named in the chronology. */
  public record SourceRef(UUID id, String title) {}
}
