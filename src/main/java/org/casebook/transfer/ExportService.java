package org.casebook.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseStore;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.NotPermitted;
import org.casebook.communications.Claim;
import org.casebook.communications.Communication;
import org.casebook.communications.Reply;
import org.casebook.events.Event;
import org.casebook.organizations.Organization;
import org.casebook.people.Person;
import org.casebook.people.Relationship;
import org.casebook.proceedings.Proceeding;
import org.casebook.sources.Source;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a case file, with everything it refers to, as an import document (format {@code
 * casebook/1}): importing the export into an empty store gives the same case. Records keep the
 * key they were imported under; records made in Casebook are keyed by their id. Sources carry
 * their text inline with its SHA-256.
 *
 * <p>Thread-safe; each export reads in one transaction, so it is a consistent snapshot.
 */
public final class ExportService {
  /** The two notations of the format. */
  public enum Format {
    YAML,
    JSON
  }

  private final Jdbi jdbi;
  private final RecordServices services;
  private final java.time.Clock clock;
  private final ObjectMapper yaml;
  private final ObjectMapper json;

  public ExportService(Jdbi jdbi, RecordServices services, java.time.Clock clock) {
    this.jdbi = jdbi;
    this.services = services;
    this.clock = clock;
    this.yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build());
    this.json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /**
   * The case file named by its key or its id, as a document in {@code format}. Needs {@link
   * Permission#EXPORT} and the restricted grant on the case file, since the document holds all of
   * it; a case file the caller may not see is reported as not found.
   */
  public String export(Caller caller, String caseKeyOrId, Format format) {
    caller.require(Permission.EXPORT);
    Map<String, Object> document =
        jdbi.inTransaction(
            handle -> {
              UUID caseId = caseId(handle, caseKeyOrId);
              Guard.requireVisible(handle, caller, CaseStore.TABLE, CaseStore.KIND, caseId);
              if (!Guard.hasRestrictedGrant(handle, caller, caseId)) {
                throw new NotPermitted("exporting a whole case file needs the restricted grant on it");
              }
              AuditLog.appendTo(
                  handle,
                  new AuditEntry(
                      clock.instant(), caller.name(), caller.sessionId(), "export", "case-file", caseId, format.name().toLowerCase(java.util.Locale.ROOT)));
              return document(handle, caseId);
            });
    try {
      return (format == Format.JSON ? json : yaml).writeValueAsString(document) + (format == Format.JSON ? "\n" : "");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an export document could not be written", e);
    }
  }

  private static UUID caseId(Handle handle, String caseKeyOrId) {
    UUID byKey =
        handle
            .createQuery("SELECT public_id FROM case_files WHERE import_key = :key")
            .bind("key", caseKeyOrId)
            .mapTo(UUID.class)
            .findOne()
            .orElse(null);
    if (byKey != null) {
      return byKey;
    }
    try {
      UUID id = UUID.fromString(caseKeyOrId);
      handle
          .createQuery("SELECT public_id FROM case_files WHERE public_id = :id")
          .bind("id", id)
          .mapTo(UUID.class)
          .findOne()
          .orElseThrow(() -> new NoSuchRecord(CaseStore.KIND, caseKeyOrId));
      return id;
    } catch (IllegalArgumentException e) {
      throw new NoSuchRecord(CaseStore.KIND, caseKeyOrId);
    }
  }

