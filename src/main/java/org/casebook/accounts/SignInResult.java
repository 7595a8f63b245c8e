package org.casebook.accounts;

import java.time.Instant;

/**
 * A successful sign-in: the session token, which exists only here (the database keeps its hash) and
 * goes into the session cookie, the principal, and when the session ends at the latest.
 */
public record SignInResult(String sessionToken, Principal principal, Instant expiresAt) {
  /** Leaves out the session token. */
  @Override
  public String toString() {
    return "SignInResult[" + principal + ", expires " + expiresAt + "]";
  }
}
