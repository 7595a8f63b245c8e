package org.casebook.accounts;

import java.time.Instant;
import java.util.UUID;

/** An API token as listed to its owner: everything but the token itself, which is never kept. */
public record ApiToken(
    UUID id,
    String name,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  /** Whether the token can be used at {@code now}. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
