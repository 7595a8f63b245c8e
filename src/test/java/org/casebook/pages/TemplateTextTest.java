package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word the pages show comes from the message bundles: a template holds no interface text of
 * its own, both languages have the same keys, and every key a template names exists.
 */
class TemplateTextTest {
  private static final Path TEMPLATES = Path.of("src", "main", "jte");
  /** Attributes whose values people read or hear: they must come from the bundles too. */
  private static final Pattern TEXT_ATTRIBUTE =
      Pattern.compile("\\b(title|alt|aria-label|placeholder|label)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern DIRECTIVE_LINE = Pattern.compile("(?m)^\\s*@(import|param)\\b.*$");
  private static final Pattern KEYWORD = Pattern.compile("@(else|endif|endfor|endraw|raw)\\b");
  private static final Pattern MESSAGE_KEY = Pattern.compile("\\bt\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
  /** Keys that pages make by joining words, named here so that the check covers them too. */
  private static final List<String> COMPOSED_KEYS = composedKeys();

  @Test
  void templatesHoldNoInterfaceTextOfTheirOwn() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path template : templates()) {
      String source = Files.readString(template, StandardCharsets.UTF_8);
      assertThat(source).as(template + " writes unescaped output").doesNotContain("$unsafe");
      String markup = markupOnly(source);
      Matcher attribute = TEXT_ATTRIBUTE.matcher(markup);
      while (attribute.find()) {
        if (hasLetters(attribute.group(2))) {
          found.add(template.getFileName() + ": " + attribute.group());
        }
      }
      for (String text : TAG.matcher(markup).replaceAll(" ").split("\\s+")) {
        if (hasLetters(text)) {
          found.add(template.getFileName() + ": " + text);
        }
      }
    }
    assertThat(found).as("interface text written into templates instead of the bundles").isEmpty();
  }

  @Test
  void theScanFindsTextWrittenIntoATemplate() {
    assertThat(hasLetters(TAG.matcher(markupOnly("<p>${page.t(\"a.b\")} Delete</p>")).replaceAll(" "))).isTrue();
    assertThat(hasLetters(TAG.matcher(markupOnly("<p>${page.t(\"a.b\")} · ${x}</p>")).replaceAll(" "))).isFalse();
    assertThat(markupOnly("@template.layout(page = page, content = @`<p>Hello</p>`)")).contains("Hello").doesNotContain("page");
    assertThat(TEXT_ATTRIBUTE.matcher(markupOnly("<a title=\"Open\" href=\"${x}\">")).find()).isTrue();
  }

  @Test
  void bothLanguagesHaveTheSameKeysAndEveryKeyUsedExists() throws IOException {
    Messages english = Messages.of(Locale.ENGLISH);
    Messages russian = Messages.of(Locale.forLanguageTag("ru"));
    assertThat(new TreeSet<>(russian.keys())).isEqualTo(new TreeSet<>(english.keys()));
    Set<String> used = new TreeSet<>(COMPOSED_KEYS);
    for (Path template : templates()) {
      Matcher key = MESSAGE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
      while (key.find()) {
        used.add(key.group(1));
      }
    }
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java", "org", "casebook", "pages"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        Matcher key = MESSAGE_KEY.matcher(Files.readString(source, StandardCharsets.UTF_8));
        while (key.find()) {
          used.add(key.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(40);
    assertThat(english.keys()).containsAll(used);
  }

  @Test
  void russianTextIsRussian() {
    Messages russian = Messages.of(Locale.forLanguageTag("ru"));
    assertThat(russian.get("case.chronology")).isEqualTo("Хронология");
    assertThat(russian.format("paging.position", 2, 7)).isEqualTo("Страница 2 из 7");
  }

  /**
   * The markup of a template with everything that is not markup taken out: comments, output
   * expressions, code, directives and the arguments of template calls (but not the content blocks
   * they pass, which are markup again).
   */
  static String markupOnly(String source) {
    String text = source.replaceAll("(?s)<%--.*?--%>", " ");
    text = DIRECTIVE_LINE.matcher(text).replaceAll(" ");
    StringBuilder markup = new StringBuilder();
    int index = 0;
    while (index < text.length()) {
      if (text.startsWith("${", index) || text.startsWith("!{", index)) {
        index = skipBalanced(text, index + 1, '{', '}');
        markup.append(' ');
      } else if (startsDirectiveWithArguments(text, index)) {
        int open = text.indexOf('(', index);
        index = templateArguments(text, open, markup);
      } else {
        markup.append(text.charAt(index));
        index++;
      }
    }
    return KEYWORD.matcher(markup).replaceAll(" ");
  }

  private static boolean startsDirectiveWithArguments(String text, int index) {
    return text.startsWith("@if(", index)
        || text.startsWith("@elseif(", index)
        || text.startsWith("@for(", index)
        || (text.startsWith("@template.", index) && text.indexOf('(', index) > 0);
  }

  /**
   * Skips the arguments of a directive or template call starting at the parenthesis {@code open},
   * copying only the content blocks ({@code @`...`}) they pass; returns the index after them.
   */
  private static int templateArguments(String text, int open, StringBuilder markup) {
    int depth = 0;
    int index = open;
    while (index < text.length()) {
      char character = text.charAt(index);
      if (text.startsWith("@`", index)) {
        int end = text.indexOf('`', index + 2);
        markup.append(' ').append(markupOnly(text.substring(index + 2, end))).append(' ');
        index = end + 1;
        continue;
      }
      if (character == '"') {
        index = text.indexOf('"', index + 1) + 1;
        continue;
      }
      if (character == '(') {
        depth++;
      } else if (character == ')') {
        depth--;
        if (depth == 0) {
          return index + 1;
        }
      }
      index++;
    }
    return index;
  }

  private static int skipBalanced(String text, int open, char opening, char closing) {
    int depth = 0;
    for (int index = open; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character == '"') {
        index = text.indexOf('"', index + 1);
      } else if (character == opening) {
        depth++;
      } else if (character == closing && --depth == 0) {
        return index + 1;
      }
    }
    return text.length();
  }

  private static boolean hasLetters(String text) {
    return text.codePoints().anyMatch(Character::isLetter);
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> paths = Files.walk(TEMPLATES)) {
      List<Path> templates = paths.filter(path -> path.toString().endsWith(".jte")).sorted().toList();
      assertThat(templates).isNotEmpty();
      return templates;
    }
  }

  private static List<String> composedKeys() {
    List<String> keys = new ArrayList<>();
    for (String kind : List.of("badRequest", "forbidden", "notFound", "internal", "other")) {
      keys.add("error." + kind + ".title");
      keys.add("error." + kind + ".text");
    }
    for (String category : List.of("one", "few", "many", "other")) {
      keys.add("penalty.years." + category);
    }
    for (org.casebook.access.Role role : org.casebook.access.Role.values()) {
      keys.add("role." + role.code());
    }
    for (String kind : List.of("case-file", "event", "proceeding")) {
      keys.add("change.kind." + kind);
    }
    for (org.casebook.search.RecordKind kind : org.casebook.search.RecordKind.values()) {
      keys.add(SearchPages.kindKey(kind.code()));
    }
    for (org.casebook.search.Facet facet : org.casebook.search.Facet.values()) {
      keys.add("search.facet." + facet.parameter());
    }
    return keys;
  }
}
