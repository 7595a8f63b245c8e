package org.casebook.pages;

import java.util.ArrayList;
import java.util.List;
import org.casebook.accounts.NewApiToken;
import org.casebook.accounts.TotpEnrollment;

/**
 * What the form just sent from the account page did, for the page that answers it: at most one of
 * these is set. Secrets in it are shown this once.
 *
 * @param passwordChanged the password was changed
 * @param passwordError why the password was not changed
 * @param enrollment a second factor just started, with its secret
 * @param totpError why the second factor was not started or confirmed
 * @param recoveryCodes the recovery codes of a second factor just confirmed
 * @param newToken an API token just created, with its secret
 * @param tokenError why no API token was created
 */
public record AccountOutcome(
    boolean passwordChanged,
    String passwordError,
    TotpEnrollment enrollment,
    String totpError,
    List<String> recoveryCodes,
    NewApiToken newToken,
    String tokenError) {

  static AccountOutcome nothing() {
    return new AccountOutcome(false, null, null, null, null, null, null);
  }

  static AccountOutcome afterPasswordChange() {
    return new AccountOutcome(true, null, null, null, null, null, null);
  }

  static AccountOutcome passwordRefused(String error) {
    return new AccountOutcome(false, error, null, null, null, null, null);
  }

  static AccountOutcome enrolling(TotpEnrollment enrollment) {
    return new AccountOutcome(false, null, enrollment, null, null, null, null);
  }

  static AccountOutcome totpRefused(String error) {
    return new AccountOutcome(false, null, null, error, null, null, null);
  }

  static AccountOutcome enrolled(List<String> recoveryCodes) {
    return new AccountOutcome(false, null, null, null, recoveryCodes, null, null);
  }

  static AccountOutcome tokenCreated(NewApiToken token) {
    return new AccountOutcome(false, null, null, null, null, token, null);
  }

  static AccountOutcome tokenRefused(String error) {
    return new AccountOutcome(false, null, null, null, null, null, error);
  }

  /** Whether something went wrong, so that the page is answered with status 422. */
  boolean failed() {
    return passwordError != null || totpError != null || tokenError != null;
  }

  /** The secret of the second factor just started, in groups of four characters to type. */
  public List<String> secretGroups() {
    if (enrollment == null) {
      return List.of();
    }
    String secret = enrollment.secret();
    List<String> groups = new ArrayList<>();
    for (int start = 0; start < secret.length(); start += 4) {
      groups.add(secret.substring(start, Math.min(secret.length(), start + 4)));
    }
    return groups;
  }
}
