package org.casebook.dates;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed text brought to one spelling, so that the readers compare plain words: Unicode NFC, lower
 * case, single spaces, every dash between two dates written " – ", brackets, commas and the dots of
 * abbreviations dropped, and the marks {@code ? ~ %} standing as words of their own.
 */
final class InputText {

  /** The dash that separates the start and end of an interval after normalization. */
  static final String DASH = "–";

  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern HYPHENS = Pattern.compile("[\\u2010\\u2011]");
  private static final Pattern DASHES = Pattern.compile("[\\u2012-\\u2015\\u2212]");
  private static final Pattern SPACED_HYPHEN = Pattern.compile("(?<= )-(?= )");
  private static final Pattern HYPHEN_BETWEEN_YEARS =
      Pattern.compile("(?<=[0-9]{4})-(?=[0-9]{4}(?![0-9]))");
  private static final Pattern HYPHEN_BEFORE_WORD = Pattern.compile("(?<=[0-9])-(?=\\p{L}{3})");
  private static final Pattern HYPHEN_BEFORE_NUMBER = Pattern.compile("(?<=\\p{L})-(?=[0-9])");
  private static final Pattern MID_HYPHEN = Pattern.compile("(?<!\\p{L})mid-(?=\\p{L})");
  private static final Pattern RUSSIAN_YEAR_ABBREVIATION =
      Pattern.compile("(?<=[0-9]{4})(?=гг?(?!\\p{L}))");
  private static final Pattern PUNCTUATION = Pattern.compile("[()\\[\\],;]");
  private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\p{L})\\.");
  private static final Pattern FINAL_DOT = Pattern.compile("\\.(?= *$)");
  private static final Pattern QUALIFIER_MARKS = Pattern.compile("[?~%]");

  private InputText() {}

  static String normalize(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    normal = SPACES.matcher(normal).replaceAll(" ");
    normal = HYPHENS.matcher(normal).replaceAll("-");
    normal = DASHES.matcher(normal).replaceAll(" " + DASH + " ");
    normal = SPACED_HYPHEN.matcher(normal).replaceAll(DASH);
    normal = HYPHEN_BETWEEN_YEARS.matcher(normal).replaceAll(" " + DASH + " ");
    normal = HYPHEN_BEFORE_WORD.matcher(normal).replaceAll(" " + DASH + " ");
    normal = HYPHEN_BEFORE_NUMBER.matcher(normal).replaceAll(" ");
    normal = MID_HYPHEN.matcher(normal).replaceAll("mid ");
    normal = RUSSIAN_YEAR_ABBREVIATION.matcher(normal).replaceAll(" ");
    normal = PUNCTUATION.matcher(normal).replaceAll(" ");
    normal = ABBREVIATION_DOT.matcher(normal).replaceAll(" ");
    normal = FINAL_DOT.matcher(normal).replaceAll("");
    normal = QUALIFIER_MARKS.matcher(normal).replaceAll(" $0 ");
    return SPACES.matcher(normal).replaceAll(" ").strip();
  }

  /** The text after {@code phrase} if the text starts with it as whole words. */
  static Optional<String> after(String text, String phrase) {
    return text.startsWith(phrase + " ")
        ? Optional.of(text.substring(phrase.length() + 1))
        : Optional.empty();
  }

  /** The text before {@code phrase} if the text ends with it as whole words. */
  static Optional<String> before(String text, String phrase) {
    return text.endsWith(" " + phrase)
        ? Optional.of(text.substring(0, text.length() - phrase.length() - 1))
        : Optional.empty();
  }
}
