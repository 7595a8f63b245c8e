package org.casebook.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.casebook.common.Confidentiality;
import org.casebook.common.FieldError;
import org.casebook.dates.InvalidPartialDate;
import org.casebook.dates.PartialDate;
import org.casebook.dates.PartialDateInput;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.vocabulary.VocabularyTerm;

/**
 * What the record forms share: the options of their selects, in the interface language, and the
 * reading of typed text into record values. Reading never throws: what cannot be read becomes a
 * {@link FieldError} in the list it is given, so that one answer lists every mistake. Thread-safe.
 */
final class Forms {
  private final Vocabularies vocabularies;

  Forms(Vocabularies vocabularies) {
    this.vocabularies = vocabularies;
  }

  /** The active terms of {@code vocabulary}, labelled in the interface language. */
  List<CaseView.Choice> terms(String vocabulary, PageContext page) {
    return vocabularies.terms(vocabulary).stream()
        .filter(VocabularyTerm::active)
        .map(term -> new CaseView.Choice(term.code(), page.russian() ? term.labelRu() : term.labelEn()))
        .toList();
  }

  /** The label of a code of {@code vocabulary}, or the code itself if it has none. */
  String label(String vocabulary, String code, PageContext page) {
    return code == null ? "" : vocabularies.label(vocabulary, code, page.russian());
  }

  static List<CaseView.Choice> confidentialities(PageContext page) {
    return Arrays.stream(Confidentiality.values())
        .map(level -> new CaseView.Choice(level.code(), page.t("form.confidentiality." + level.code())))
        .toList();
  }

  /** The text of {@code field}, trimmed; null when blank. */
  static String text(Form form, String field) {
    String value = form.value(field).trim();
    return value.isEmpty() ? null : value;
  }

  /** The non-blank lines of a text area, trimmed. */
  static List<String> lines(Form form, String field) {
    return form.value(field).lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
  }

  /** A comma- or space-separated list of country codes, in capitals. */
  static List<String> countries(Form form, String field) {
    return Arrays.stream(form.value(field).split("[,\\s]+"))
        .filter(code -> !code.isBlank())
        .map(code -> code.toUpperCase(Locale.ROOT))
        .toList();
  }

  /** A partial date as people type it ("July 2016", "лето 2019"); null when blank or unreadable. */
  static PartialDate date(Form form, String field, Locale locale, List<FieldError> errors) {
    String text = text(form, field);
    if (text == null) {
      return null;
    }
    try {
      return PartialDateInput.parse(text, locale);
    } catch (InvalidPartialDate refused) {
      errors.add(new FieldError(field, refused.getMessage()));
      return null;
    }
  }

  static Confidentiality confidentiality(Form form, List<FieldError> errors) {
    try {
      return Confidentiality.parse(form.value("confidentiality"), "confidentiality");
    } catch (org.casebook.common.InvalidInput invalid) {
      errors.addAll(invalid.errors());
      return Confidentiality.INTERNAL;
    }
  }

  /** The record version the form was based on; null (which the service refuses) when missing. */
  static Integer version(Form form) {
    try {
      return Integer.valueOf(form.value("version").trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The ids chosen in {@code field}; anything that is not an id is left out. */
  static List<UUID> ids(List<String> values) {
    List<UUID> ids = new ArrayList<>();
    for (String value : values) {
      UUID id = id(value);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  static UUID id(String value) {
    try {
      return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The errors of {@code typed} first, then those of the service not about the same fields. */
  static List<FieldError> merge(List<FieldError> typed, List<FieldError> service) {
    List<FieldError> all = new ArrayList<>(typed);
    for (FieldError error : service) {
      if (typed.stream().noneMatch(mine -> mine.field().equals(error.field()))) {
        all.add(error);
      }
    }
    return all;
  }
}
