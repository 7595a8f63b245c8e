package org.casebook.pages;

import java.util.function.UnaryOperator;

/** Rows of the side-by-side comparison a record form shows when someone else saved first. */
final class ConflictRows {
  private ConflictRows() {}

  /**
   * The field {@code field} of the stored form and of the typed one, each put into words by {@code
   * words} (a code into its label); an empty value stays empty.
   */
  static RecordFormView.ConflictRow field(String label, Form stored, Form yours, String field, UnaryOperator<String> words) {
    return of(label, stored.value(field), yours.value(field), words);
  }

  /** A row of two values, each put into words by {@code words}; an empty value stays empty. */
  static RecordFormView.ConflictRow of(String label, String stored, String yours, UnaryOperator<String> words) {
    return new RecordFormView.ConflictRow(label, stored.isEmpty() ? "" : words.apply(stored), yours.isEmpty() ? "" : words.apply(yours));
  }
}
