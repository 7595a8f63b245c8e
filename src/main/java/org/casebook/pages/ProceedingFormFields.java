package org.casebook.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.catalogue.Citation;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.dates.InvalidPartialDate;
import org.casebook.dates.PartialDate;
import org.casebook.dates.PartialDateInput;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Outcome;
import org.casebook.proceedings.Party;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;

/**
 * The fields of the proceeding form and their reading: a {@link Proceeding} from what was typed,
 * and the form of a stored one. Field names are the paths of the service's field errors ({@code
 * kind}, {@code history[1].date}, {@code outcome.fine.amount}) so that each message lands next to
 * its control; a charge's path ({@code charges[0]}) lands on its provision picker, the first field
 * of its row. Stateless.
 */
final class ProceedingFormFields {
  static final String CHARGES = "charges";
  static final String PARTIES = "parties";
  static final String HISTORY = "history";

  /** The parts of each repeated row, in the order of the form. */
  static final Map<String, List<String>> ROW_PARTS = rowParts();

  static final String FINE_AMOUNT = "outcome.fine.amount";
  static final String FINE_CURRENCY = "outcome.fine.currency";
  static final String OUTCOME_SUMMARY = "outcome.summary";

  /** A part or a paragraph as {@link Citation} writes it within its brackets. */
  private static final Pattern CITATION_PART = Pattern.compile("[0-9a-z]{1,10}");
  /**
   * An amount: digits, grouped with spaces if one likes, and at most two decimals after a point or
   * a comma. Three digits after a comma are refused rather than guessed at: "560,000" may be
   * either 560 or 560 thousand. How large a fine may be is the service's rule.
   */
  private static final Pattern AMOUNT = Pattern.compile("[0-9]+(?:[.,][0-9]{1,2})?");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private ProceedingFormFields() {}

  static String field(String list, int index, String part) {
    return list + "[" + index + "]." + part;
  }

  /** How many rows of {@code list} the form holds: rows 0, 1, ... up to the first with none of its parts. */
  static int rows(Form form, String list) {
    List<String> parts = ROW_PARTS.get(list);
    int count = 0;
    while (true) {
      int row = count;
      if (parts.stream().noneMatch(part -> form.has(field(list, row, part)))) {
        return count;
      }
      count++;
    }
  }

