package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What falls due on a deadline. */
public enum DeadlineKind {
  /** A reply to a sent communication is expected by this day. */
  REPLY_EXPECTED,
  /** A sent communication may be published from this day; it is confidential until then. */
  PUBLIC_DATE,
  /** A follow-up to a communication is due by this day. */
  FOLLOW_UP_DUE,
  /** A decision in a proceeding is expected on this day (a proceeding whose current status is decision-due). */
  DECISION_DUE;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static DeadlineKind parse(String code, String field) {
    return Codes.parse(values(), DeadlineKind::code, code, "a deadline kind", field);
  }

  @JsonCreator
  static DeadlineKind fromJson(String code) {
    return parse(code, "kind");
  }
}
