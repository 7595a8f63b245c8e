package org.casebook.communications;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.common.InvalidInput;

/**
 * A communication's reference as the UN writes it, {@code AL KAZ 1/2024}: the type, the addressed
 * State's ISO 3166-1 alpha-3 code ({@value #NO_STATE} for a letter to no State), the number in
 * that State's sequence for the year, and the year it was sent.
 */
public record Reference(CommunicationType type, String state, int number, int year) {
  /** The code in place of a State for a letter to companies and other bodies only. */
  public static final String NO_STATE = "OTH";

  private static final Pattern FORM = Pattern.compile("(AL|UA|OL) ([A-Z]{3}) ([1-9][0-9]{0,5})/([0-9]{4})");

  /**
   * Reads a reference.
   *
   * @throws InvalidInput naming {@code field} when {@code text} is not in the form AL KAZ 1/2024
   */
  public static Reference parse(String text, String field) {
    Matcher matcher = FORM.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new InvalidInput(
          field, "\"" + text + "\" is not a communication reference; expected the type, the State's three-letter"
              + " code, the number and the year, such as AL KAZ 1/2024");
    }
    return new Reference(
        CommunicationType.parse(matcher.group(1), field),
        matcher.group(2),
        Integer.parseInt(matcher.group(3)),
        Integer.parseInt(matcher.group(4)));
  }

  @Override
  public String toString() {
    return type.code() + " " + state + " " + number + "/" + year;
  }
}
