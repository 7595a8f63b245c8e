package org.casebook.pages;

import java.util.List;

/**
 * The options of the proceeding form's selects, in the interface language, and the rows of its
 * repeated parts (charges, parties, status history) that the form shows, filled in or blank.
 *
 * @param provisions the articles of the legal catalogue, grouped by legal code
 * @param persons the persons of the case file, by id and name
 * @param organizations the organizations of the case file, by id and name
 * @param notesWithheld whether the reader lacks the restricted grant on the case file, so that
 *     the form neither shows nor changes the notes
 */
public record ProceedingFormChoices(
    List<CaseView.Choice> kinds,
    List<ProvisionGroup> provisions,
    List<CaseView.Choice> roles,
    List<CaseView.Choice> statuses,
    List<CaseView.Choice> persons,
    List<CaseView.Choice> organizations,
    List<CaseView.Choice> confidentialities,
    List<ChargeRow> charges,
    List<Row> parties,
    List<HistoryRow> history,
    boolean notesWithheld) {

  /** The articles of one legal code, for an {@code <optgroup>} of the provision picker. */
  public record ProvisionGroup(String label, List<CaseView.Choice> options) {}

  /**
   * One row of a repeated part of the form.
   *
   * @param list the name of the repeated part: {@code charges}, {@code parties} or {@code history}
   */
  public record Row(String list, int index) {
    /** The name of the field {@code part} of this row, such as {@code history[1].date}. */
    public String field(String part) {
      return ProceedingFormFields.field(list, index, part);
    }

    /** The row's number as people count, from 1. */
    public int number() {
      return index + 1;
    }
  }

  /**
   * One charge row. {@code unlisted} is the provision the row names when the catalogue does not
   * list it (a value posted by hand), offered as an option of its own so that it is not lost; null
   * otherwise.
   */
  public record ChargeRow(Row row, CaseView.Choice unlisted) {}

  /**
   * One step of the status history, with the sources of the case file to choose from: those the
   * step cites first, in the order it cites them, so that the order survives the form (a browser
   * sends the chosen options in the order they stand).
   */
  public record HistoryRow(Row row, List<CaseView.Choice> sources) {}
}
