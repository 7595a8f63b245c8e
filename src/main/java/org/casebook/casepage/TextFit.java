package org.casebook.casepage;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits text into a column by estimating its width, since the server knows no font metrics: an
 * average sans-serif Latin character is taken as 0.56 of the font size wide, any other (Cyrillic,
 * Greek ...) as 0.64.
 */
final class TextFit {
  private static final double AVERAGE_LATIN_WIDTH = 0.56;
  private static final double AVERAGE_OTHER_WIDTH = 0.64;
  private static final int END_OF_LATIN = 0x250;
  private static final String ELLIPSIS = "…";

  private TextFit() {}

  /** The estimated width in pixels of {@code text} at {@code fontSize}. */
  static double width(String text, double fontSize) {
    return text.codePoints().mapToDouble(TextFit::relativeWidth).sum() * fontSize;
  }

  private static double relativeWidth(int character) {
    return character < END_OF_LATIN ? AVERAGE_LATIN_WIDTH : AVERAGE_OTHER_WIDTH;
  }

  /**
   * {@code text} broken at spaces into at most {@code maxLines} lines no wider than {@code
   * maxWidth} at {@code fontSize}. What does not fit is cut after the last whole word that fits (or
   * anywhere in a word wider than a line), and the last line then ends with an ellipsis.
   */
  static List<String> wrap(String text, double maxWidth, double fontSize, int maxLines) {
    List<String> lines = new ArrayList<>();
    String rest = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    while (!rest.isEmpty() && lines.size() < maxLines) {
      boolean lastLine = lines.size() == maxLines - 1;
      if (width(rest, fontSize) <= maxWidth) {
        lines.add(rest);
        rest = "";
      } else if (lastLine) {
        double room = maxWidth - width(ELLIPSIS, fontSize);
        lines.add(firstLine(rest, room, fontSize).stripTrailing() + ELLIPSIS);
        rest = "";
      } else {
        String line = firstLine(rest, maxWidth, fontSize);
        lines.add(line);
        rest = rest.substring(line.length()).strip();
      }
    }
    return lines;
  }

  /** The longest start of {@code text} that fits, ending at a space where there is one. */
  private static String firstLine(String text, double maxWidth, double fontSize) {
    int fits = 0;
    double used = 0;
    while (fits < text.length()) {
      int character = text.codePointAt(fits);
      used += relativeWidth(character) * fontSize;
      if (used > maxWidth) {
        break;
      }
      fits += Character.charCount(character);
    }
    int lastSpace = text.lastIndexOf(' ', fits);
    String line = lastSpace > 0 ? text.substring(0, lastSpace) : text.substring(0, fits);
    return line.isEmpty() ? text.substring(0, text.offsetByCodePoints(0, 1)) : line;
  }
}
