package org.casebook.common;

/**
 * Who is making a change, as recorded in {@code created_by} and {@code updated_by}. A user name
 * for people; {@code system:import}, {@code system:demo} and the like for jobs.
 */
public record Actor(String name) {
  public static final Actor ANONYMOUS_API = new Actor("api");

  public Actor {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("an actor needs a name of 1 to 100 characters");
    }
  }

  public static Actor system(String job) {
    return new Actor("system:" + job);
  }
}
