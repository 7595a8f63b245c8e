package org.casebook.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.common.InvalidInput;

/**
 * A reference to a provision of a legal code as lawyers write it: {@code KZ-CC 274(2)(3)} is
 * article 274, part 2, clause 3 of the Criminal Code of Kazakhstan ({@code KZ-CC}). Part and
 * clause are optional; a clause needs a part.
 */
public record Citation(String code, String article, String part, String clause) {
  private static final Pattern FORM =
      Pattern.compile("([A-Z]{2}-[A-Z]+) +([0-9]+(?:[-.][0-9]+)?)((?:\\([0-9a-z]{1,10}\\)){0,2})");
  private static final Pattern GROUP = Pattern.compile("\\(([0-9a-z]{1,10})\\)");

  /**
   * Reads a citation such as {@code KZ-CC 190(4)(2)}.
   *
   * @throws InvalidInput naming {@code field} and the expected form
   */
  public static Citation parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(field, "is required; expected a citation such as KZ-CC 274(2)(3)");
    }
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      throw new InvalidInput(
          field,
          "\""
              + text
              + "\" is not a citation; expected code, article and optional part and clause, such as"
              + " KZ-CC 274(2)(3)");
    }
    List<String> groups = new ArrayList<>();
    Matcher group = GROUP.matcher(matcher.group(3));
    while (group.find()) {
      groups.add(group.group(1));
    }
    return new Citation(
        matcher.group(1),
        matcher.group(2),
        groups.isEmpty() ? null : groups.get(0),
        groups.size() < 2 ? null : groups.get(1));
  }

  /** The citation in its written form, such as {@code KZ-CC 274(2)(3)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(code).append(' ').append(article);
    if (part != null) {
      text.append('(').append(part).append(')');
    }
    if (clause != null) {
      text.append('(').append(clause).append(')');
    }
    return text.toString();
  }
}
