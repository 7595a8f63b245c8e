package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a document of a reply is: the original as sent, a translation of it, or an annex. */
public enum DocumentRole {
  ORIGINAL,
  TRANSLATION,
  ANNEX;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DocumentRole parse(String code, String field) {
    return Codes.parse(values(), DocumentRole::code, code, "a document role", field);
  }

  @JsonCreator
  static DocumentRole fromJson(String code) {
    return parse(code, "role");
  }
}
