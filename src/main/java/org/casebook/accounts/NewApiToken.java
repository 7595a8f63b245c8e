package org.casebook.accounts;

/**
 * A token just created: {@code rawToken} ({@code cbk_} and 43 base64url characters) is shown to the
 * user this once and never again; the database keeps only its SHA-256.
 */
public record NewApiToken(ApiToken token, String rawToken) {
  /** Leaves out the raw token. */
  @Override
  public String toString() {
    return "NewApiToken[" + token + "]";
  }
}
