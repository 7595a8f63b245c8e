package org.casebook.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.casebook.dates.InvalidPartialDate;
import org.casebook.dates.PartialDate;

/**
 * Collects the field errors of one input so that they are all reported at once. Field paths are
 * written as in the JSON body ({@code other_names[1].kind}), below an optional prefix such as
 * {@code persons[3]} when the input came from an import file.
 */
public final class Checks {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final List<FieldError> errors = new ArrayList<>();

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Throws {@link InvalidInput} with every error collected, if there is any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /** A required text of at most {@code max} characters. */
  public void requiredText(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      add(field, "is required");
    } else {
      optionalText(field, value, max);
    }
  }

  public void optionalText(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    }
  }

  public void required(String field, Object value) {
    if (value == null) {
      add(field, "is required");
    }
  }

  /**
   * Refuses the redaction mark as the value of a text: it stands for text withheld from a reader,
   * so a form or a record sent back as it was shown must never store it in place of that text.
   */
  public void notRedactionMark(String field, String value) {
    if (value != null && value.trim().equals(Redaction.MARK)) {
      add(field, "is the redaction mark " + Redaction.MARK + ", which stands for withheld text; it cannot be saved in place of the text");
    }
  }

  public void country(String field, String code) {
    if (code != null && !COUNTRY.matcher(code).matches()) {
      add(field, "\"" + code + "\" is not a country code; expected two capital letters (ISO 3166-1), such as KZ");
    }
  }

  public void countries(String field, Collection<String> codes) {
    if (codes == null) {
      return;
    }
    int index = 0;
    for (String code : codes) {
      if (code == null) {
        add(field + "[" + index + "]", "is empty");
      } else {
        country(field + "[" + index + "]", code);
      }
      index++;
    }
  }

  public void language(String field, String tag) {
    if (tag != null && !LANGUAGE.matcher(tag).matches()) {
      add(field, "\"" + tag + "\" is not a language tag; expected a BCP 47 tag such as en, ru or kk-Cyrl");
    }
  }

  public void currency(String field, String code) {
    if (code != null && !CURRENCY.matcher(code).matches()) {
      add(field, "\"" + code + "\" is not a currency code; expected three capital letters (ISO 4217), such as KZT");
    }
  }

  /** Checks a partial date written as text and returns it, or null after recording the error. */
  public PartialDate date(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return PartialDate.parse(text);
    } catch (InvalidPartialDate e) {
      add(field, e.getMessage());
      return null;
    }
  }

  /** Runs {@code check} on each element with its indexed path. */
  public <T> void each(String field, List<T> items, ElementCheck<T> check) {
    if (items == null) {
      return;
    }
    for (int index = 0; index < items.size(); index++) {
      T item = items.get(index);
      String path = field + "[" + index + "]";
      if (item == null) {
        add(path, "is empty");
      } else {
        check.check(path, item);
      }
    }
  }

  /** Checks that no two elements share the same key. */
  public <T, K> void unique(String field, List<T> items, Function<T, K> key, String what) {
    if (items == null) {
      return;
    }
    java.util.Map<K, Integer> seen = new java.util.HashMap<>();
    for (int index = 0; index < items.size(); index++) {
      K value = items.get(index) == null ? null : key.apply(items.get(index));
      if (value == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(value, index);
      if (first != null) {
        add(field + "[" + index + "]", "repeats the " + what + " of " + field + "[" + first + "]: " + value);
      }
    }
  }

  /** A check of one list element at its path. */
  @FunctionalInterface
  public interface ElementCheck<T> {
    void check(String path, T item);
  }
}
