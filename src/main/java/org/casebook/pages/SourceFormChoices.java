package org.casebook.pages;

import java.util.List;

/**
 * The options of the source form's selects, in the interface language, and the hints that say
 * what is stored of the source being changed.
 *
 * @param dateHint how to type the date, with the stored date in EDTF when there is one
 * @param fileHint what may be uploaded, and the stored file (its name and SHA-256) when there is one
 */
public record SourceFormChoices(
    List<CaseView.Choice> kinds,
    List<CaseView.Choice> reliabilities,
    List<CaseView.Choice> confidentialities,
    String dateHint,
    String fileHint) {}
