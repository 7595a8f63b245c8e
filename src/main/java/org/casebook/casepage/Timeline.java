package org.casebook.casepage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.casebook.chronology.ChronologyItem;
import org.casebook.common.Lists;

/**
 * The chronology of a case as the case page shows it: the items grouped by the year of their
 * earliest possible day, each with its date written for the reader.
 *
 * @param groups the years in the order their first item comes in the chronology, then the group of
 *     items without a known earliest day (such as "before 2020"), if any
 */
public record Timeline(List<YearGroup> groups) {

  public Timeline {
    groups = Lists.copy(groups);
  }

  /**
   * The items of one year, or of no known year.
   *
   * @param year the year, or null for the group of items without a known earliest day
   * @param heading the year as written ("2017"), or "Date unknown" in the reader's language
   * @param entries the items in the order of the chronology
   */
  public record YearGroup(Integer year, String heading, List<Entry> entries) {
    public YearGroup {
      entries = Lists.copy(entries);
    }

    /** Whether the group is a year, rather than the group of items without a known year. */
    public boolean dated() {
      return year != null;
    }
  }

  /**
   * One item of the chronology.
   *
   * @param date the item's date formatted for the reader's locale ("3 February 2017", "3 февраля
   *     2017"), empty if the item has no date
   */
  public record Entry(ChronologyItem item, String date) {}

  /**
   * Groups {@code items}, which keep their order within each group; an item whose date has no known
   * earliest day (an open or unknown start) goes in the last group, headed "Date unknown".
   */
  public static Timeline of(List<ChronologyItem> items, Locale locale) {
    CasePageText text = CasePageText.of(locale);
    Map<Integer, List<Entry>> byYear = new LinkedHashMap<>();
    List<Entry> undated = new ArrayList<>();
    for (ChronologyItem item : items) {
      Entry entry = new Entry(item, item.date() == null ? "" : item.date().format(locale));
      Optional<Integer> year = earliestYear(item);
      if (year.isPresent()) {
        byYear.computeIfAbsent(year.get(), ignored -> new ArrayList<>()).add(entry);
      } else {
        undated.add(entry);
      }
    }
    List<YearGroup> groups = new ArrayList<>();
    byYear.forEach(
        (year, entries) -> groups.add(new YearGroup(year, Integer.toString(year), entries)));
    if (!undated.isEmpty()) {
      groups.add(new YearGroup(null, text.get("timeline.undated"), undated));
    }
    return new Timeline(groups);
  }

  private static Optional<Integer> earliestYear(ChronologyItem item) {
    return Optional.ofNullable(item.date())
        .flatMap(date -> date.earliest())
        .map(LocalDate::getYear);
  }
}
