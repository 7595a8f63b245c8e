package org.casebook.casepage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes SVG markup: elements with attributes given as name-value pairs, every attribute value and
 * text escaped, and characters that XML 1.0 cannot hold replaced by U+FFFD, so that whatever a
 * record contains, the result is well-formed and nothing in it is read as markup. Not thread-safe;
 * one writer per drawing.
 */
final class SvgWriter {
  private static final char REPLACEMENT = '\uFFFD';

  private final StringBuilder out = new StringBuilder(16_384);

  /**
   * Starts the tag of element {@code name}; add its attributes to the returned tag, then end it
   * with {@link Tag#open()}, {@link Tag#empty()} or {@link Tag#text(String)}. Only one tag may be
   * in progress at a time.
   */
  Tag start(String name) {
    out.append('<').append(name);
    return new Tag(name);
  }

  SvgWriter close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** Writes {@code text} as character data, escaped. */
  SvgWriter text(String text) {
    appendEscaped(text);
    return this;
  }

  SvgWriter newLine() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** The start tag of an element being written. */
  final class Tag {
    private final String name;

    private Tag(String name) {
      this.name = name;
    }

    /** Adds an attribute; {@code value} is escaped. */
    Tag attribute(String attributeName, String value) {
      out.append(' ').append(attributeName).append("=\"");
      appendEscaped(value);
      out.append('"');
      return this;
    }

    /** Adds an attribute with a coordinate or length, written as by {@link #number(double)}. */
    Tag attribute(String attributeName, double value) {
      return attribute(attributeName, number(value));
    }

    /** Ends the start tag; the element stays open until {@link SvgWriter#close(String)}. */
    SvgWriter open() {
      out.append('>');
      return SvgWriter.this;
    }

    /** Ends the element without content. */
    SvgWriter empty() {
      out.append("/>");
      return SvgWriter.this;
    }

    /** Writes {@code content}, escaped, as the element's only content, and ends the element. */
    SvgWriter text(String content) {
      return open().text(content).close(name);
    }
  }

  private void appendEscaped(String text) {
    if (text == null) {
      return;
    }
    text.codePoints().forEach(this::appendEscaped);
  }

  private void appendEscaped(int codePoint) {
    switch (codePoint) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> {
        if (isXmlCharacter(codePoint)) {
          out.appendCodePoint(codePoint);
        } else {
          out.append(REPLACEMENT);
        }
      }
    }
  }

  private static boolean isXmlCharacter(int codePoint) {
    return codePoint == '\t'
        || codePoint == '\n'
        || codePoint == '\r'
        || (codePoint >= 0x20 && codePoint <= 0xD7FF)
        || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
  }

  /** A number for an attribute: at most two decimals, no exponent, no trailing zero. */
  static String number(double value) {
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