  /**
   * The posted form with the rows left blank taken out and the others numbered from 0, so that the
   * service's paths ({@code history[1].date}) name the rows the form shows.
   */
  static Form withoutBlankRows(Form posted) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    posted.values().forEach((name, typed) -> {
      if (ROW_PARTS.keySet().stream().noneMatch(list -> name.startsWith(list + "["))) {
        values.put(name, typed);
      }
    });
    ROW_PARTS.forEach((list, parts) -> {
      int kept = 0;
      int count = rows(posted, list);
      for (int index = 0; index < count; index++) {
        int row = index;
        boolean blank = parts.stream().allMatch(part -> posted.values(field(list, row, part)).stream().allMatch(String::isBlank));
        if (!blank) {
          for (String part : parts) {
            values.put(field(list, kept, part), posted.values(field(list, index, part)));
          }
          kept++;
        }
      }
    });
    return Form.of(values);
  }

  /**
   * The proceeding the form describes. What cannot be read (a date, a part of a citation, an
   * amount) is added to {@code typed} and left out.
   *
   * @param stored the proceeding being changed, or null for a new one
   * @param notesWithheld whether the reader may not see the notes: they are then not taken from
   *     the form, and the service keeps the stored ones
   */
  static Proceeding proceeding(
      Form form, UUID caseId, Proceeding stored, boolean notesWithheld, PageContext page, List<FieldError> typed) {
    List<Charge> charges = new ArrayList<>();
    for (int index = 0; index < rows(form, CHARGES); index++) {
      charges.add(Charge.of(citation(form, index, page, typed)));
    }
    List<Party> parties = new ArrayList<>();
    for (int index = 0; index < rows(form, PARTIES); index++) {
      parties.add(
          new Party(
              Forms.id(form.value(field(PARTIES, index, "person"))),
              Forms.id(form.value(field(PARTIES, index, "organization"))),
              Forms.text(form, field(PARTIES, index, "name")),
              Forms.text(form, field(PARTIES, index, "role"))));
    }
    List<StatusChange> history = new ArrayList<>();
    for (int index = 0; index < rows(form, HISTORY); index++) {
      history.add(
          new StatusChange(
              Forms.date(form, field(HISTORY, index, "date"), page.locale(), typed),
              Forms.text(form, field(HISTORY, index, "status")),
              Forms.text(form, field(HISTORY, index, "note")),
              Forms.ids(form.values(field(HISTORY, index, "sources")))));
    }
    return new Proceeding(
        null,
        stored == null ? null : Forms.version(form),
        Forms.confidentiality(form, typed),
        null,
        caseId,
        Forms.text(form, "kind"),
        Forms.text(form, "title"),
        Forms.text(form, "authority"),
        upperCase(Forms.text(form, "jurisdiction")),
        Forms.text(form, "number"),
        charges,
        parties,
        history,
        outcome(form, page, typed),
        notesWithheld ? null : Forms.text(form, "notes"));
  }

  /**
   * The citation a charge row composes, such as {@code KZ-CC 274(2)(3)} from the article {@code
   * KZ-CC 274}, part 2 and paragraph 3; null when no article is picked. A part or paragraph that is
   * not in the form of a citation is reported on its field and left out.
   */
  static String citation(Form form, int index, PageContext page, List<FieldError> typed) {
    String provision = Forms.text(form, field(CHARGES, index, "provision"));
    String part = citationPart(form, field(CHARGES, index, "part"), "proceedingForm.error.part", page, typed);
    String paragraphField = field(CHARGES, index, "paragraph");
    String paragraph = citationPart(form, paragraphField, "proceedingForm.error.paragraph", page, typed);
    if (paragraph != null && part == null && Forms.text(form, field(CHARGES, index, "part")) == null) {
      typed.add(new FieldError(paragraphField, page.t("proceedingForm.error.paragraphWithoutPart")));
      paragraph = null;
    }
    if (provision == null) {
      return null;
    }
    StringBuilder citation = new StringBuilder(provision);
    if (part != null) {
      citation.append('(').append(part).append(')');
      if (paragraph != null) {
        citation.append('(').append(paragraph).append(')');
      }
    }
    return citation.toString();
  }

  private static String citationPart(Form form, String field, String messageKey, PageContext page, List<FieldError> typed) {
    String text = Forms.text(form, field);
    if (text == null) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (!CITATION_PART.matcher(lower).matches()) {
      typed.add(new FieldError(field, page.t(messageKey, text)));
      return null;
    }
    return lower;
  }

  /** The outcome; null when none of its fields is filled in, and no fine when neither of its fields is. */
  private static Outcome outcome(Form form, PageContext page, List<FieldError> typed) {
    String summary = Forms.text(form, OUTCOME_SUMMARY);
    String amountText = Forms.text(form, FINE_AMOUNT);
    String currency = upperCase(Forms.text(form, FINE_CURRENCY));
    Outcome.Fine fine = null;
    if (amountText != null || currency != null) {
      fine = new Outcome.Fine(amount(amountText, page, typed), currency);
    }
    return summary == null && fine == null ? null : new Outcome(summary, fine);
  }

  /** An amount as people type it ("560 000", "1250,50"); null when blank or unreadable. */
  static BigDecimal amount(String text, PageContext page, List<FieldError> typed) {
    if (text == null) {
      return null;
    }
    String compact = SPACES.matcher(text).replaceAll("");
    if (!AMOUNT.matcher(compact).matches()) {
      typed.add(new FieldError(FINE_AMOUNT, page.t("proceedingForm.error.amount", text)));
      return null;
    }
    return new BigDecimal(compact.replace(',', '.'));
  }

  /** The form of a stored proceeding: dates as people read them, each charge split into its parts. */
  static Map<String, List<String>> values(Proceeding proceeding, PageContext page) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(proceeding.version())));
    values.put("kind", List.of(orEmpty(proceeding.kind())));
    values.put("title", List.of(orEmpty(proceeding.title())));
    values.put("authority", List.of(orEmpty(proceeding.authority())));
    values.put("jurisdiction", List.of(orEmpty(proceeding.jurisdiction())));
    values.put("number", List.of(orEmpty(proceeding.number())));
    List<Charge> charges = proceeding.charges();
    for (int index = 0; index < charges.size(); index++) {
      putCharge(values, index, charges.get(index).citation());
    }
    List<Party> parties = proceeding.parties();
    for (int index = 0; index < parties.size(); index++) {
      Party party = parties.get(index);
      values.put(field(PARTIES, index, "person"), List.of(orEmpty(party.person())));
      values.put(field(PARTIES, index, "organization"), List.of(orEmpty(party.organization())));
      values.put(field(PARTIES, index, "name"), List.of(orEmpty(party.name())));
      values.put(field(PARTIES, index, "role"), List.of(orEmpty(party.role())));
    }
    List<StatusChange> history = proceeding.history();
    for (int index = 0; index < history.size(); index++) {
      StatusChange change = history.get(index);
      values.put(field(HISTORY, index, "date"), List.of(dateText(change.date(), page)));
      values.put(field(HISTORY, index, "status"), List.of(orEmpty(change.status())));
      values.put(field(HISTORY, index, "note"), List.of(orEmpty(change.note())));
      values.put(field(HISTORY, index, "sources"), change.sources().stream().map(UUID::toString).toList());
    }
    Outcome outcome = proceeding.outcome();
    Outcome.Fine fine = outcome == null ? null : outcome.fine();
    values.put(OUTCOME_SUMMARY, List.of(outcome == null ? "" : orEmpty(outcome.summary())));
    values.put(FINE_AMOUNT, List.of(fine == null || fine.amount() == null ? "" : fine.amount().toPlainString()));
    values.put(FINE_CURRENCY, List.of(fine == null ? "" : orEmpty(fine.currency())));
    values.put("notes", List.of(orEmpty(proceeding.notes())));
    values.put("confidentiality", List.of(proceeding.confidentiality().code()));
    return values;
  }

  /**
   * A stored date as people read it ("July 2016"), or as EDTF for the few dates whose words read
   * back as another date (a century, an unspecified month), so that saving an unchanged form
   * changes no date.
   */
  static String dateText(PartialDate date, PageContext page) {
    if (date == null) {
      return "";
    }
    String words = page.date(date);
    try {
      return PartialDateInput.parse(words, page.locale()).equals(date) ? words : date.toEdtf();
    } catch (InvalidPartialDate unreadable) {
      return date.toEdtf();
    }
  }

  /** A stored charge split into the article the picker offers, the part and the paragraph. */
  private static void putCharge(Map<String, List<String>> values, int index, String text) {
    String provision = orEmpty(text);
    String part = "";
    String paragraph = "";
    try {
      Citation citation = Citation.parse(text, CHARGES);
      provision = new Citation(citation.code(), citation.article(), null, null).toString();
      part = orEmpty(citation.part());
      paragraph = orEmpty(citation.clause());
    } catch (InvalidInput unreadable) {
      // a stored citation is always well formed; were it not, it is offered back as written
    }
    values.put(field(CHARGES, index, "provision"), List.of(provision));
    values.put(field(CHARGES, index, "part"), List.of(part));
    values.put(field(CHARGES, index, "paragraph"), List.of(paragraph));
  }

  private static String upperCase(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  private static Map<String, List<String>> rowParts() {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    parts.put(CHARGES, List.of("provision", "part", "paragraph"));
    parts.put(PARTIES, List.of("person", "organization", "name", "role"));
    parts.put(HISTORY, List.of("date", "status", "note", "sources"));
    return Collections.unmodifiableMap(parts);
  }
}
