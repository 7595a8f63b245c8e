package org.casebook.bench;

import java.time.LocalDate;

/**
 * The filters of a benchmark query; null fields do not filter. {@code kind} is a record kind as the
 * audit log names it ({@code person}, {@code event}, {@code case-file} ...); {@code year} the year
 * of a record's date; {@code from} and {@code to} a range of days that a record's partial date must
 * overlap, as the event list's date filter does.
 */
public record QueryFilters(String kind, String country, Integer year, LocalDate from, LocalDate to) {
  public static final QueryFilters NONE = new QueryFilters(null, null, null, null, null);

  public boolean isEmpty() {
    return kind == null && country == null && year == null && from == null && to == null;
  }

  /** As the report shows them: {@code kind=event country=KZ}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    append(text, "kind", kind);
    append(text, "country", country);
    append(text, "year", year);
    append(text, "from", from);
    append(text, "to", to);
    return text.toString();
  }

  private static void append(StringBuilder text, String name, Object value) {
    if (value != null) {
      text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(value);
    }
  }
}
