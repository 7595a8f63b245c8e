package org.casebook.pages;

import java.util.List;

/**
 * What the reply form offers, in the interface language: the translation statuses, document roles,
 * the sources of the communication's case files, the case files an uploaded document may be listed
 * in, and the document rows.
 *
 * @param notesShown whether the reader holds the restricted grant, and so sees and changes the notes
 * @param receivedHint how to type the day the reply came, with the stored day when there is one
 */
public record ReplyFormChoices(
    List<CaseView.Choice> translationStatuses,
    List<CaseView.Choice> roles,
    List<CaseView.Choice> sources,
    List<CaseView.Choice> cases,
    List<CaseView.Choice> confidentialities,
    List<FormRow> documents,
    boolean notesShown,
    String receivedHint,
    String uploadHint,
    String communicationId,
    String communicationReference) {}
