package org.casebook.pages;

import static org.casebook.pages.ProceedingFormFields.CHARGES;
import static org.casebook.pages.ProceedingFormFields.HISTORY;
import static org.casebook.pages.ProceedingFormFields.PARTIES;
import static org.casebook.pages.ProceedingFormFields.field;
import static org.casebook.pages.ProceedingFormFields.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.casebook.proceedings.Proceeding;
import org.casebook.vocabulary.Vocabularies;

/**
 * A proceeding as stored and as typed into a stale form, field by field in words, for the page
 * that shows both versions side by side: labels for codes, names for ids, one charge, party or
 * step of the history a line.
 */
final class ProceedingConflict {
  private final Forms forms;
  private final Map<String, String> names;
  private final boolean notesWithheld;
  private final PageContext page;

  /**
   * @param names the names of the persons and organizations and the titles of the sources of the
   *     case file, by id
   * @param notesWithheld whether the reader may not see the notes, which are then left out
   */
  ProceedingConflict(Forms forms, Map<String, String> names, boolean notesWithheld, PageContext page) {
    this.forms = forms;
    this.names = names;
    this.notesWithheld = notesWithheld;
    this.page = page;
  }

  /** The stored proceeding and the typed one, field by field, in words. */
  RecordFormView.Conflict sideBySide(Proceeding current, Form yours) {
    Form stored = Form.of(ProceedingFormFields.values(current, page));
    List<RecordFormView.ConflictRow> rows = new ArrayList<>();
    rows.add(row(page.t("proceedingForm.kind"), stored, yours, form -> label(Vocabularies.PROCEEDING_KIND, form.value("kind"))));
    for (String field : List.of("title", "authority", "jurisdiction", "number")) {
      rows.add(row(page.t("proceedingForm." + field), stored, yours, form -> form.value(field)));
    }
    rows.add(row(page.t("proceedingForm.charges"), stored, yours, this::chargesInWords));
    rows.add(row(page.t("proceedingForm.parties"), stored, yours, this::partiesInWords));
    rows.add(row(page.t("proceedingForm.history"), stored, yours, this::historyInWords));
    rows.add(row(page.t("proceedingForm.outcome"), stored, yours, ProceedingConflict::outcomeInWords));
    if (!notesWithheld) {
      rows.add(row(page.t("proceedingForm.notes"), stored, yours, form -> form.value("notes")));
    }
    rows.add(
        row(page.t("form.confidentiality"), stored, yours, form -> {
          String code = form.value("confidentiality");
          return code.isEmpty() ? "" : page.t("form.confidentiality." + code);
        }));
    return new RecordFormView.Conflict(rows);
  }

  private static RecordFormView.ConflictRow row(
      String label, Form stored, Form yours, Function<Form, String> words) {
    return new RecordFormView.ConflictRow(label, words.apply(stored), words.apply(yours));
  }

  private String label(String vocabulary, String code) {
    return code.isEmpty() ? "" : forms.label(vocabulary, code, page);
  }

  /** One citation a line, as the form composes them. */
  private String chargesInWords(Form form) {
    List<String> charges = new ArrayList<>();
    for (int index = 0; index < rows(form, CHARGES); index++) {
      String citation = ProceedingFormFields.citation(form, index, page, new ArrayList<>());
      charges.add(citation == null ? "" : citation);
    }
    return String.join("\n", charges);
  }

  private String partiesInWords(Form form) {
    List<String> parties = new ArrayList<>();
    for (int index = 0; index < rows(form, PARTIES); index++) {
      String who = form.value(field(PARTIES, index, "name"));
      for (String part : List.of("person", "organization")) {
        String id = form.value(field(PARTIES, index, part));
        if (!id.isBlank()) {
          who = names.getOrDefault(id, id);
        }
      }
      parties.add(who + " (" + label(Vocabularies.PARTY_ROLE, form.value(field(PARTIES, index, "role"))) + ")");
    }
    return String.join("\n", parties);
  }

  /** One step a line: date, status, note and sources. */
  private String historyInWords(Form form) {
    List<String> steps = new ArrayList<>();
    for (int index = 0; index < rows(form, HISTORY); index++) {
      List<String> words = new ArrayList<>();
      words.add(form.value(field(HISTORY, index, "date")));
      words.add(label(Vocabularies.PROCEEDING_STATUS, form.value(field(HISTORY, index, "status"))));
      words.add(form.value(field(HISTORY, index, "note")));
      words.add(String.join("; ", form.values(field(HISTORY, index, "sources")).stream().map(id -> names.getOrDefault(id, id)).toList()));
      steps.add(String.join(" · ", words.stream().filter(word -> !word.isBlank()).toList()));
    }
    return String.join("\n", steps);
  }

  private static String outcomeInWords(Form form) {
    String fine = (form.value(ProceedingFormFields.FINE_AMOUNT) + " " + form.value(ProceedingFormFields.FINE_CURRENCY)).trim();
    String summary = form.value(ProceedingFormFields.OUTCOME_SUMMARY);
    return summary.isBlank() ? fine : fine.isEmpty() ? summary : summary + "\n" + fine;
  }
}
