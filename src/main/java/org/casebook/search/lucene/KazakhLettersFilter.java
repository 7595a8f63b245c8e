package org.casebook.search.lucene;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Kazakh letters of the Cyrillic alphabet to the Russian letters they are written with
 * when a keyboard or a transliteration lacks them (ә→а, қ→к, ң→н, ғ→г, ү and ұ→у, ө→о, і→и,
 * һ→х), and ё→е, so that "Жаңаөзен" meets "Жанаозен" and both meet "Zhanaozen". One character for
 * one, so offsets are untouched.
 */
final class KazakhLettersFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  KazakhLettersFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws java.io.IOException {
    if (!input.incrementToken()) {
      return false;
    }
    fold(term.buffer(), term.length());
    return true;
  }

  /** Folds the first {@code length} characters of {@code text} in place. */
  static void fold(char[] text, int length) {
    for (int index = 0; index < length; index++) {
      text[index] = fold(text[index]);
    }
  }

  static char fold(char letter) {
    if (letter < '\u0401' || letter > '\u04FF') {
      return letter;
    }
    return switch (letter) {
      case 'ә' -> 'а';
      case 'Ә' -> 'А';
      case 'қ' -> 'к';
      case 'Қ' -> 'К';
      case 'ң' -> 'н';
      case 'Ң' -> 'Н';
      case 'ғ' -> 'г';
      case 'Ғ' -> 'Г';
      case 'ү', 'ұ' -> 'у';
      case 'Ү', 'Ұ' -> 'У';
      case 'ө' -> 'о';
      case 'Ө' -> 'О';
      case 'і' -> 'и';
      case 'І' -> 'И';
      case 'һ' -> 'х';
      case 'Һ' -> 'Х';
      case 'ё' -> 'е';
      case 'Ё' -> 'Е';
      default -> letter;
    };
  }
}
