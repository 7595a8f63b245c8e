package org.casebook.proceedings;

import java.math.BigDecimal;

/** How a proceeding ended: a sentence or decision in words, and a fine if one was imposed. */
public record Outcome(String summary, Fine fine) {

  /** A fine with its amount and ISO 4217 currency. */
  public record Fine(BigDecimal amount, String currency) {
    /** Keeps the amount at the scale it needs, so that 560000 and 560000.00 are the same fine. */
    public Fine {
      if (amount != null && amount.signum() != 0) {
        amount = amount.setScale(Math.max(0, amount.stripTrailingZeros().scale()));
      }
    }
  }
}
