package org.casebook.accounts;

import org.casebook.access.Role;
import java.util.Objects;
import java.util.UUID;
import org.casebook.common.NotPermitted;

/**
 * Who is making a request, as established from a session token or an API token. Role and the {@code
 * mustEnrollTotp} flag are read from the account on every lookup, so a change of role or a
 * confirmed enrolment takes effect at the next request.
 *
 * @param userId the user's public id
 * @param name the login name, for audit entries
 * @param credential the session or API token the request came with, for audit entries
 * @param mustEnrollTotp true for an administrator who has not confirmed a second factor: such a
 *     principal may only enrol one (the web layer must refuse every other action)
 * @param csrfToken the session's anti-forgery token, to embed in forms; null for API tokens, which
 *     are sent in a header and cannot be forged across sites
 */
public record Principal(
    UUID userId,
    String name,
    String displayName,
    Role role,
    Credential credential,
    boolean mustEnrollTotp,
    String csrfToken) {

  /** How the caller proved who they are. */
  public enum CredentialKind {
    SESSION,
    API_TOKEN
  }

  /**
   * The session or API token used, by its internal key: {@code session 42}, {@code api token 7}.
   */
  public record Credential(CredentialKind kind, long id) {
    @Override
    public String toString() {
      return (kind == CredentialKind.SESSION ? "session " : "api token ") + id;
    }
  }

  public Principal {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(credential, "credential");
  }

  /**
   * Refuses unless this principal has {@code role} (administrators have every role's rights) and
   * has no second factor left to enrol.
   *
   * @throws NotPermitted naming {@code action}
   */
  public void require(Role needed, String action) {
    boolean allowed =
        switch (needed) {
          case ADMINISTRATOR -> role == Role.ADMINISTRATOR;
          case EDITOR -> role == Role.ADMINISTRATOR || role == Role.EDITOR;
          case VIEWER -> true;
        };
    if (!allowed || mustEnrollTotp) {
      throw new NotPermitted(action);
    }
  }

  /** Leaves out the CSRF token, so that logging a principal does not leak it. */
  @Override
  public String toString() {
    return "Principal[" + name + " (" + userId + "), " + role.code() + ", " + credential + "]";
  }
}
