package org.casebook.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A passage of a hit's text with the words that matched marked, kept as parts so that each place
 * can write it safely: a page writes each part escaped (marked ones inside {@code <mark>}), the
 * API sends {@link #html()}. The text holds only what every reader of the record may see.
 */
public record Snippet(List<Part> parts) {
  /** A run of text, matched or not. */
  public record Part(String text, boolean match) {}

  public static final Snippet EMPTY = new Snippet(List.of());

  public Snippet {
    parts = List.copyOf(parts);
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** The passage as plain text. */
  public String text() {
    StringBuilder text = new StringBuilder();
    parts.forEach(part -> text.append(part.text()));
    return text.toString();
  }

  /**
   * The passage as HTML: every character of the text escaped, the matched parts inside {@code
   * <mark>...</mark>}, which is the only markup.
   */
  @JsonValue
  public String html() {
    StringBuilder html = new StringBuilder();
    for (Part part : parts) {
      if (part.match()) {
        html.append("<mark>");
      }
      escape(part.text(), html);
      if (part.match()) {
        html.append("</mark>");
      }
    }
    return html.toString();
  }

  private static void escape(String text, StringBuilder html) {
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      switch (character) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(character);
      }
    }
  }
}
