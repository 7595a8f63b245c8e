package org.casebook.search.lucene;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Where a snippet's passages may start and end: at the start of each sentence (after ".", "!",
 * "?" or "…" and white space, unless a lower-case letter or a digit follows, as after "e.g." or "ст.") and of
 * each line. The highlighter asks for the boundaries around each match of every hit, and the
 * JDK's rule-based sentence iterator spent most of a search's snippet time answering; this one
 * finds all of a text's boundaries in one pass and answers each question by a binary search.
 *
 * <p>Offsets are those of the text's {@link CharacterIterator}, which need not begin at 0. Not
 * thread-safe, like every break iterator.
 */
final class SentenceBreaks extends BreakIterator {
  private CharacterIterator text = new StringCharacterIterator("");
  private int[] boundaries = {0};
  private int count = 1;
  private int at;

  @Override
  public void setText(CharacterIterator newText) {
    text = newText;
    int begin = newText.getBeginIndex();
    int end = newText.getEndIndex();
    char[] chars = new char[end - begin];
    int index = 0;
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      chars[index++] = c;
    }
    boundaries = new int[16];
    count = 0;
    add(begin);
    for (int position = 0; position < chars.length; position++) {
      char c = chars[position];
      boolean line = c == '\n';
      if (line || (ends(c) && position + 1 < chars.length && Character.isWhitespace(chars[position + 1]))) {
        int next = position + 1;
        while (next < chars.length && Character.isWhitespace(chars[next])) {
          next++;
        }
        if (next < chars.length && (line || !(Character.isLowerCase(chars[next]) || Character.isDigit(chars[next])))) {
          add(begin + next);
        }
        position = next - 1;
      }
    }
    if (boundaries[count - 1] < end) {
      add(end);
    }
    at = 0;
  }

  private static boolean ends(char c) {
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  private void add(int boundary) {
    if (count > 0 && boundaries[count - 1] >= boundary) {
      return;
    }
    if (count == boundaries.length) {
      boundaries = Arrays.copyOf(boundaries, count * 2);
    }
    boundaries[count++] = boundary;
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    at = 0;
    return boundaries[at];
  }

  @Override
  public int last() {
    at = count - 1;
    return boundaries[at];
  }

  @Override
  public int current() {
    return boundaries[at];
  }

  @Override
  public int next() {
    if (at == count - 1) {
      return DONE;
    }
    return boundaries[++at];
  }

  @Override
  public int next(int n) {
    int result = current();
    for (int step = 0; step < n && result != DONE; step++) {
      result = next();
    }
    for (int step = 0; step > n && result != DONE; step--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int previous() {
    if (at == 0) {
      return DONE;
    }
    return boundaries[--at];
  }

  /** The first boundary after {@code offset}, or {@link #DONE} (standing at the last). */
  @Override
  public int following(int offset) {
    check(offset);
    int found = Arrays.binarySearch(boundaries, 0, count, offset);
    int after = found >= 0 ? found + 1 : -found - 1;
    if (after >= count) {
      at = count - 1;
      return DONE;
    }
    at = after;
    return boundaries[at];
  }

  /** The last boundary before {@code offset}, or {@link #DONE} (standing at the first). */
  @Override
  public int preceding(int offset) {
    check(offset);
    int found = Arrays.binarySearch(boundaries, 0, count, offset);
    int before = (found >= 0 ? found : -found - 1) - 1;
    if (before < 0) {
      at = 0;
      return DONE;
    }
    at = before;
    return boundaries[at];
  }

  private void check(int offset) {
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException(
          "offset " + offset + " is outside the text [" + text.getBeginIndex() + ", " + text.getEndIndex() + "]");
    }
  }
}
