package org.casebook.search.lucene;

import com.ibm.icu.text.Transliterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes a token that holds Cyrillic letters in Latin letters with the ICU transform {@code
 * Russian-Latin/BGN; Latin-ASCII} (the BGN/PCGN romanization that English-language sources use),
 * dropping the apostrophes it writes for the soft and hard signs, so that "Смаилова" and
 * "Smailova" become the same term. Tokens without Cyrillic letters pass unchanged.
 *
 * <p>Not thread-safe, like every token filter: the analyzer gives each thread its own. Remembers
 * the last few thousand tokens it transliterated, as names repeat.
 */
final class CyrillicToLatinFilter extends TokenFilter {
  static final String TRANSFORM = "Russian-Latin/BGN; Latin-ASCII";
  private static final int REMEMBERED = 4096;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  /**
   * Compiling the transform's rules takes a while, so there is one, shared: ICU transliterators
   * keep no state between calls (Lucene's ICU transform filters share one too).
   */
  private static final class Shared {
    static final Transliterator TRANSLITERATOR = Transliterator.getInstance(TRANSFORM);
  }

  private final Map<String, String> remembered =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  CyrillicToLatinFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws java.io.IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (hasCyrillic(term.buffer(), term.length())) {
      String latin = remembered.computeIfAbsent(term.toString(), this::latin);
      term.setEmpty().append(latin);
    }
    return true;
  }

  /** {@code text} in Latin letters, without the marks of the soft and hard signs. */
  String latin(String text) {
    String latin = Shared.TRANSLITERATOR.transliterate(text);
    StringBuilder kept = new StringBuilder(latin.length());
    for (int index = 0; index < latin.length(); index++) {
      char character = latin.charAt(index);
      if (character != '\'' && character != '"' && character != 'ʹ' && character != 'ʺ' && character != '’') {
        kept.append(character);
      }
    }
    return kept.toString();
  }

  static boolean hasCyrillic(char[] text, int length) {
    for (int index = 0; index < length; index++) {
      if (text[index] >= '\u0400' && text[index] <= '\u04FF') {
        return true;
      }
    }
    return false;
  }
}
