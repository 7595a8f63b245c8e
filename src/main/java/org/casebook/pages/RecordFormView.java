package org.casebook.pages;

import java.util.List;
import java.util.UUID;

/**
 * What every record form page shows around its fields: the heading, where the form posts, the case
 * file it belongs to, the typed values with their errors, and the other version when someone else
 * saved the record first.
 *
 * @param caseId the case file the record belongs to, for the way back; null when there is none
 * @param conflict the stored and the typed version side by side, or null when there is no conflict
 */
public record RecordFormView(
    String heading, String action, UUID caseId, String caseTitle, Form form, Conflict conflict) {

  /** Whether this form edits a stored record (and so carries its version). */
  public boolean editing() {
    return !form.value("version").isEmpty();
  }

  /** The address of the page that removes the record being edited, with the case file to go back to. */
  public String voidLink() {
    int query = action.indexOf('?');
    String record = query < 0 ? action : action.substring(0, query);
    return record + "/void" + (caseId == null ? "" : "?case=" + caseId);
  }

  /** The record as stored now and as the user typed it, field by field. */
  public record Conflict(List<ConflictRow> rows) {}

  /** One field of a conflict: its label, the stored value, the typed value, all in words. */
  public record ConflictRow(String label, String stored, String yours) {
    public boolean differs() {
      return !stored.equals(yours);
    }
  }
}
