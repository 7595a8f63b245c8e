package org.casebook.pages;

import java.util.List;

/**
 * What the person form offers, in the interface language, and which of the person's fields are
 * withheld from its reader.
 *
 * @param otherNames the rows of other names the form shows, filled in or blank
 * @param storedBirthDate the stored birth date in EDTF, for the hint; null when there is none
 * @param identityWithheld the person is protected and the reader holds no restricted grant: the
 *     form shows none of the identity, and saving keeps it as stored
 * @param notesWithheld the reader holds no restricted grant: the form does not show the notes,
 *     and saving keeps them as stored
 * @param newPerson the form adds a person to a case file (and so asks whether they are at risk)
 */
public record PersonFormChoices(
    List<CaseView.Choice> sexes,
    List<CaseView.Choice> nameKinds,
    List<CaseView.Choice> confidentialities,
    List<NameRow> otherNames,
    String storedBirthDate,
    boolean identityWithheld,
    boolean notesWithheld,
    boolean newPerson) {

  /** One row of other names, numbered from 0 in the field names and from 1 in the labels. */
  public record NameRow(int index) {
    public String field(String part) {
      return PersonForms.otherNameField(index, part);
    }

    public int number() {
      return index + 1;
    }
  }
}
