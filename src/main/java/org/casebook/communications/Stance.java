package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a reply says about one allegation of the communication it answers. */
public enum Stance {
  /** The reply accepts the allegation as true. */
  CONFIRMS,
  /** The reply says the allegation is untrue. */
  DENIES,
  /** The reply answers part of the allegation, or answers it with different facts. */
  PARTLY_ADDRESSES,
  /** The reply says nothing about the allegation, or says it has no information. */
  DOES_NOT_ADDRESS;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Stance parse(String code, String field) {
    return Codes.parse(values(), Stance::code, code, "a stance", field);
  }

  @JsonCreator
  static Stance fromJson(String code) {
    return parse(code, "stance");
  }
}
