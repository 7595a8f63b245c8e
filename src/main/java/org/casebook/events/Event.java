package org.casebook.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.common.Lists;
import org.casebook.dates.PartialDate;

/**
 * Something that happened in a case, at a partial date: who took part in which role, whether it
 * is a violation, on what sources, and how it links to other events.
 */
public record Event(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    @JsonProperty("case") UUID caseId,
    PartialDate date,
    String type,
    String title,
    String description,
    String location,
    String country,
    String violation,
    List<Participant> participants,
    List<UUID> sources,
    UUID proceeding,
    List<EventLink> links) implements Recorded {

  public Event {
    participants = Lists.copy(participants);
    sources = Lists.copy(sources);
    links = Lists.copy(links);
  }

  public Event withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Event(
        id, version, confidentiality, audit, caseId, date, type, title, description, location,
        country, violation, participants, sources, proceeding, links);
  }
}
