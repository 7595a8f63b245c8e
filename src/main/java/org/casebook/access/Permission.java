package org.casebook.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a service operation needs beyond seeing its records. Each service method states the
 * permission it needs with {@link Caller#require}; reading and writing a case file's records is
 * further limited to the case files on the caller's teams.
 */
public enum Permission {
  READ_RECORDS(Role.ADMINISTRATOR, Role.EDITOR, Role.VIEWER),
  WRITE_RECORDS(Role.ADMINISTRATOR, Role.EDITOR),
  CREATE_CASE(Role.ADMINISTRATOR, Role.EDITOR),
  IMPORT(Role.ADMINISTRATOR, Role.EDITOR),
  EXPORT(Role.ADMINISTRATOR, Role.EDITOR, Role.VIEWER),
  MANAGE_VOCABULARIES(Role.ADMINISTRATOR),
  MANAGE_CATALOGUE(Role.ADMINISTRATOR),
  MANAGE_ACCOUNTS(Role.ADMINISTRATOR),
  MANAGE_TEAMS(Role.ADMINISTRATOR),
  READ_AUDIT(Role.ADMINISTRATOR);

  private final Set<Role> roles;

  Permission(Role first, Role... rest) {
    this.roles = EnumSet.of(first, rest);
  }

  public boolean grantedTo(Role role) {
    return role != null && roles.contains(role);
  }
}
