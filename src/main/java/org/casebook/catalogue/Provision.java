package org.casebook.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One provision of the legal catalogue: an article of a code, or one part of an article ({@code
 * part} is null for the article itself). {@code maxPenaltyYears} is the longest prison term it
 * carries, when a source states it. The id is assigned by the catalogue, never taken from a
 * request.
 */
public record Provision(
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) UUID id,
    String code,
    String article,
    String part,
    String titleEn,
    String titleRu,
    BigDecimal maxPenaltyYears) {

  /** The provision as a citation without a clause, such as {@code KZ-CC 190(4)}. */
  public String citation() {
    return new Citation(code, article, part, null).toString();
  }
}
