package org.casebook.casepage;

import java.util.Map;

/**
 * What a proceeding status means for the defender at a glance, for drawing and styling: the {@code
 * proceeding_status} vocabulary codes fall into a few categories, and any code not listed here (an
 * administrator may add terms) is an {@link #OTHER_STEP}.
 */
public enum StatusCategory {
  /** Filed, opened, resumed: the proceeding starts or starts again. */
  STARTED,
  /** Suspect named, charged, appealed, or any code this enum does not know. */
  OTHER_STEP,
  /** Suspended or interrupted: the proceeding is on hold, not over. */
  PAUSED,
  /** Dismissed, acquitted, decided, closed: the proceeding ended without a conviction. */
  ENDED,
  /** Convicted. */
  CONVICTED,
  /** Wanted-listed, extradition requested: a threat to the defender's liberty or safety. */
  DANGER,
  /** Decision due: a date to act before. */
  DEADLINE;

  private static final Map<String, StatusCategory> BY_STATUS =
      Map.ofEntries(
          Map.entry("filed", STARTED),
          Map.entry("opened", STARTED),
          Map.entry("resumed", STARTED),
          Map.entry("suspect-named", OTHER_STEP),
          Map.entry("charged", OTHER_STEP),
          Map.entry("appealed", OTHER_STEP),
          Map.entry("suspended", PAUSED),
          Map.entry("interrupted", PAUSED),
          Map.entry("dismissed", ENDED),
          Map.entry("acquitted", ENDED),
          Map.entry("decided", ENDED),
          Map.entry("closed", ENDED),
          Map.entry("convicted", CONVICTED),
          Map.entry("wanted-listed", DANGER),
          Map.entry("extradition-requested", DANGER),
          Map.entry("decision-due", DEADLINE));

  /** The category of a {@code proceeding_status} code; {@link #OTHER_STEP} for unknown or null. */
  public static StatusCategory of(String statusCode) {
    return statusCode == null ? OTHER_STEP : BY_STATUS.getOrDefault(statusCode, OTHER_STEP);
  }

  /** Whether the proceeding is over after a status of this category (until it is reopened). */
  public boolean endsProceeding() {
    return this == ENDED || this == CONVICTED;
  }
}
