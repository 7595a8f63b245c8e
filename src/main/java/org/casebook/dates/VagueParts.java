package org.casebook.dates;

import java.time.LocalDate;
import java.util.Locale;
import org.casebook.dates.PartialDate.Precision;
import org.casebook.dates.Vocabulary.VaguePart;

/**
 * What to suggest instead of "early 2019", "mid-July 2016" or "конец 2010-х": a range that the
 * person can check, correct and type in. These ranges appear only in refusals, never as a result.
 */
final class VagueParts {

  private VagueParts() {}

  /**
   * The part of {@code whole} as EDTF: the first four, middle four or last four months of a year;
   * days 1-10, 11-20 or 21 to the end of a month; the first four, middle three or last three years
   * of a decade.
   */
  static String suggestedRange(PartialDate whole, VaguePart part) {
    LocalDate first = whole.earliest().orElseThrow();
    int year = first.getYear();
    if (whole.precision().compareTo(Precision.DECADE) <= 0) {
      int[] offsets = pick(part, new int[] {0, 3}, new int[] {4, 6}, new int[] {7, 9});
      return String.format(Locale.ROOT, "%04d/%04d", year + offsets[0], year + offsets[1]);
    }
    if (whole.precision() == Precision.YEAR) {
      int[] months = pick(part, new int[] {1, 4}, new int[] {5, 8}, new int[] {9, 12});
      return String.format(Locale.ROOT, "%04d-%02d/%04d-%02d", year, months[0], year, months[1]);
    }
    int lastDay = first.lengthOfMonth();
    int[] days = pick(part, new int[] {1, 10}, new int[] {11, 20}, new int[] {21, lastDay});
    String month = String.format(Locale.ROOT, "%04d-%02d", year, first.getMonthValue());
    return String.format(Locale.ROOT, "%s-%02d/%s-%02d", month, days[0], month, days[1]);
  }

  /** The period a part was taken from, as EDTF; a month for a day, as days have no parts. */
  static String wholePeriod(PartialDate whole) {
    if (whole.precision() != Precision.DAY) {
      return whole.toEdtf();
    }
    LocalDate day = whole.earliest().orElseThrow();
    return String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue());
  }

  private static int[] pick(VaguePart part, int[] early, int[] middle, int[] late) {
    return switch (part) {
      case EARLY -> early;
      case MIDDLE -> middle;
      case LATE -> late;
    };
  }
}