  private Map<String, Object> document(Handle handle, UUID caseId) {
    CaseFile caseFile = services.cases().get(handle, caseId);
    List<Event> events = services.events().forCase(handle, caseId);
    List<Proceeding> proceedings = services.proceedings().forCase(handle, caseId);
    List<Communication> communications = services.communications().forCase(handle, caseId);
    Map<UUID, List<Reply>> replies = new HashMap<>();
    Map<UUID, List<Claim>> claims = new HashMap<>();
    for (Communication communication : communications) {
      replies.put(communication.id(), services.replies().forCommunication(handle, communication.id()));
      claims.put(communication.id(), services.claims().forCommunication(handle, communication.id()));
    }

    Set<UUID> organizationIds = new LinkedHashSet<>(caseFile.organizations());
    Set<UUID> personIds = new LinkedHashSet<>(caseFile.persons());
    Set<UUID> sourceIds = new LinkedHashSet<>(caseFile.sources());
    for (Event event : events) {
      event.participants().forEach(participant -> {
        addIfPresent(personIds, participant.person());
        addIfPresent(organizationIds, participant.organization());
      });
      sourceIds.addAll(event.sources());
    }
    for (Proceeding proceeding : proceedings) {
      proceeding.parties().forEach(party -> {
        addIfPresent(personIds, party.person());
        addIfPresent(organizationIds, party.organization());
      });
      proceeding.history().forEach(change -> sourceIds.addAll(change.sources()));
    }
    for (Communication communication : communications) {
      personIds.addAll(communication.persons());
      sourceIds.addAll(communication.sources());
      replies.get(communication.id()).forEach(reply -> reply.documents().forEach(document -> sourceIds.add(document.source())));
      for (Claim claim : claims.get(communication.id())) {
        sourceIds.addAll(claim.sources());
        claim.responses().forEach(response -> sourceIds.addAll(response.sources()));
      }
    }
    List<Organization> organizations = new ArrayList<>();
    for (UUID id : organizationIds) {
      Organization organization = services.organizations().get(handle, id);
      organizations.add(organization);
      organization.memberships().forEach(membership -> addIfPresent(personIds, membership.person()));
    }
    List<Person> persons = personIds.stream().map(id -> services.persons().get(handle, id)).toList();
    List<Source> sources = sourceIds.stream().map(id -> services.sources().get(handle, id)).toList();
    List<Relationship> relationships = services.relationships().involving(handle, List.copyOf(personIds));

    String caseKey = keyOf(handle, "case_files", caseId, null);
    ExportKeys keys = new ExportKeys(handle, caseKey);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", CaseDocumentReader.FORMAT);
    document.put("case", ExportRecords.caseFile(caseFile, caseKey, keys));
    putList(document, "persons", persons.stream().map(person -> ExportRecords.person(person, keys)).toList());
    putList(document, "organizations", organizations.stream().map(organization -> ExportRecords.organization(organization, keys)).toList());
    putList(document, "relationships", relationships.stream().map(relationship -> ExportRecords.relationship(relationship, keys)).toList());
    putList(document, "sources", sources.stream().map(source -> ExportRecords.source(source, keys)).toList());
    putList(document, "events", events.stream().filter(event -> !event.audit().voided()).map(event -> ExportRecords.event(event, keys)).toList());
    putList(document, "proceedings", proceedings.stream().filter(proceeding -> !proceeding.audit().voided()).map(proceeding -> ExportRecords.proceeding(proceeding, keys)).toList());
    Set<UUID> exported = new java.util.HashSet<>();
    communications.forEach(communication -> exported.add(communication.id()));
    putList(
        document,
        "communications",
        communications.stream()
            .map(communication -> ExportRecords.communication(
                communication, replies.get(communication.id()), claims.get(communication.id()), exported, keys))
            .toList());
    return document;
  }

  private static void addIfPresent(Set<UUID> ids, UUID id) {
    if (id != null) {
      ids.add(id);
    }
  }

  private static void putList(Map<String, Object> document, String field, List<?> items) {
    if (!items.isEmpty()) {
      document.put(field, items);
    }
  }

  static String keyOf(Handle handle, String table, UUID id, String caseKey) {
    String importKey =
        handle
            .createQuery("SELECT import_key FROM " + table + " WHERE public_id = :id")
            .bind("id", id)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    if (importKey == null) {
      return id.toString();
    }
    if (caseKey == null) {
      return importKey;
    }
    String prefix = caseKey + "/";
    return importKey.startsWith(prefix) ? importKey.substring(prefix.length()) : id.toString();
  }

  /** The export keys of the records of one case, looked up once each. */
  static final class ExportKeys {
    private final Handle handle;
    private final String caseKey;
    private final Map<String, String> cache = new HashMap<>();

    ExportKeys(Handle handle, String caseKey) {
      this.handle = handle;
      this.caseKey = caseKey;
    }

    String of(String table, UUID id) {
      return id == null ? null : cache.computeIfAbsent(table + id, ignored -> keyOf(handle, table, id, caseKey));
    }

    /** A person's or an organization's key, whichever the id belongs to. */
    String party(UUID id) {
      boolean person =
          handle
              .createQuery("SELECT COUNT(*) FROM persons WHERE public_id = :id")
              .bind("id", id)
              .mapTo(Integer.class)
              .one() > 0;
      return of(person ? "persons" : "organizations", id);
    }
  }
}
