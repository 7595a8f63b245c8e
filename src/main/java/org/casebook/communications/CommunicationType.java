package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of letter special procedures send, by the code that opens their reference. */
public enum CommunicationType {
  /** An allegation letter: about violations that have happened. */
  AL,
  /** An urgent appeal: about a violation under way or imminent, with a risk to life or of irreparable harm. */
  UA,
  /** Another letter: about laws, policies or practices. */
  OL;

  @JsonValue
  public String code() {
    return name();
  }

  public static CommunicationType parse(String code, String field) {
    return Codes.parse(values(), CommunicationType::code, code, "a communication type", field);
  }

  @JsonCreator
  static CommunicationType fromJson(String code) {
    return parse(code, "type");
  }
}
