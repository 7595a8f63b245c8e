package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a communication stands: the status of the last transition of its history, or {@link
 * #DRAFT} before it is sent. See {@link Lifecycle} for the transitions allowed.
 */
public enum CommunicationStatus {
  DRAFT,
  SENT,
  REPLY_RECEIVED,
  PUBLISHED,
  FOLLOW_UP_SENT,
  CLOSED;

  /** The code in JSON, the import format and the database: {@code reply-received}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static CommunicationStatus parse(String code, String field) {
    return Codes.parse(values(), CommunicationStatus::code, code, "a communication status", field);
  }

  @JsonCreator
  static CommunicationStatus fromJson(String code) {
    return parse(code, "status");
  }
}
