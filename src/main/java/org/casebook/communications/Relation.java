package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How another communication relates to the one it is seen from. */
public enum Relation {
  /** This communication follows up the other. */
  FOLLOW_UP_OF,
  /** The other communication follows up this one. */
  FOLLOWED_UP_BY,
  /** One of the two refers to the other. */
  RELATED;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
