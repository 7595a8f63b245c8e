package org.casebook.access;

import java.util.UUID;
import org.casebook.common.Actor;
import org.casebook.common.NotPermitted;

/**
 * Who is asking: an anonymous visitor (published records only, through the public view), a
 * signed-in user with a role, or the system running a job from the command line (which sees and
 * may do everything). Which case files a user may see is read from their teams in the database,
 * inside each query ({@link Visibility}, {@link Guard}), so a change of team takes effect at once.
 *
 * <p>Immutable.
 */
public final class Caller {
  private final Role role;
  private final UUID userId;
  private final String name;
  private final String sessionId;
  private final boolean system;

  private Caller(Role role, UUID userId, String name, String sessionId, boolean system) {
    this.role = role;
    this.userId = userId;
    this.name = name;
    this.sessionId = sessionId;
    this.system = system;
  }

  /** A visitor who has not signed in. */
  public static Caller anonymous() {
    return new Caller(null, null, "anonymous", null, false);
  }

  /** A command-line job, such as an import run by the operator of the installation. */
  public static Caller system(String job) {
    return new Caller(Role.ADMINISTRATOR, null, "system:" + job, null, true);
  }

  /** A signed-in user, by their account's public id and login name. */
  public static Caller user(UUID userId, String name, Role role, String sessionId) {
    return new Caller(role, userId, name, sessionId, false);
  }

  /** The name recorded in created_by and updated_by. */
  public Actor actor() {
    return new Actor(name, sessionId);
  }

  public String name() {
    return name;
  }

  public UUID userId() {
    return userId;
  }

  public String sessionId() {
    return sessionId;
  }

  public Role role() {
    return role;
  }

  public boolean isAnonymous() {
    return role == null;
  }

  public boolean isSystem() {
    return system;
  }

  /** Administrators and command-line jobs see every case file; everyone else sees their teams'. */
  public boolean seesEverything() {
    return system || role == Role.ADMINISTRATOR;
  }

  /** Refuses the operation unless the caller's role grants {@code permission}. */
  public void require(Permission permission) {
    if (!system && !permission.grantedTo(role)) {
      throw new NotPermitted(isAnonymous() ? "sign in first" : "your role does not allow this");
    }
  }
}
