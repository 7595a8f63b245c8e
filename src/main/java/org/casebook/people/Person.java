package org.casebook.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.common.Redaction;
import org.casebook.common.Lists;
import org.casebook.common.Name;
import org.casebook.dates.PartialDate;

/**
 * A person: a defender, a relative, a lawyer, an official. {@code protected} marks victims and
 * minors, whose names never appear in public output.
 *
 * <p>The same shape is read from request bodies and written in responses. On input, {@code id} is
 * only compared with the path, {@code version} is the version the change is based on, and {@code
 * audit} is ignored: they are set by the store.
 */
public record Person(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    String name,
    List<Name> otherNames,
    String sex,
    PartialDate birthDate,
    List<String> citizenship,
    String occupation,
    @JsonProperty("protected") boolean isProtected,
    String notes) implements Recorded {

  public Person {
    otherNames = Lists.copy(otherNames);
    citizenship = Lists.copy(citizenship);
  }

  /** This person with the bookkeeping fields replaced. */
  public Person withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Person(
        id, version, confidentiality, audit, name, otherNames, sex, birthDate, citizenship,
        occupation, isProtected, notes);
  }

  /**
   * This person as shown to a reader without the restricted grant: the notes withheld, and for a
   * protected person (a victim, a minor) the identity too, each replaced by the redaction mark.
   */
  public Person withheld() {
    return new Person(
        id, version, confidentiality, audit, isProtected ? Redaction.MARK : name,
        isProtected ? List.of() : otherNames, isProtected ? null : sex, isProtected ? null : birthDate,
        isProtected ? List.of() : citizenship, isProtected ? null : occupation, isProtected,
        notes == null ? null : Redaction.MARK);
  }

  /** This person with the restricted fields of {@code stored}, for a change by a reader without the grant. */
  public Person keepingRestrictedOf(Person stored) {
    return isProtected || stored.isProtected
        ? new Person(
            id, version, confidentiality, audit, stored.name, stored.otherNames, stored.sex,
            stored.birthDate, stored.citizenship, stored.occupation, stored.isProtected, stored.notes)
        : new Person(
            id, version, confidentiality, audit, name, otherNames, sex, birthDate, citizenship,
            occupation, isProtected, stored.notes);
  }
}
