package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How far a reply has come from its arrival to its publication. */
public enum TranslationStatus {
  RECEIVED,
  BEING_TRANSLATED,
  TRANSLATED,
  PUBLISHED;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static TranslationStatus parse(String code, String field) {
    return Codes.parse(values(), TranslationStatus::code, code, "a translation status", field);
  }

  @JsonCreator
  static TranslationStatus fromJson(String code) {
    return parse(code, "translation_status");
  }
}
