package org.casebook.pages;

import java.util.List;
import java.util.UUID;

/**
 * The options of the communication form's selects, in the interface language, and what the form
 * shows of the stored communication.
 *
 * @param cases the case files the writer may see
 * @param persons the persons of the chosen case files, and any other chosen person
 * @param sources the sources of the chosen case files, and any other chosen source
 * @param communications the other communications the writer may see, for follow-up and related
 * @param sent whether the communication was sent, which fixes its type and States
 * @param sentType the type it was sent as, in words; null unless sent
 * @param sentStates the States it was sent to; null unless sent
 * @param notesShown whether the form holds the notes (a restricted field)
 * @param caseId the case file the form was opened from, for the way back; null for none
 * @param reference the communication's reference; null for a draft
 */
public record CommunicationFormChoices(
    List<CaseView.Choice> types,
    List<CaseView.Choice> confidentialities,
    List<CaseView.Choice> mandates,
    List<CaseView.Choice> cases,
    List<CaseView.Choice> persons,
    List<CaseView.Choice> sources,
    List<CaseView.Choice> communications,
    boolean sent,
    String sentType,
    String sentStates,
    boolean notesShown,
    UUID caseId,
    String caseTitle,
    String reference) {}
