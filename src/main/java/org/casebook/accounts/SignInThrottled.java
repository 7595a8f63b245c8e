package org.casebook.accounts;

import java.time.Instant;
import org.casebook.common.CasebookException;

/**
 * Too many failed sign-ins for this name or from this address: no attempt is checked until {@link
 * #retryAfter()}. Maps to 429 (the web layer sends a {@code Retry-After} header). The message does
 * not say whether the name or the address is blocked, nor whether the name exists.
 */
public class SignInThrottled extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final Instant retryAfter;

  public SignInThrottled(Instant retryAfter) {
    super("too many failed sign-ins; try again after " + retryAfter);
    this.retryAfter = retryAfter;
  }

  public Instant retryAfter() {
    return retryAfter;
  }

  @Override
  public String problemType() {
    return "sign-in-throttled";
  }

  @Override
  public int httpStatus() {
    return 429;
  }
}
