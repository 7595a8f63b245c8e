package org.casebook.letters;

/**
 * Text made safe to stand in an XML document: the characters XML 1.0 does not allow (control
 * characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF) are left out,
 * since one of them would make the whole letter unreadable to the PDF renderer. Markup characters
 * are the template's to escape.
 */
final class XmlText {
  private XmlText() {}

  /** {@code text} without the characters XML cannot hold; null stays null. */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder clean = null;
    int index = 0;
    while (index < text.length()) {
      int codePoint = text.codePointAt(index);
      int length = Character.charCount(codePoint);
      boolean allowed =
          codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
              || (codePoint >= 0x20 && codePoint <= 0xD7FF)
              || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
              || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
      if (!allowed && clean == null) {
        clean = new StringBuilder(text.length()).append(text, 0, index);
      } else if (allowed && clean != null) {
        clean.appendCodePoint(codePoint);
      }
      index += length;
    }
    return clean == null ? text : clean.toString();
  }
}
