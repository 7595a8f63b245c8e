package org.casebook.proceedings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A charge in a proceeding: a {@code citation} of a provision of the legal catalogue, such as
 * {@code KZ-CC 274(2)(3)}. On output the provision's title and maximum penalty (in years, when the
 * catalogue knows it) are added. A charge may be written in a request as the bare citation string.
 */
public record Charge(
    String citation,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) String title,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) BigDecimal maxPenaltyYears) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Charge of(String citation) {
    return new Charge(citation, null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public static Charge fromJson(
      @JsonProperty("citation") String citation,
      @JsonProperty("title") String title,
      @JsonProperty("max_penalty_years") BigDecimal maxPenaltyYears) {
    return new Charge(citation, null, null);
  }
}
