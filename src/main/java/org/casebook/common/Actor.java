package org.casebook.common;

/**
 * Who is making a change, as recorded in {@code created_by} and {@code updated_by} and in the
 * audit log: a user name for people, {@code system:import}, {@code system:demo} and the like for
 * jobs; and the session the change came from, if any (an id, never the session's secret token).
 */
public record Actor(String name, String sessionId) {
  public Actor(String name) {
    this(name, null);
  }

  public Actor {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("an actor needs a name of 1 to 100 characters");
    }
  }

  public static Actor system(String job) {
    return new Actor("system:" + job);
  }
}
