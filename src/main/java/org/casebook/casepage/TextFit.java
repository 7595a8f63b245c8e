package org.casebook.casepage;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits text into a column by counting characters, since the server knows no font metrics: an
 * average sans-serif character is taken as a little over half the font size wide.
 */
final class TextFit {
  private static final double AVERAGE_LATIN_WIDTH = 0.56;
  private static final double AVERAGE_OTHER_WIDTH = 0.64;
  private static final String ELLIPSIS = "…";

  private TextFit() {}

  /** The estimated width in pixels of {@code text} at {@code fontSize}. */
  static double width(String text, double fontSize) {
    return text.codePoints()
            .mapToDouble(character -> character < 0x250 ? AVERAGE_LATIN_WIDTH : AVERAGE_OTHER_WIDTH)
            .sum()
        * fontSize;
  }

  /** How many characters fit in {@code width} pixels at {@code fontSize}. */
  static int characters(double width, double fontSize) {
    return Math.max(1, (int) Math.floor(width / (fontSize * AVERAGE_OTHER_WIDTH)));
  }

  /**
   * {@code text} broken at spaces into at most {@code maxLines} lines of at most {@code lineLength}
   * characters. What does not fit is cut, at a space where one is near the end, and the last line
   * ends with an ellipsis; a word longer than a line is cut anywhere.
   */
  static List<String> wrap(String text, int lineLength, int maxLines) {
    List<String> lines = new ArrayList<>();
    String rest = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    while (!rest.isEmpty() && lines.size() < maxLines) {
      if (length(rest) <= lineLength) {
        lines.add(rest);
        rest = "";
      } else if (lines.size() == maxLines - 1) {
        lines.add(firstLine(rest, lineLength - 1).stripTrailing() + ELLIPSIS);
        rest = "";
      } else {
        String line = firstLine(rest, lineLength);
        lines.add(line);
        rest = rest.substring(line.length()).strip();
      }
    }
    return lines;
  }

  private static String firstLine(String text, int lineLength) {
    String candidate = cut(text, lineLength + 1);
    int lastSpace = candidate.lastIndexOf(' ');
    boolean nearTheEnd = lastSpace > candidate.length() / 2;
    return nearTheEnd ? candidate.substring(0, lastSpace) : cut(text, lineLength);
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The first {@code count} characters of {@code text}, never splitting a surrogate pair. */
  private static String cut(String text, int count) {
    if (length(text) <= count) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, Math.max(0, count)));
  }
}
