package org.casebook.organizations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.common.Redaction;
import org.casebook.common.Lists;
import org.casebook.common.Name;

/**
 * An organization: a foundation, a movement, a State body, a court. Its registrations (granted or
 * refused) and the memberships of people in it are parts of the record and change with it.
 */
public record Organization(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    String name,
    List<Name> otherNames,
    String kind,
    String country,
    List<Registration> registrations,
    List<Membership> memberships,
    String notes) implements Recorded {

  public Organization {
    otherNames = Lists.copy(otherNames);
    registrations = Lists.copy(registrations);
    memberships = Lists.copy(memberships);
  }

  public Organization withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Organization(
        id, version, confidentiality, audit, name, otherNames, kind, country, registrations,
        memberships, notes);
  }

  /** This record as shown to a reader without the restricted grant: the notes withheld. */
  public Organization withheld() {
    return new Organization(
        id, version, confidentiality, audit, name, otherNames, kind, country, registrations, memberships, notes == null ? null : Redaction.MARK);
  }

  /** This record with the notes of {@code stored}, for a change by a reader without the grant. */
  public Organization keepingRestrictedOf(Organization stored) {
    return new Organization(
        id, version, confidentiality, audit, name, otherNames, kind, country, registrations, memberships, stored.notes);
  }
}
