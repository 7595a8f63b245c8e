package org.casebook.pages;

import java.util.List;

/**
 * What the relationship form offers, in the interface language.
 *
 * @param persons the persons the relationship may join: those of the case file, and on an edit the
 *     two it joins now
 * @param storedStart the stored start in EDTF, for the hint; null when there is none
 * @param storedEnd the stored end in EDTF; null when there is none
 * @param notesWithheld the reader holds no restricted grant: the form does not show the notes, and
 *     saving keeps them as stored
 */
public record RelationshipFormChoices(
    List<CaseView.Choice> persons,
    List<CaseView.Choice> types,
    List<CaseView.Choice> confidentialities,
    String storedStart,
    String storedEnd,
    boolean notesWithheld) {}
