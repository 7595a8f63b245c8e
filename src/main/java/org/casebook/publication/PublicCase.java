package org.casebook.publication;

import java.util.List;
import java.util.UUID;
import org.casebook.common.Redaction;
import org.casebook.dates.PartialDate;

/**
 * A case file as the public may read it: only records marked public, with protected persons and
 * restricted content replaced by {@link Redaction#MARK} in the place where they stand, so that a
 * reader sees that something is withheld.
 */
public record PublicCase(
    UUID id,
    String title,
    String summary,
    List<String> countries,
    String risk,
    String status,
    List<Party> subjects,
    List<Party> persons,
    List<Party> organizations,
    List<Event> events,
    List<Proceeding> proceedings,
    List<Source> sources) {

  /** A person or organization as published: a name, or the mark when it is withheld. */
  public record Party(UUID id, String name, List<String> otherNames, boolean withheld) {}

  /** A participant in an event or a party to a proceeding, named or withheld, and their role. */
  public record Role(String name, String role) {}

  public record Event(
      UUID id,
      PartialDate date,
      String type,
      String title,
      String description,
      String location,
      String country,
      String violation,
      List<Role> participants,
      List<UUID> sources) {}

  public record Charge(String citation, String title) {}

  public record StatusChange(PartialDate date, String status, String note) {}

  public record Proceeding(
      UUID id,
      String kind,
      String title,
      String authority,
      String jurisdiction,
      List<Charge> charges,
      List<Role> parties,
      List<StatusChange> history,
      String outcome) {}

  public record Source(
      UUID id, String title, String kind, String publisher, PartialDate date, String language, String url,
      String reliability) {}

  /** A published case file in the list of published cases. */
  public record Summary(UUID id, String title, List<String> countries, String status) {}
}
