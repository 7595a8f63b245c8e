package org.casebook.pages;

import java.util.List;

/**
 * The options of the event form's selects, in the interface language.
 *
 * @param persons the persons of the event's case file, by id and name
 * @param sources the sources of the case file, by id and title
 * @param participants the participant rows the form shows, filled in or blank
 */
public record EventFormChoices(
    List<CaseView.Choice> types,
    List<CaseView.Choice> violations,
    List<CaseView.Choice> roles,
    List<CaseView.Choice> persons,
    List<CaseView.Choice> sources,
    List<CaseView.Choice> confidentialities,
    List<ParticipantRow> participants,
    String storedDate) {

  /**
   * One participant row. {@code fixedName} is the name of an organization or of an unidentified
   * actor, which the form carries along unchanged; null for a row that picks a person.
   */
  public record ParticipantRow(int index, String fixedName) {
    public String field(String part) {
      return FormRow.field(EventForms.PARTICIPANTS, index, part);
    }
  }
}
