package org.casebook.generate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseStore;
import org.casebook.catalogue.Citation;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.Name;
import org.casebook.dates.PartialDate;
import org.casebook.events.Event;
import org.casebook.events.EventLink;
import org.casebook.events.EventStore;
import org.casebook.events.Participant;
import org.casebook.organizations.Membership;
import org.casebook.organizations.Organization;
import org.casebook.organizations.OrganizationStore;
import org.casebook.organizations.Registration;
import org.casebook.people.Person;
import org.casebook.people.PersonStore;
import org.casebook.proceedings.Outcome;
import org.casebook.proceedings.Party;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.proceedings.StatusChange;
import org.casebook.sources.Source;
import org.casebook.sources.SourceStore;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes generated case files a few thousand records at a time with JDBC batches: the rows each
 * feature's {@code *Store} writes for a new record (the same columns and values, restricted text
 * sealed by {@link Sealing} with the same bindings, child rows at the same positions), and for each
 * record the {@code create} entry {@code RecordRows.insert} appends to the audit log, in the same
 * order, with one lock of the audit head per batch ({@link AuditLog#appendAllTo}). The rows are
 * those of the stores' {@code insert} for records that passed the services' checks;
 * {@code GenerateTest} compares the two, row by row.
 *
 * <p>Records are written kind by kind across the batch: persons, organizations, sources, case
 * files, proceedings, events, as an import writes them, so that every reference points to a row
 * already written. Internal keys are found by public id inside each statement, as the stores find
 * those of referenced records. Stateless apart from the catalogue; use from one thread at a time.
 */
final class BulkWriter {
  private static final String HEADER =
      "public_id, import_key, confidentiality, version, created_at, created_by, updated_at, updated_by";
  private static final String HEADER_VALUES =
      ":public_id, :import_key, :confidentiality, 1, :created_at, :created_by, :updated_at, :updated_by";

  private final Map<String, Long> articleKeys;

  BulkWriter(Map<String, Long> articleKeys) {
    this.articleKeys = Map.copyOf(articleKeys);
  }

  /** The internal keys of the catalogue's articles, by {@code code + " " + article}. */
  static Map<String, Long> articleKeys(Handle handle) {
    Map<String, Long> keys = new java.util.HashMap<>();
    handle
        .createQuery("SELECT id, code, article FROM provisions WHERE part = ''")
        .map((row, context) -> keys.put(row.getString("code") + " " + row.getString("article"), row.getLong("id")))
        .list();
    return keys;
  }

  /** A user put on the teams of some case files, with or without the restricted grant. */
  record TeamMembership(long userKey, boolean restrictedGrant, Predicate<CaseBundle> member) {}

  /**
   * Writes {@code bundles} in the transaction of {@code handle}, with their audit entries, and
   * puts {@code teams} on the case files they choose.
   */
  void write(
      Handle handle, List<CaseBundle> bundles, Actor actor, Instant now, List<TeamMembership> teams) {
    Rows rows = new Rows(handle, actor, now);
    List<AuditEntry> audit = new ArrayList<>();
    for (CaseBundle bundle : bundles) {
      for (Person person : bundle.persons()) {
        rows.person(person);
        audit.add(created(actor, now, PersonStore.TABLE, person.id()));
      }
    }
    for (CaseBundle bundle : bundles) {
      for (Organization organization : bundle.organizations()) {
        rows.organization(organization);
        audit.add(created(actor, now, OrganizationStore.TABLE, organization.id()));
      }
    }
    for (CaseBundle bundle : bundles) {
      for (Source source : bundle.sources()) {
        rows.source(source);
        audit.add(created(actor, now, SourceStore.TABLE, source.id()));
      }
    }
    for (CaseBundle bundle : bundles) {
      rows.caseFile(bundle.caseFile(), bundle);
      audit.add(created(actor, now, CaseStore.TABLE, bundle.caseFile().id()));
      for (TeamMembership team : teams) {
        if (team.member().test(bundle)) {
          rows.teamMember(bundle.caseFile().id(), team);
        }
      }
    }
    for (CaseBundle bundle : bundles) {
      for (Proceeding proceeding : bundle.proceedings()) {
        rows.proceeding(proceeding);
        audit.add(created(actor, now, ProceedingStore.TABLE, proceeding.id()));
      }
    }
    for (CaseBundle bundle : bundles) {
      for (Event event : bundle.events()) {
        rows.event(event);
        audit.add(created(actor, now, EventStore.TABLE, event.id()));
      }
    }
    rows.execute();
    AuditLog.appendAllTo(handle, audit);
  }

  private static AuditEntry created(Actor actor, Instant now, String table, UUID id) {
    return new AuditEntry(now, actor.name(), actor.sessionId(), "create", RecordRows.recordKind(table), id, null);
  }

  /** The batches of one write, one per table, executed in reference order. */
  private final class Rows {
    private final Handle handle;
    private final Actor actor;
    private final OffsetDateTime now;
    private final PreparedBatch persons;
    private final PreparedBatch personNames;
    private final PreparedBatch organizations;
    private final PreparedBatch organizationNames;
    private final PreparedBatch registrations;
    private final PreparedBatch memberships;
    private final PreparedBatch sources;
    private final PreparedBatch caseFiles;
    private final PreparedBatch casePersons;
    private final PreparedBatch caseOrganizations;
    private final PreparedBatch caseSources;
    private final PreparedBatch caseTeams;
    private final PreparedBatch proceedings;
    private final PreparedBatch charges;
    private final PreparedBatch parties;
    private final PreparedBatch statusChanges;
    private final PreparedBatch statusSources;
    private final PreparedBatch events;
    private final PreparedBatch participants;
    private final PreparedBatch eventSources;
    private final PreparedBatch eventLinks;

    Rows(Handle handle, Actor actor, Instant now) {
      this.handle = handle;
      this.actor = actor;
      this.now = now.atOffset(ZoneOffset.UTC);
      persons =
          batch(
              "INSERT INTO persons (" + HEADER + ", primary_name, sex, birth_date_edtf, birth_date_sort,"
                  + " citizenship, occupation, protected, notes) VALUES (" + HEADER_VALUES
                  + ", :primary_name, :sex, :birth_date_edtf, :birth_date_sort, :citizenship, :occupation,"
                  + " :protected, :notes)");
      personNames =
          batch(
              "INSERT INTO person_names (person_id, position, name, kind, language) VALUES ("
                  + key("persons", "person") + ", :position, :name, :kind, :language)");
      organizations =
          batch(
              "INSERT INTO organizations (" + HEADER + ", primary_name, kind, country, notes) VALUES ("
                  + HEADER_VALUES + ", :primary_name, :kind, :country, :notes)");
      organizationNames =
          batch(
              "INSERT INTO organization_names (organization_id, position, name, kind, language) VALUES ("
                  + key("organizations", "organization") + ", :position, :name, :kind, :language)");
      registrations =
          batch(
              "INSERT INTO organization_registrations"
                  + " (organization_id, position, authority, country, date_edtf, number, outcome) VALUES ("
                  + key("organizations", "organization")
                  + ", :position, :authority, :country, :date, :number, :outcome)");
      memberships =
          batch(
              "INSERT INTO organization_memberships"
                  + " (organization_id, position, person_id, role, start_edtf, end_edtf) VALUES ("
                  + key("organizations", "organization") + ", :position, " + key("persons", "person")
                  + ", :role, :start, :end)");
      sources =
          batch(
              "INSERT INTO sources (" + HEADER + ", title, kind, publisher, date_edtf, date_sort, language,"
                  + " url, reliability, file_name, sha256, full_text) VALUES (" + HEADER_VALUES
                  + ", :title, :kind, :publisher, :date_edtf, :date_sort, :language, :url, :reliability,"
                  + " :file_name, :sha256, :full_text)");
      caseFiles =
          batch(
              "INSERT INTO case_files (" + HEADER + ", title, summary, risk, status, countries) VALUES ("
                  + HEADER_VALUES + ", :title, :summary, :risk, :status, :countries)");
      casePersons =
          batch(
              "INSERT INTO case_persons (case_id, person_id, subject, position) VALUES ("
                  + key("case_files", "case") + ", " + key("persons", "person") + ", :subject, :position)");
      caseOrganizations =
          batch(
              "INSERT INTO case_organizations (case_id, organization_id, subject, position) VALUES ("
                  + key("case_files", "case") + ", " + key("organizations", "organization")
                  + ", :subject, :position)");
      caseSources =
          batch(
              "INSERT INTO case_sources (case_id, source_id, position) VALUES ("
                  + key("case_files", "case") + ", " + key("sources", "source") + ", :position)");
      caseTeams =
          batch(
              "INSERT INTO case_teams (case_id, user_id, restricted_grant) VALUES ("
                  + key("case_files", "case") + ", :user, :grant)");
      proceedings =
          batch(
              "INSERT INTO proceedings (" + HEADER + ", case_id, kind, title, authority, jurisdiction, number,"
                  + " outcome_summary, fine_amount, fine_currency, notes) VALUES (" + HEADER_VALUES + ", "
                  + key("case_files", "case") + ", :kind, :title, :authority, :jurisdiction, :number,"
                  + " :outcome_summary, :fine_amount, :fine_currency, :notes)");
      charges =
          batch(
              "INSERT INTO proceeding_charges (proceeding_id, position, provision_id, part, clause) VALUES ("
                  + key("proceedings", "proceeding") + ", :position, :provision, :part, :clause)");
      parties =
          batch(
              "INSERT INTO proceeding_parties (proceeding_id, position, person_id, organization_id, name, role)"
                  + " VALUES (" + key("proceedings", "proceeding") + ", :position, " + key("persons", "person")
                  + ", " + key("organizations", "organization") + ", :name, :role)");
      statusChanges =
          batch(
              "INSERT INTO proceeding_status_changes (proceeding_id, position, date_edtf, date_sort,"
                  + " date_from, date_to, status, note) VALUES (" + key("proceedings", "proceeding")
                  + ", :position, :edtf, :sort, :from, :to, :status, :note)");
      statusSources =
          batch(
              "INSERT INTO proceeding_status_sources (proceeding_id, change_position, position, source_id)"
                  + " VALUES (" + key("proceedings", "proceeding") + ", :change, :position, "
                  + key("sources", "source") + ")");
      events =
          batch(
              "INSERT INTO events (" + HEADER + ", case_id, date_edtf, date_sort, date_from, date_to, type,"
                  + " title, description, location, country, violation_status, proceeding_id) VALUES ("
                  + HEADER_VALUES + ", " + key("case_files", "case") + ", :date_edtf, :date_sort, :date_from,"
                  + " :date_to, :type, :title, :description, :location, :country, :violation_status, "
                  + key("proceedings", "proceeding") + ")");
      participants =
          batch(
              "INSERT INTO event_participants (event_id, position, person_id, organization_id, name, role,"
                  + " note) VALUES (" + key("events", "event") + ", :position, " + key("persons", "person")
                  + ", " + key("organizations", "organization") + ", :name, :role, :note)");
      eventSources =
          batch(
              "INSERT INTO event_sources (event_id, position, source_id) VALUES (" + key("events", "event")
                  + ", :position, " + key("sources", "source") + ")");
      eventLinks =
          batch(
              "INSERT INTO event_links (event_id, position, type, target_event_id) VALUES ("
                  + key("events", "event") + ", :position, :type, " + key("events", "target") + ")");
    }

    private PreparedBatch batch(String sql) {
      return handle.prepareBatch(sql);
    }

    /** The internal key of the record of {@code table} whose public id is bound to {@code parameter}. */
    private static String key(String table, String parameter) {
      return "(SELECT id FROM " + table + " WHERE public_id = CAST(:" + parameter + " AS UUID))";
    }

    private void header(PreparedBatch batch, UUID id, Confidentiality confidentiality) {
      batch
          .bind("public_id", id)
          .bindByType("import_key", null, String.class)
          .bind("confidentiality", orInternal(confidentiality).code())
          .bindByType("created_at", now, OffsetDateTime.class)
          .bind("created_by", actor.name())
          .bindByType("updated_at", now, OffsetDateTime.class)
          .bind("updated_by", actor.name());
    }

    // PersonStore: the whole identity of a protected person is sealed, the notes always.
    void person(Person person) {
      Confidentiality level = person.isProtected() ? Confidentiality.RESTRICTED : person.confidentiality();
      Sealing sealing = Sealing.of(handle, PersonStore.TABLE, person.id(), level);
      PartialDate birth = person.birthDate();
      header(persons, person.id(), person.confidentiality());
      persons
          .bindByType("primary_name", sealing.text("primary_name", person.name().trim()), String.class)
          .bindByType("sex", person.sex(), String.class)
          .bindByType("birth_date_edtf", sealing.text("birth_date_edtf", birth == null ? null : birth.toEdtf()), String.class)
          .bindByType("birth_date_sort", birth == null || sealing.restricted() ? null : birth.sortKey(), String.class)
          .bind("citizenship", String.join(",", person.citizenship()))
          .bindByType("occupation", sealing.text("occupation", person.occupation()), String.class)
          .bind("protected", person.isProtected())
          .bindByType("notes", sealing.restrictedField("notes", person.notes()), String.class)
          .add();
      List<Name> names = person.otherNames();
      for (int position = 0; position < names.size(); position++) {
        Name name = names.get(position);
        personNames
            .bindByType("person", person.id(), UUID.class)
            .bind("position", position)
            .bind("name", sealing.text("name_" + position, name.name().trim()))
            .bind("kind", name.kind())
            .bindByType("language", name.language(), String.class)
            .add();
      }
    }

    // OrganizationStore: names and registrations are sealed under their own tables' bindings.
    void organization(Organization organization) {
      Confidentiality level = Objects.requireNonNullElse(organization.confidentiality(), Confidentiality.INTERNAL);
      UUID id = organization.id();
      Sealing sealing = Sealing.of(handle, OrganizationStore.TABLE, id, level);
      header(organizations, id, level);
      organizations
          .bindByType("primary_name", sealing.text("primary_name", organization.name().trim()), String.class)
          .bindByType("kind", organization.kind(), String.class)
          .bindByType("country", organization.country(), String.class)
          .bindByType("notes", sealing.restrictedField("notes", organization.notes()), String.class)
          .add();
      Sealing names = Sealing.of(handle, "organization_names", id, level);
      for (int position = 0; position < organization.otherNames().size(); position++) {
        Name name = organization.otherNames().get(position);
        organizationNames
            .bindByType("organization", id, UUID.class)
            .bind("position", position)
            .bind("name", names.text("name_" + position, name.name().trim()))
            .bind("kind", name.kind())
            .bindByType("language", name.language(), String.class)
            .add();
      }
      Sealing registered = Sealing.of(handle, "organization_registrations", id, level);
      for (int position = 0; position < organization.registrations().size(); position++) {
        Registration registration = organization.registrations().get(position);
        registrations
            .bindByType("organization", id, UUID.class)
            .bind("position", position)
            .bind("authority", registered.text("authority_" + position, registration.authority().trim()))
            .bindByType("country", registration.country(), String.class)
            .bindByType("date", edtf(registration.date()), String.class)
            .bindByType("number", registered.text("number_" + position, registration.number()), String.class)
            .bind("outcome", registration.outcome())
            .add();
      }
      for (int position = 0; position < organization.memberships().size(); position++) {
        Membership membership = organization.memberships().get(position);
        memberships
            .bindByType("organization", id, UUID.class)
            .bind("position", position)
            .bindByType("person", membership.person(), UUID.class)
            .bind("role", membership.role())
            .bindByType("start", edtf(membership.start()), String.class)
            .bindByType("end", edtf(membership.end()), String.class)
            .add();
      }
    }

    // SourceStore.
    void source(Source source) {
      Confidentiality level = Objects.requireNonNullElse(source.confidentiality(), Confidentiality.INTERNAL);
      Sealing sealing = Sealing.of(handle, SourceStore.TABLE, source.id(), level);
      PartialDate date = source.date();
      header(sources, source.id(), level);
      sources
          .bind("title", sealing.text("title", source.title().trim()))
          .bind("kind", source.kind())
          .bindByType("publisher", sealing.text("publisher", source.publisher()), String.class)
          .bindByType("date_edtf", date == null ? null : date.toEdtf(), String.class)
          .bindByType("date_sort", date == null ? null : date.sortKey(), String.class)
          .bindByType("language", source.language(), String.class)
          .bindByType("url", sealing.text("url", source.url()), String.class)
          .bind("reliability", source.reliability())
          .bindByType("file_name", source.fileName(), String.class)
          .bindByType("sha256", source.sha256(), String.class)
          .bindByType("full_text", sealing.text("full_text", source.text()), String.class)
          .add();
    }

    // CaseStore: a subject is listed among the persons or the organizations with the subject mark.
    void caseFile(CaseFile caseFile, CaseBundle bundle) {
      Sealing sealing = Sealing.of(handle, CaseStore.TABLE, caseFile.id(), caseFile.confidentiality());
      header(caseFiles, caseFile.id(), caseFile.confidentiality());
      caseFiles
          .bind("title", sealing.text("title", caseFile.title().trim()))
          .bindByType("summary", sealing.text("summary", caseFile.summary()), String.class)
          .bind("risk", caseFile.risk())
          .bind("status", caseFile.status())
          .bind("countries", String.join(",", caseFile.countries()))
          .add();
      Set<UUID> subjects = new LinkedHashSet<>(caseFile.subjects());
      Set<UUID> linkedPersons = new LinkedHashSet<>(caseFile.persons());
      Set<UUID> linkedOrganizations = new LinkedHashSet<>(caseFile.organizations());
      Set<UUID> organizationIds = new HashSet<>(caseFile.organizations());
      bundle.organizations().forEach(organization -> organizationIds.add(organization.id()));
      for (UUID subject : subjects) {
        if (organizationIds.contains(subject)) {
          linkedOrganizations.add(subject);
        } else {
          linkedPersons.add(subject);
        }
      }
      int position = 0;
      for (UUID person : linkedPersons) {
        casePersons
            .bindByType("case", caseFile.id(), UUID.class)
            .bindByType("person", person, UUID.class)
            .bind("subject", subjects.contains(person))
            .bind("position", position++)
            .add();
      }
      position = 0;
      for (UUID organization : linkedOrganizations) {
        caseOrganizations
            .bindByType("case", caseFile.id(), UUID.class)
            .bindByType("organization", organization, UUID.class)
            .bind("subject", subjects.contains(organization))
            .bind("position", position++)
            .add();
      }
      position = 0;
      for (UUID source : new LinkedHashSet<>(caseFile.sources())) {
        caseSources
            .bindByType("case", caseFile.id(), UUID.class)
            .bindByType("source", source, UUID.class)
            .bind("position", position++)
            .add();
      }
    }

    void teamMember(UUID caseId, TeamMembership team) {
      caseTeams
          .bindByType("case", caseId, UUID.class)
          .bind("user", team.userKey())
          .bind("grant", team.restrictedGrant())
          .add();
    }

    // ProceedingStore and its children: parties' names and status notes sealed per their tables.
    void proceeding(Proceeding proceeding) {
      UUID id = proceeding.id();
      Sealing sealing = Sealing.of(handle, ProceedingStore.TABLE, id, proceeding.confidentiality());
      Outcome outcome = proceeding.outcome();
      Outcome.Fine fine = outcome == null ? null : outcome.fine();
      header(proceedings, id, proceeding.confidentiality());
      proceedings
          .bindByType("case", proceeding.caseId(), UUID.class)
          .bind("kind", proceeding.kind())
          .bind("title", sealing.text("title", proceeding.title().trim()))
          .bindByType("authority", sealing.text("authority", proceeding.authority()), String.class)
          .bindByType("jurisdiction", proceeding.jurisdiction(), String.class)
          .bindByType("number", sealing.text("number", proceeding.number()), String.class)
          .bindByType(
              "outcome_summary", sealing.text("outcome_summary", outcome == null ? null : outcome.summary()),
              String.class)
          .bindByType("fine_amount", fine == null ? null : fine.amount(), BigDecimal.class)
          .bindByType("fine_currency", fine == null ? null : fine.currency(), String.class)
          .bindByType("notes", sealing.restrictedField("notes", proceeding.notes()), String.class)
          .add();
      for (int position = 0; position < proceeding.charges().size(); position++) {
        String field = "charges[" + position + "]";
        Citation citation = Citation.parse(proceeding.charges().get(position).citation(), field);
        Long provision = articleKeys.get(citation.code() + " " + citation.article());
        if (provision == null) {
          throw new IllegalStateException("the generated charge " + citation + " is not in the catalogue");
        }
        charges
            .bindByType("proceeding", id, UUID.class)
            .bind("position", position)
            .bind("provision", provision)
            .bindByType("part", citation.part(), String.class)
            .bindByType("clause", citation.clause(), String.class)
            .add();
      }
      Sealing partyNames = Sealing.of(handle, "proceeding_parties", id, proceeding.confidentiality());
      for (int position = 0; position < proceeding.parties().size(); position++) {
        Party party = proceeding.parties().get(position);
        parties
            .bindByType("proceeding", id, UUID.class)
            .bind("position", position)
            .bindByType("person", party.person(), UUID.class)
            .bindByType("organization", party.organization(), UUID.class)
            .bindByType("name", partyNames.text("name_" + position, trimmed(party.name())), String.class)
            .bind("role", party.role())
            .add();
      }
      Sealing notes = Sealing.of(handle, "proceeding_status_changes", id, proceeding.confidentiality());
      for (int position = 0; position < proceeding.history().size(); position++) {
        StatusChange change = proceeding.history().get(position);
        statusChanges
            .bindByType("proceeding", id, UUID.class)
            .bind("position", position)
            .bind("edtf", change.date().toEdtf())
            .bind("sort", change.date().sortKey())
            .bindByType("from", change.date().earliest().orElse(null), LocalDate.class)
            .bindByType("to", change.date().latest().orElse(null), LocalDate.class)
            .bind("status", change.status())
            .bindByType("note", notes.text("note_" + position, change.note()), String.class)
            .add();
        for (int sourcePosition = 0; sourcePosition < change.sources().size(); sourcePosition++) {
          statusSources
              .bindByType("proceeding", id, UUID.class)
              .bind("change", position)
              .bind("position", sourcePosition)
              .bindByType("source", change.sources().get(sourcePosition), UUID.class)
              .add();
        }
      }
    }

    // EventStore and EventChildren: participants' names and notes sealed under event_participants.
    void event(Event event) {
      UUID id = event.id();
      Sealing sealing = Sealing.of(handle, EventStore.TABLE, id, event.confidentiality());
      PartialDate date = event.date();
      header(events, id, event.confidentiality());
      events
          .bindByType("case", event.caseId(), UUID.class)
          .bind("date_edtf", date.toEdtf())
          .bind("date_sort", date.sortKey())
          .bindByType("date_from", date.earliest().orElse(null), LocalDate.class)
          .bindByType("date_to", date.latest().orElse(null), LocalDate.class)
          .bind("type", event.type())
          .bind("title", sealing.text("title", event.title().trim()))
          .bindByType("description", sealing.text("description", event.description()), String.class)
          .bindByType("location", sealing.text("location", event.location()), String.class)
          .bindByType("country", event.country(), String.class)
          .bind("violation_status", event.violation() == null ? EventStore.UNKNOWN_VIOLATION : event.violation())
          .bindByType("proceeding", event.proceeding(), UUID.class)
          .add();
      Sealing participantText = Sealing.of(handle, "event_participants", id, event.confidentiality());
      for (int position = 0; position < event.participants().size(); position++) {
        Participant participant = event.participants().get(position);
        participants
            .bindByType("event", id, UUID.class)
            .bind("position", position)
            .bindByType("person", participant.person(), UUID.class)
            .bindByType("organization", participant.organization(), UUID.class)
            .bindByType("name", participantText.text("name_" + position, trimmed(participant.name())), String.class)
            .bind("role", participant.role())
            .bindByType("note", participantText.text("note_" + position, participant.note()), String.class)
            .add();
      }
      for (int position = 0; position < event.sources().size(); position++) {
        eventSources
            .bindByType("event", id, UUID.class)
            .bind("position", position)
            .bindByType("source", event.sources().get(position), UUID.class)
            .add();
      }
      for (int position = 0; position < event.links().size(); position++) {
        EventLink link = event.links().get(position);
        eventLinks
            .bindByType("event", id, UUID.class)
            .bind("position", position)
            .bind("type", link.type())
            .bindByType("target", link.event(), UUID.class)
            .add();
      }
    }

    /** Runs the batches in reference order: every key a row looks up is written before it. */
    void execute() {
      for (PreparedBatch batch :
          List.of(
              persons, personNames, organizations, organizationNames, registrations, memberships,
              sources, caseFiles, casePersons, caseOrganizations, caseSources, caseTeams, proceedings,
              charges, parties, statusChanges, statusSources, events, participants, eventSources,
              eventLinks)) {
        if (batch.size() > 0) {
          batch.execute();
        }
        batch.close();
      }
    }
  }

  private static Confidentiality orInternal(Confidentiality confidentiality) {
    return confidentiality == null ? Confidentiality.INTERNAL : confidentiality;
  }

  private static String edtf(PartialDate date) {
    return date == null ? null : date.toEdtf();
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
