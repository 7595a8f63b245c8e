package org.casebook.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Makes each word into its term by an analyzer of one word (an {@link Analysis.Chain} applied to
 * the word alone), remembering the terms of the last words it saw, so that a word seen before
 * costs a look-up. The word's position and offsets are kept.
 *
 * <p>Not thread-safe, like every token filter: an analyzer gives each thread its own, so each
 * thread remembers its own words. At most {@link #REMEMBERED} words are kept; when full, it
 * starts again from none (the frequent words are back at once).
 */
final class RememberedTermsFilter extends TokenFilter {
  static final int REMEMBERED = 50_000;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Analyzer word;
  private final CharArrayMap<char[]> remembered = new CharArrayMap<>(1024, false);

  RememberedTermsFilter(TokenStream input, Analyzer word) {
    super(input);
    this.word = word;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] made = remembered.get(term.buffer(), 0, term.length());
    if (made == null) {
      String seen = term.toString();
      made = termOf(seen);
      if (remembered.size() >= REMEMBERED) {
        remembered.clear();
      }
      remembered.put(seen, made);
    }
    term.copyBuffer(made, 0, made.length);
    return true;
  }

  /** The term the chain makes of {@code seen}: its filters change one word into one word. */
  private char[] termOf(String seen) {
    try (TokenStream stream = word.tokenStream("", seen)) {
      CharTermAttribute made = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      char[] result = stream.incrementToken() ? java.util.Arrays.copyOf(made.buffer(), made.length()) : new char[0];
      if (stream.incrementToken()) {
        throw new IllegalStateException("a filter of the chain made two terms of \"" + seen + "\"");
      }
      stream.end();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse a word", e);
    }
  }
}
