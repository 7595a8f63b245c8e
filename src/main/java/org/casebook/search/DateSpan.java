package org.casebook.search;

import java.time.LocalDate;
import java.util.Optional;
import org.casebook.dates.PartialDate;

/**
 * The days a record's date can denote, for the date-range filter: from the earliest day to the
 * latest, either end null when open or unknown. {@code 2016} spans 2016-01-01 to 2016-12-31, so it
 * overlaps a filter from 2016-07 to 2016-12.
 */
public record DateSpan(LocalDate from, LocalDate to) {
  /** The span of a partial date, or null for none. */
  public static DateSpan of(PartialDate date) {
    return date == null ? null : new DateSpan(date.earliest().orElse(null), date.latest().orElse(null));
  }

  /** From the earliest day of {@code first} to the latest day of {@code last}. */
  public static DateSpan between(PartialDate first, PartialDate last) {
    return new DateSpan(first.earliest().orElse(null), last.latest().orElse(null));
  }

  /**
   * The span of a filter from {@code from} to {@code to} (either may be null for open): from the
   * earliest day of {@code from} to the latest day of {@code to}.
   */
  public static DateSpan filter(PartialDate from, PartialDate to) {
    return new DateSpan(
        from == null ? null : from.earliest().orElse(null), to == null ? null : to.latest().orElse(null));
  }

  /** Whether the days of this span and {@code other} overlap; a null end is open. */
  public boolean overlaps(DateSpan other) {
    return (to == null || other.from == null || !to.isBefore(other.from))
        && (from == null || other.to == null || !from.isAfter(other.to));
  }

  public Optional<LocalDate> fromDay() {
    return Optional.ofNullable(from);
  }

  public Optional<LocalDate> toDay() {
    return Optional.ofNullable(to);
  }
}
