package org.casebook.search;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The facets of a search: the values a result set can be narrowed by, counted over the results.
 * {@link #parameter()} is the name of the filter in the API and on the search page.
 */
public enum Facet {
  /** The record kind: {@link RecordKind#code()}. */
  KIND("kind"),
  /** An ISO 3166 country code: of an event, a proceeding's jurisdiction, a case file, an organization, a person's citizenship. */
  COUNTRY("country"),
  /** A year the record's date (an event's, a source's, a proceeding's status changes) can fall in. */
  YEAR("year"),
  /** An event's type, a code of the {@code event_type} vocabulary. */
  EVENT_TYPE("event_type"),
  /** A proceeding's current status (that of its latest status change), a code of {@code proceeding_status}. */
  STATUS("status"),
  /** A provision a proceeding charges, as the article's citation without part: {@code KZ-CC 274}. */
  PROVISION("provision");

  private final String parameter;

  Facet(String parameter) {
    this.parameter = parameter;
  }

  @JsonValue
  public String parameter() {
    return parameter;
  }
}
