package org.casebook.pages;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The plural category of a number after the Unicode CLDR rules of the interface languages, for
 * messages that need a different form by number: {@code one}, {@code few}, {@code many} or {@code
 * other} (Russian: 1 год, 2 года, 5 лет, 1,5 года; English: 1 year, 2 years).
 */
final class Plural {
  private Plural() {}

  static String category(BigDecimal number, Locale locale) {
    boolean whole = number.stripTrailingZeros().scale() <= 0;
    if (!locale.getLanguage().equals("ru")) {
      return whole && number.compareTo(BigDecimal.ONE) == 0 ? "one" : "other";
    }
    if (!whole) {
      return "other";
    }
    long value = number.abs().longValue();
    long lastDigit = value % 10;
    long lastTwo = value % 100;
    if (lastDigit == 1 && lastTwo != 11) {
      return "one";
    }
    if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
      return "few";
    }
    return "many";
  }
}
