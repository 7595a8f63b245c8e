package org.casebook.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.dates.PartialDate;

/**
 * A relationship between two people, read as "{@code person} is {@code type} of {@code other}":
 * spouse of, lawyer of, colleague of. {@code type} is a code of the {@code relationship_type}
 * vocabulary.
 */
public record Relationship(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    UUID person,
    String type,
    UUID other,
    PartialDate start,
    PartialDate end,
    String notes) implements Recorded {

  public Relationship withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Relationship(id, version, confidentiality, audit, person, type, other, start, end, notes);
  }
}
