package org.casebook.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.common.Redaction;
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

  /** This record as shown to a reader without the restricted grant: the notes withheld. */
  public Relationship withheld() {
    return new Relationship(
        id, version, confidentiality, audit, person, type, other, start, end, notes == null ? null : Redaction.MARK);
  }

  /** This record with the notes of {@code stored}, for a change by a reader without the grant. */
  public Relationship keepingRestrictedOf(Relationship stored) {
    return new Relationship(
        id, version, confidentiality, audit, person, type, other, start, end, stored.notes);
  }
}
