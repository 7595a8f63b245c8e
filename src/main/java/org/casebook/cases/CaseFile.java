package org.casebook.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.common.Lists;

/**
 * The file on one defender or group at risk. {@code subjects} are the persons and organizations at
 * risk; {@code persons}, {@code organizations} and {@code sources} are everything else the file
 * concerns (a subject is listed in both). Events and proceedings belong to exactly one case file
 * and point to it.
 */
public record CaseFile(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    String title,
    String summary,
    List<String> countries,
    String risk,
    String status,
    List<UUID> subjects,
    List<UUID> persons,
    List<UUID> organizations,
    List<UUID> sources) implements Recorded {

  public CaseFile {
    countries = Lists.copy(countries);
    subjects = Lists.copy(subjects);
    persons = Lists.copy(persons);
    organizations = Lists.copy(organizations);
    sources = Lists.copy(sources);
  }

  public CaseFile withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new CaseFile(
        id, version, confidentiality, audit, title, summary, countries, risk, status, subjects,
        persons, organizations, sources);
  }

  /** This case file with other links. */
  public CaseFile withLinks(List<UUID> subjects, List<UUID> persons, List<UUID> organizations, List<UUID> sources) {
    return new CaseFile(
        id, version, confidentiality, audit, title, summary, countries, risk, status, subjects,
        persons, organizations, sources);
  }
}
