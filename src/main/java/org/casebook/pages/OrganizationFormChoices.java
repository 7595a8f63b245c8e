package org.casebook.pages;

import java.util.List;

/**
 * The options of the organization form's selects, in the interface language, and the rows of its
 * repeated groups, filled in or blank.
 *
 * @param persons the persons a membership may name: those of the case file, and any person a
 *     stored membership names from elsewhere
 * @param creating whether the form adds an organization (and so offers to list it as at risk)
 */
public record OrganizationFormChoices(
    List<CaseView.Choice> kinds,
    List<CaseView.Choice> nameKinds,
    List<CaseView.Choice> outcomes,
    List<CaseView.Choice> roles,
    List<CaseView.Choice> persons,
    List<CaseView.Choice> confidentialities,
    List<FormRow> otherNames,
    List<FormRow> registrations,
    List<FormRow> memberships,
    boolean creating) {}
