package org.casebook.generate;

/**
 * The words of the corpus: phrases from {@code phrases-en.txt} and {@code phrases-ru.txt} with
 * their {@code {slots}} filled from the case file they are about, and sentences in the manner of
 * {@code prose-en.txt} and {@code prose-ru.txt}. Template sentences carry the names, places, dates
 * and article numbers that searches look for; the prose gives the common words around them.
 * Stateless and thread-safe; the resources are read once.
 */
final class Writing {
  /** What the slots of a phrase are filled with, for one case file. */
  interface Slots {
    /** The text of {@code slot} (without braces) in {@code language}. */
    String value(String slot, Language language);
  }

  private static final Sections ENGLISH = Sections.load("phrases-en.txt", false);
  private static final Sections RUSSIAN = Sections.load("phrases-ru.txt", false);
  private static final Prose ENGLISH_PROSE = Prose.learn(Sections.load("prose-en.txt", false), "sentences");
  private static final Prose RUSSIAN_PROSE = Prose.learn(Sections.load("prose-ru.txt", false), "sentences");

  /** Of every hundred sentences of a long text, this many are filled phrases, the rest prose. */
  private static final int PHRASES_IN_A_HUNDRED = 35;

  private Writing() {}

  static Sections phrases(Language language) {
    return language == Language.RUSSIAN ? RUSSIAN : ENGLISH;
  }

  /** A phrase of list {@code section}, filled. */
  static String phrase(String section, Language language, Slots slots, Dice dice) {
    return fill(phrases(language).pick(section, dice), slots, language);
  }

  /** The phrase at {@code index} of list {@code section}, filled: for lists kept parallel in both languages. */
  static String phrase(String section, int index, Language language, Slots slots) {
    return fill(phrases(language).list(section).get(index), slots, language);
  }

  static int size(String section) {
    return ENGLISH.list(section).size();
  }

  /** {@code count} sentences in one paragraph. */
  static String sentences(Language language, int count, Slots slots, Dice dice) {
    StringBuilder out = new StringBuilder(count * 120);
    for (int sentence = 0; sentence < count; sentence++) {
      if (sentence > 0) {
        out.append(' ');
      }
      sentence(out, language, slots, dice);
    }
    return out.toString();
  }

  /** A text of about {@code words} words in paragraphs of three to seven sentences. */
  static String text(Language language, int words, Slots slots, Dice dice) {
    StringBuilder out = new StringBuilder(words * 8);
    int written = 0;
    while (written < words) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      int sentences = dice.between(3, 7);
      for (int sentence = 0; sentence < sentences && written < words; sentence++) {
        if (sentence > 0) {
          out.append(' ');
        }
        written += sentence(out, language, slots, dice);
      }
    }
    return out.toString();
  }

  private static int sentence(StringBuilder out, Language language, Slots slots, Dice dice) {
    if (dice.chance(PHRASES_IN_A_HUNDRED)) {
      String sentence = phrase("sentence", language, slots, dice);
      out.append(sentence);
      return countWords(sentence);
    }
    return (language == Language.RUSSIAN ? RUSSIAN_PROSE : ENGLISH_PROSE).sentence(out, dice);
  }

  /** {@code template} with each {@code {slot}} replaced by its value. */
  static String fill(String template, Slots slots, Language language) {
    int open = template.indexOf('{');
    if (open < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 64);
    int from = 0;
    while (open >= 0) {
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalStateException("unclosed slot in the phrase \"" + template + "\"");
      }
      out.append(template, from, open).append(slots.value(template.substring(open + 1, close), language));
      from = close + 1;
      open = template.indexOf('{', from);
    }
    out.append(template, from, template.length());
    return out.toString();
  }

  private static int countWords(String text) {
    int words = 1;
    for (int index = 0; index < text.length(); index++) {
      if (text.charAt(index) == ' ') {
        words++;
      }
    }
    return words;
  }
}
