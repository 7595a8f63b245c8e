package org.casebook.accounts;

/**
 * A pending second factor: the Base32 secret to type into an authenticator app and the {@code
 * otpauth://} URI to show as a QR code. Shown once to the user enrolling; pending until confirmed
 * with a code.
 */
public record TotpEnrollment(String secret, String uri) {
  /** Leaves out the secret. */
  @Override
  public String toString() {
    return "TotpEnrollment[pending]";
  }
}
