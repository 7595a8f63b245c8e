package org.casebook.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.common.FieldError;

/**
 * The values of a record form as they were typed, and the errors found in them, by field name. The
 * field names are the paths of the service's field errors ({@code date}, {@code
 * participants[0].role}), so that each message lands next to its control. Immutable apart from
 * {@link #withErrors}, which makes a new form.
 */
public final class Form {
  private final Map<String, List<String>> values;
  private final Map<String, String> errors;
  private final List<SummaryLine> summary;

  /** One line of the error summary: the field's control id (or null) and the message. */
  public record SummaryLine(String controlId, String message) {}

  private Form(Map<String, List<String>> values, Map<String, String> errors, List<SummaryLine> summary) {
    this.values = values;
    this.errors = errors;
    this.summary = summary;
  }

  /** An empty form, or one filled in with {@code values}. */
  static Form of(Map<String, List<String>> values) {
    return new Form(new LinkedHashMap<>(values), Map.of(), List.of());
  }

  /** The fields posted with the request, other than the anti-forgery token. */
  static Form posted(Context context) {
    Map<String, List<String>> values = new LinkedHashMap<>(context.formParamMap());
    values.remove(PageContext.CSRF_FIELD);
    return of(values);
  }

  /**
   * This form with {@code errors}. An error whose path names no field of the form (such as {@code
   * participants[0]}) is shown at the first field below it ({@code participants[0].person}), or
   * only in the summary. The messages are said in the language of {@code page}.
   */
  Form withErrors(List<FieldError> fieldErrors, PageContext page) {
    Map<String, String> byField = new LinkedHashMap<>();
    List<SummaryLine> lines = new ArrayList<>();
    for (FieldError error : FieldMessages.translated(fieldErrors, page)) {
      String field = fieldFor(error.field());
      if (field != null) {
        byField.merge(field, error.message(), (first, second) -> first + " " + second);
      }
      lines.add(new SummaryLine(field == null ? null : controlId(field), error.message()));
    }
    return new Form(values, byField, lines);
  }

  private String fieldFor(String path) {
    if (values.containsKey(path)) {
      return path;
    }
    String list = path.replaceFirst("\\[\\d+]$", "");
    if (values.containsKey(list)) {
      return list;
    }
    return values.keySet().stream().filter(name -> name.startsWith(path + ".")).findFirst().orElse(null);
  }

  /** Whether the form has the field {@code field}, even empty. */
  public boolean has(String field) {
    return values.containsKey(field);
  }

  /** Every field with its values, in the order of the form. */
  Map<String, List<String>> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** The first value typed into {@code field}, or empty. */
  public String value(String field) {
    List<String> typed = values.get(field);
    return typed == null || typed.isEmpty() ? "" : typed.get(0);
  }

  /** Every value of a field that takes several (a multiple select). */
  public List<String> values(String field) {
    return values.getOrDefault(field, List.of());
  }

  /** Whether {@code code} is chosen in the select {@code field}. */
  public boolean selected(String field, String code) {
    return values(field).contains(code);
  }

  /** The message about {@code field}, or null. */
  public String error(String field) {
    return errors.get(field);
  }

  /** {@code "true"} for a field with an error, else null (which leaves the attribute out). */
  public String invalid(String field) {
    return errors.containsKey(field) ? "true" : null;
  }

  /** The ids of the hint and the error message that describe {@code field}, or null. */
  public String describedBy(String field, String hintId) {
    String errorId = errors.containsKey(field) ? errorId(field) : null;
    if (hintId == null) {
      return errorId;
    }
    return errorId == null ? hintId : hintId + " " + errorId;
  }

  public boolean hasErrors() {
    return !summary.isEmpty();
  }

  public List<SummaryLine> summary() {
    return summary;
  }

  /** The id of the control of {@code field}: {@code participants[0].role} becomes {@code participants-0-role}. */
  public static String controlId(String field) {
    return "field-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
  }

  public static String errorId(String field) {
    return controlId(field) + "-error";
  }
}
