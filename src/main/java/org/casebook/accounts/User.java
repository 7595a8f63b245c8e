package org.casebook.accounts;

import org.casebook.access.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * An account as it may be shown to an administrator: never its password hash, TOTP secret or
 * recovery codes.
 */
public record User(
    UUID id,
    String name,
    String displayName,
    Role role,
    boolean totpEnabled,
    boolean disabled,
    Instant createdAt,
    Instant updatedAt,
    Instant passwordChangedAt) {

  /** Whether this user must enrol a second factor before doing anything else. */
  public boolean mustEnrollTotp() {
    return role.requiresTotp() && !totpEnabled;
  }
}
