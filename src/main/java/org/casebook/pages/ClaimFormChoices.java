package org.casebook.pages;

import java.util.List;

/**
 * What the claim form offers, in the interface language: the stances, the sources of the
 * communication's case files, and one group of controls per reply.
 *
 * @param notesShown whether the reader holds the restricted grant, and so sees and changes the notes
 * @param dateHint how to type when the alleged fact happened, with the stored date in EDTF when there is one
 */
public record ClaimFormChoices(
    List<CaseView.Choice> stances,
    List<CaseView.Choice> sources,
    List<CaseView.Choice> confidentialities,
    List<Group> replies,
    boolean notesShown,
    String dateHint,
    String communicationId,
    String communicationReference) {

  /** The controls of one reply's response ({@code responses[n].stance}, …) and the reply in words. */
  public record Group(FormRow row, String heading) {}
}
