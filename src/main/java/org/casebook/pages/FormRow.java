package org.casebook.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a repeated group of a record form (an organization's other names, registrations,
 * memberships): its controls are named {@code group[index].part}, the paths of the service's field
 * errors, so that a message lands next to the control of the row it is about.
 *
 * @param index the row's position, from 0
 */
public record FormRow(String group, int index) {

  /** The name of the control for {@code part} in this row: {@code memberships[1].role}. */
  public String field(String part) {
    return field(group, index, part);
  }

  /** The row's number as people count, from 1, for its labels. */
  public int number() {
    return index + 1;
  }

  static String field(String group, int index, String part) {
    return group + "[" + index + "]." + part;
  }

  /** How many rows of {@code group} the form holds; every row posts its {@code firstPart}, even empty. */
  static int count(Form form, String group, String firstPart) {
    int rows = 0;
    while (form.has(field(group, rows, firstPart))) {
      rows++;
    }
    return rows;
  }

  /** The rows of {@code group} the form holds, then {@code blank} empty rows to fill in. */
  static List<FormRow> rows(Form form, String group, String firstPart, int blank) {
    int filled = count(form, group, firstPart);
    List<FormRow> rows = new ArrayList<>();
    for (int index = 0; index < filled + blank; index++) {
      rows.add(new FormRow(group, index));
    }
    return rows;
  }

  /**
   * The posted form with the rows of {@code group} left blank taken out and the others numbered
   * from 0, so that the service's paths ({@code memberships[1].role}) name the rows the form shows
   * again. A row is blank when every one of its {@code parts} is.
   */
  static Form withoutBlankRows(Form posted, String group, List<String> parts) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    posted.values().forEach((name, typed) -> {
      if (!name.startsWith(group + "[")) {
        values.put(name, typed);
      }
    });
    int kept = 0;
    int rows = count(posted, group, parts.get(0));
    for (int index = 0; index < rows; index++) {
      int row = index;
      if (parts.stream().allMatch(part -> posted.value(field(group, row, part)).isBlank())) {
        continue;
      }
      for (String part : parts) {
        values.put(field(group, kept, part), List.of(posted.value(field(group, index, part))));
      }
      kept++;
    }
    return Form.of(values);
  }
}
