package org.casebook.casepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;

/**
 * The text alternative of {@link ProceedingsDrawing}: the same status changes, one line per
 * proceeding, such as "2017 criminal case for dissemination of knowingly false information: filed
 * 11 January 2017; opened 3 February 2017; dismissed March 2017 to December 2018".
 */
public final class ProceedingsText {
  private ProceedingsText() {}

  /** As {@link #lines(List, Locale, Function)} with the labels of {@link StatusLabels}. */
  public static List<String> lines(List<Proceeding> proceedings, Locale locale) {
    return lines(proceedings, locale, StatusLabels.forLocale(locale));
  }

  /**
   * One line per proceeding, in the order given: the full title, then each status change in the
   * order of the recorded history, as the label of its status (first letter in lower case) and its
   * date formatted by {@link org.casebook.dates.PartialDate#format(Locale)}. Status notes are left
   * out. A proceeding without status changes says so.
   *
   * @param statusLabel the label of a {@code proceeding_status} code in the reader's language; a
   *     null or blank label shows the code itself
   */
  public static List<String> lines(
      List<Proceeding> proceedings, Locale locale, Function<String, String> statusLabel) {
    CasePageText text = CasePageText.of(locale);
    Function<String, String> labels = StatusLabels.orCode(statusLabel);
    List<String> lines = new ArrayList<>();
    for (Proceeding proceeding : proceedings) {
      lines.add(line(proceeding, text, labels));
    }
    return lines;
  }

  private static String line(
      Proceeding proceeding, CasePageText text, Function<String, String> labels) {
    List<String> steps = new ArrayList<>();
    for (StatusChange change : proceeding.history()) {
      steps.add(step(change, text.locale(), labels));
    }
    String history =
        steps.isEmpty()
            ? text.get("text.noStatus")
            : String.join(text.get("text.separator"), steps);
    return text.format("text.line", title(proceeding), history);
  }

  /** The status label and date of one change, as in "opened 3 February 2017". */
  static String step(StatusChange change, Locale locale, Function<String, String> labels) {
    String label = lowerFirst(labels.apply(change.status()), locale);
    return change.date() == null ? label : label + " " + change.date().format(locale);
  }

  static String title(Proceeding proceeding) {
    String title = proceeding.title();
    if (title == null || title.isBlank()) {
      return proceeding.kind() == null ? "" : proceeding.kind();
    }
    return title.strip();
  }

  /** {@code label} with its first letter in lower case, unless it starts an acronym ("UN ..."). */
  private static String lowerFirst(String label, Locale locale) {
    if (label.isEmpty()) {
      return label;
    }
    int firstLength = Character.charCount(label.codePointAt(0));
    boolean acronym =
        label.length() > firstLength && Character.isUpperCase(label.codePointAt(firstLength));
    if (acronym) {
      return label;
    }
    return label.substring(0, firstLength).toLowerCase(locale) + label.substring(firstLength);
  }
}
