package org.casebook.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.casebook.dates.PartialDate;

/**
 * One record found.
 *
 * @param kind what it is
 * @param id its public id
 * @param cases the case files it belongs to or is listed in, among those the caller sees
 * @param title its title or name
 * @param snippet the passage that matched, marked; empty when nothing but the title matched
 * @param date its date, or null
 */
public record SearchHit(
    RecordKind kind,
    UUID id,
    @JsonProperty("cases") List<UUID> cases,
    String title,
    Snippet snippet,
    PartialDate date) {

  public SearchHit {
    cases = List.copyOf(cases);
  }

  /** This hit listing only {@code visible} case files. */
  public SearchHit withCases(List<UUID> visible) {
    return new SearchHit(kind, id, visible, title, snippet, date);
  }
}
