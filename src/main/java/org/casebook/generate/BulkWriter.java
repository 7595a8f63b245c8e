package org.casebook.generate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * already written. After each kind's rows, their internal keys are read back by public id (a few
 * queries per kind and batch, not one per row), and the child rows and later records bind them,
 * as the stores bind the keys they look up. Stateless apart from the catalogue; use from one
 * thread at a time.
 */
final class BulkWriter {
  private static final String HEADER =
      "public_id, import_key, confidentiality, version, created_at, created_by, updated_at, updated_by";
  private static final String HEADER_VALUES =
      ":public_id, :import_key, :confidentiality, 1, :created_at, :created_by, :updated_at, :updated_by";

  private final Map<String, Long> articleKeys;

  /**
   * @param articleKeys the internal keys of the catalogue's articles, by {@code code + " " +
   *     article}, which charges refer to
   */
  BulkWriter(Map<String, Long> articleKeys) {
    this.articleKeys = Map.copyOf(articleKeys);
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
    List<Person> persons = new ArrayList<>();
    List<Organization> organizations = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    List<Proceeding> proceedings = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (CaseBundle bundle : bundles) {
      persons.addAll(bundle.persons());
      organizations.addAll(bundle.organizations());
      sources.addAll(bundle.sources());
      proceedings.addAll(bundle.proceedings());
      events.addAll(bundle.events());
    }
    for (Person person : persons) {
      rows.person(person);
      audit.add(created(actor, now, PersonStore.TABLE, person.id()));
    }
    rows.flush();
    rows.persons.load(persons.stream().map(Person::id).toList());
    persons.forEach(rows::personNames);

    for (Organization organization : organizations) {
      rows.organization(organization);
      audit.add(created(actor, now, OrganizationStore.TABLE, organization.id()));
    }
    rows.flush();
    Set<UUID> organizationIds = new LinkedHashSet<>();
    organizations.forEach(organization -> organizationIds.add(organization.id()));
    for (CaseBundle bundle : bundles) {
      organizationIds.addAll(bundle.caseFile().organizations());
      organizationIds.addAll(bundle.caseFile().subjects());
      bundle.proceedings().forEach(proceeding -> proceeding.parties().forEach(party -> organizationIds.add(party.organization())));
      bundle.events().forEach(event -> event.participants().forEach(participant -> organizationIds.add(participant.organization())));
    }
    organizationIds.remove(null);
    rows.organizations.load(organizationIds);
    organizations.forEach(rows::organizationParts);

    for (Source source : sources) {
      rows.source(source);
      audit.add(created(actor, now, SourceStore.TABLE, source.id()));
    }
    rows.flush();
    rows.sources.load(sources.stream().map(Source::id).toList());

    for (CaseBundle bundle : bundles) {
      rows.caseFile(bundle.caseFile());
      audit.add(created(actor, now, CaseStore.TABLE, bundle.caseFile().id()));
    }
    rows.flush();
    rows.caseFiles.load(bundles.stream().map(bundle -> bundle.caseFile().id()).toList());
    for (CaseBundle bundle : bundles) {
      rows.caseLinks(bundle);
      for (TeamMembership team : teams) {
        if (team.member().test(bundle)) {
          rows.teamMember(bundle.caseFile().id(), team);
        }
      }
    }

    for (Proceeding proceeding : proceedings) {
      rows.proceeding(proceeding);
      audit.add(created(actor, now, ProceedingStore.TABLE, proceeding.id()));
    }
    rows.flush();
    rows.proceedings.load(proceedings.stream().map(Proceeding::id).toList());
    proceedings.forEach(rows::proceedingParts);

    for (Event event : events) {
      rows.event(event);
      audit.add(created(actor, now, EventStore.TABLE, event.id()));
    }
    rows.flush();
    rows.events.load(events.stream().map(Event::id).toList());
    events.forEach(rows::eventParts);
    rows.flush();
    AuditLog.appendAllTo(handle, audit);
  }

  /**
   * The internal keys of the records of one table that a batch refers to, read in a few queries
   * once those records are written (or were written by an earlier batch), so that child rows bind
   * the key itself as the stores do.
   */
  private static final class Keys {
    private static final int LOOKUP = 500;
    private final Handle handle;
    private final String table;
    private final Map<UUID, Long> keys = new HashMap<>();

    Keys(Handle handle, String table) {
      this.handle = handle;
      this.table = table;
    }

    void load(Collection<UUID> ids) {
      List<UUID> all = new ArrayList<>(ids);
      for (int from = 0; from < all.size(); from += LOOKUP) {
        handle
            .createQuery("SELECT public_id, id FROM " + table + " WHERE public_id IN (<ids>)")
            .bindList("ids", all.subList(from, Math.min(all.size(), from + LOOKUP)))
            .map((row, context) -> keys.put(row.getObject("public_id", UUID.class), row.getLong("id")))
            .list();
      }
    }

    /** The key of {@code id}, or null for a null id. */
    Long of(UUID id) {
      if (id == null) {
        return null;
      }
      Long key = keys.get(id);
      if (key == null) {
        throw new IllegalStateException("the generated " + table + " record " + id + " is not written");
      }
      return key;
    }
  }

  private static AuditEntry created(Actor actor, Instant now, String table, UUID id) {
    return new AuditEntry(now, actor.name(), actor.sessionId(), "create", RecordRows.recordKind(table), id, null);
  }

  /**
   * The rows of one write, kept in one JDBC batch per statement until {@link #flush} runs them in
   * the order their statements were first used, which is the order the records refer to each other.
   */
  private final class Rows {
    private static final String PERSONS =
        "INSERT INTO persons (" + HEADER + ", primary_name, sex, birth_date_edtf, birth_date_sort,"
            + " citizenship, occupation, protected, notes) VALUES (" + HEADER_VALUES
            + ", :primary_name, :sex, :birth_date_edtf, :birth_date_sort, :citizenship, :occupation,"
            + " :protected, :notes)";
    private static final String PERSON_NAMES =
        "INSERT INTO person_names (person_id, position, name, kind, language)"
            + " VALUES (:person, :position, :name, :kind, :language)";
    private static final String ORGANIZATIONS =
        "INSERT INTO organizations (" + HEADER + ", primary_name, kind, country, notes) VALUES ("
            + HEADER_VALUES + ", :primary_name, :kind, :country, :notes)";
    private static final String ORGANIZATION_NAMES =
        "INSERT INTO organization_names (organization_id, position, name, kind, language)"
            + " VALUES (:organization, :position, :name, :kind, :language)";
    private static final String REGISTRATIONS =
        "INSERT INTO organization_registrations"
            + " (organization_id, position, authority, country, date_edtf, number, outcome)"
            + " VALUES (:organization, :position, :authority, :country, :date, :number, :outcome)";
    private static final String MEMBERSHIPS =
        "INSERT INTO organization_memberships"
            + " (organization_id, position, person_id, role, start_edtf, end_edtf)"
            + " VALUES (:organization, :position, :person, :role, :start, :end)";
    private static final String SOURCES =
        "INSERT INTO sources (" + HEADER + ", title, kind, publisher, date_edtf, date_sort, language,"
            + " url, reliability, file_name, sha256, full_text) VALUES (" + HEADER_VALUES
            + ", :title, :kind, :publisher, :date_edtf, :date_sort, :language, :url, :reliability,"
            + " :file_name, :sha256, :full_text)";
    private static final String CASE_FILES =
        "INSERT INTO case_files (" + HEADER + ", title, summary, risk, status, countries) VALUES ("
            + HEADER_VALUES + ", :title, :summary, :risk, :status, :countries)";
    private static final String CASE_PERSONS =
        "INSERT INTO case_persons (case_id, person_id, subject, position) VALUES (:case, :person, :subject, :position)";
    private static final String CASE_ORGANIZATIONS =
        "INSERT INTO case_organizations (case_id, organization_id, subject, position)"
            + " VALUES (:case, :organization, :subject, :position)";
    private static final String CASE_SOURCES =
        "INSERT INTO case_sources (case_id, source_id, position) VALUES (:case, :source, :position)";
    private static final String CASE_TEAMS =
        "INSERT INTO case_teams (case_id, user_id, restricted_grant) VALUES (:case, :user, :grant)";
    private static final String PROCEEDINGS =
        "INSERT INTO proceedings (" + HEADER + ", case_id, kind, title, authority, jurisdiction, number,"
            + " outcome_summary, fine_amount, fine_currency, notes) VALUES (" + HEADER_VALUES
            + ", :case, :kind, :title, :authority, :jurisdiction, :number, :outcome_summary, :fine_amount,"
            + " :fine_currency, :notes)";
    private static final String CHARGES =
        "INSERT INTO proceeding_charges (proceeding_id, position, provision_id, part, clause)"
            + " VALUES (:proceeding, :position, :provision, :part, :clause)";
    private static final String PARTIES =
        "INSERT INTO proceeding_parties (proceeding_id, position, person_id, organization_id, name, role)"
            + " VALUES (:proceeding, :position, :person, :organization, :name, :role)";
    private static final String STATUS_CHANGES =
        "INSERT INTO proceeding_status_changes (proceeding_id, position, date_edtf, date_sort,"
            + " date_from, date_to, status, note) VALUES (:proceeding, :position, :edtf, :sort, :from, :to,"
            + " :status, :note)";
    private static final String STATUS_SOURCES =
        "INSERT INTO proceeding_status_sources (proceeding_id, change_position, position, source_id)"
            + " VALUES (:proceeding, :change, :position, :source)";
    private static final String EVENTS =
        "INSERT INTO events (" + HEADER + ", case_id, date_edtf, date_sort, date_from, date_to, type,"
            + " title, description, location, country, violation_status, proceeding_id) VALUES ("
            + HEADER_VALUES + ", :case, :date_edtf, :date_sort, :date_from, :date_to, :type, :title,"
            + " :description, :location, :country, :violation_status, :proceeding)";
    private static final String PARTICIPANTS =
        "INSERT INTO event_participants (event_id, position, person_id, organization_id, name, role, note)"
            + " VALUES (:event, :position, :person, :organization, :name, :role, :note)";
    private static final String EVENT_SOURCES =
        "INSERT INTO event_sources (event_id, position, source_id) VALUES (:event, :position, :source)";
    private static final String EVENT_LINKS =
        "INSERT INTO event_links (event_id, position, type, target_event_id) VALUES (:event, :position, :type, :target)";

    private final Handle handle;
    private final Actor actor;
    private final OffsetDateTime now;
    private final Map<String, PreparedBatch> pending = new LinkedHashMap<>();
    final Keys persons;
    final Keys organizations;
    final Keys sources;
    final Keys caseFiles;
    final Keys proceedings;
    final Keys events;

    Rows(Handle handle, Actor actor, Instant now) {
      this.handle = handle;
      this.actor = actor;
      this.now = now.atOffset(ZoneOffset.UTC);
      this.persons = new Keys(handle, PersonStore.TABLE);
      this.organizations = new Keys(handle, OrganizationStore.TABLE);
      this.sources = new Keys(handle, SourceStore.TABLE);
      this.caseFiles = new Keys(handle, CaseStore.TABLE);
      this.proceedings = new Keys(handle, ProceedingStore.TABLE);
      this.events = new Keys(handle, EventStore.TABLE);
    }

    private PreparedBatch batch(String sql) {
      return pending.computeIfAbsent(sql, handle::prepareBatch);
    }

    /** Runs the batches in the order their statements were first used, and starts afresh. */
    void flush() {
      for (PreparedBatch batch : pending.values()) {
        if (batch.size() > 0) {
          batch.execute();
        }
        batch.close();
      }
      pending.clear();
    }

    private PreparedBatch header(String sql, UUID id, Confidentiality confidentiality) {
      return batch(sql)
          .bind("public_id", id)
          .bindByType("import_key", null, String.class)
          .bind("confidentiality", orInternal(confidentiality).code())
          .bindByType("created_at", now, OffsetDateTime.class)
          .bind("created_by", actor.name())
          .bindByType("updated_at", now, OffsetDateTime.class)
          .bind("updated_by", actor.name());
    }

    /** PersonStore: the whole identity of a protected person is sealed, the notes always. */
    private Sealing personSealing(Person person) {
      Confidentiality level = person.isProtected() ? Confidentiality.RESTRICTED : person.confidentiality();
      return Sealing.of(handle, PersonStore.TABLE, person.id(), level);
    }

    void person(Person person) {
      Sealing sealing = personSealing(person);
      PartialDate birth = person.birthDate();
      header(PERSONS, person.id(), person.confidentiality())
          .bindByType("primary_name", sealing.text("primary_name", person.name().trim()), String.class)
          .bindByType("sex", person.sex(), String.class)
          .bindByType("birth_date_edtf", sealing.text("birth_date_edtf", birth == null ? null : birth.toEdtf()), String.class)
          .bindByType("birth_date_sort", birth == null || sealing.restricted() ? null : birth.sortKey(), String.class)
          .bind("citizenship", String.join(",", person.citizenship()))
          .bindByType("occupation", sealing.text("occupation", person.occupation()), String.class)
          .bind("protected", person.isProtected())
          .bindByType("notes", sealing.restrictedField("notes", person.notes()), String.class)
          .add();
    }

    void personNames(Person person) {
      Sealing sealing = personSealing(person);
      List<Name> names = person.otherNames();
      for (int position = 0; position < names.size(); position++) {
        Name name = names.get(position);
        batch(PERSON_NAMES)
            .bind("person", persons.of(person.id()))
            .bind("position", position)
            .bind("name", sealing.text("name_" + position, name.name().trim()))
            .bind("kind", name.kind())
            .bindByType("language", name.language(), String.class)
            .add();
      }
    }

    /** OrganizationStore: names and registrations are sealed under their own tables' bindings. */
    void organization(Organization organization) {
      Confidentiality level = Objects.requireNonNullElse(organization.confidentiality(), Confidentiality.INTERNAL);
      Sealing sealing = Sealing.of(handle, OrganizationStore.TABLE, organization.id(), level);
      header(ORGANIZATIONS, organization.id(), level)
          .bindByType("primary_name", sealing.text("primary_name", organization.name().trim()), String.class)
          .bindByType("kind", organization.kind(), String.class)
          .bindByType("country", organization.country(), String.class)
          .bindByType("notes", sealing.restrictedField("notes", organization.notes()), String.class)
          .add();
    }

    void organizationParts(Organization organization) {
      Confidentiality level = Objects.requireNonNullElse(organization.confidentiality(), Confidentiality.INTERNAL);
      UUID id = organization.id();
      long key = organizations.of(id);
      Sealing names = Sealing.of(handle, "organization_names", id, level);
      for (int position = 0; position < organization.otherNames().size(); position++) {
        Name name = organization.otherNames().get(position);
        batch(ORGANIZATION_NAMES)
            .bind("organization", key)
            .bind("position", position)
            .bind("name", names.text("name_" + position, name.name().trim()))
            .bind("kind", name.kind())
            .bindByType("language", name.language(), String.class)
            .add();
      }
      Sealing registered = Sealing.of(handle, "organization_registrations", id, level);
      for (int position = 0; position < organization.registrations().size(); position++) {
        Registration registration = organization.registrations().get(position);
        batch(REGISTRATIONS)
            .bind("organization", key)
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
        batch(MEMBERSHIPS)
            .bind("organization", key)
            .bind("position", position)
            .bind("person", persons.of(membership.person()))
            .bind("role", membership.role())
            .bindByType("start", edtf(membership.start()), String.class)
            .bindByType("end", edtf(membership.end()), String.class)
            .add();
      }
    }

    /** SourceStore. */
    void source(Source source) {
      Confidentiality level = Objects.requireNonNullElse(source.confidentiality(), Confidentiality.INTERNAL);
      Sealing sealing = Sealing.of(handle, SourceStore.TABLE, source.id(), level);
      PartialDate date = source.date();
      header(SOURCES, source.id(), level)
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

    /** CaseStore. */
    void caseFile(CaseFile caseFile) {
      Sealing sealing = Sealing.of(handle, CaseStore.TABLE, caseFile.id(), caseFile.confidentiality());
      header(CASE_FILES, caseFile.id(), caseFile.confidentiality())
          .bind("title", sealing.text("title", caseFile.title().trim()))
          .bindByType("summary", sealing.text("summary", caseFile.summary()), String.class)
          .bind("risk", caseFile.risk())
          .bind("status", caseFile.status())
          .bind("countries", String.join(",", caseFile.countries()))
          .add();
    }

    /** CaseStore's links: a subject is listed among the persons or the organizations with the subject mark. */
    void caseLinks(CaseBundle bundle) {
      CaseFile caseFile = bundle.caseFile();
      long caseKey = caseFiles.of(caseFile.id());
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
        batch(CASE_PERSONS)
            .bind("case", caseKey)
            .bind("person", persons.of(person))
            .bind("subject", subjects.contains(person))
            .bind("position", position++)
            .add();
      }
      position = 0;
      for (UUID organization : linkedOrganizations) {
        batch(CASE_ORGANIZATIONS)
            .bind("case", caseKey)
            .bind("organization", organizations.of(organization))
            .bind("subject", subjects.contains(organization))
            .bind("position", position++)
            .add();
      }
      position = 0;
      for (UUID source : new LinkedHashSet<>(caseFile.sources())) {
        batch(CASE_SOURCES)
            .bind("case", caseKey)
            .bind("source", sources.of(source))
            .bind("position", position++)
            .add();
      }
    }

    void teamMember(UUID caseId, TeamMembership team) {
      batch(CASE_TEAMS)
          .bind("case", caseFiles.of(caseId))
          .bind("user", team.userKey())
          .bind("grant", team.restrictedGrant())
          .add();
    }

    /** ProceedingStore. */
    void proceeding(Proceeding proceeding) {
      Sealing sealing = Sealing.of(handle, ProceedingStore.TABLE, proceeding.id(), proceeding.confidentiality());
      Outcome outcome = proceeding.outcome();
      Outcome.Fine fine = outcome == null ? null : outcome.fine();
      header(PROCEEDINGS, proceeding.id(), proceeding.confidentiality())
          .bind("case", caseFiles.of(proceeding.caseId()))
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
    }

    /** ProceedingChildren: parties' names and status notes sealed per their tables. */
    void proceedingParts(Proceeding proceeding) {
      UUID id = proceeding.id();
      long key = proceedings.of(id);
      for (int position = 0; position < proceeding.charges().size(); position++) {
        String field = "charges[" + position + "]";
        Citation citation = Citation.parse(proceeding.charges().get(position).citation(), field);
        Long provision = articleKeys.get(citation.code() + " " + citation.article());
        if (provision == null) {
          throw new IllegalStateException("the generated charge " + citation + " is not in the catalogue");
        }
        batch(CHARGES)
            .bind("proceeding", key)
            .bind("position", position)
            .bind("provision", provision)
            .bindByType("part", citation.part(), String.class)
            .bindByType("clause", citation.clause(), String.class)
            .add();
      }
      Sealing partyNames = Sealing.of(handle, "proceeding_parties", id, proceeding.confidentiality());
      for (int position = 0; position < proceeding.parties().size(); position++) {
        Party party = proceeding.parties().get(position);
        batch(PARTIES)
            .bind("proceeding", key)
            .bind("position", position)
            .bindByType("person", persons.of(party.person()), Long.class)
            .bindByType("organization", organizations.of(party.organization()), Long.class)
            .bindByType("name", partyNames.text("name_" + position, trimmed(party.name())), String.class)
            .bind("role", party.role())
            .add();
      }
      Sealing notes = Sealing.of(handle, "proceeding_status_changes", id, proceeding.confidentiality());
      for (int position = 0; position < proceeding.history().size(); position++) {
        StatusChange change = proceeding.history().get(position);
        batch(STATUS_CHANGES)
            .bind("proceeding", key)
            .bind("position", position)
            .bind("edtf", change.date().toEdtf())
            .bind("sort", change.date().sortKey())
            .bindByType("from", change.date().earliest().orElse(null), LocalDate.class)
            .bindByType("to", change.date().latest().orElse(null), LocalDate.class)
            .bind("status", change.status())
            .bindByType("note", notes.text("note_" + position, change.note()), String.class)
            .add();
        for (int sourcePosition = 0; sourcePosition < change.sources().size(); sourcePosition++) {
          batch(STATUS_SOURCES)
              .bind("proceeding", key)
              .bind("change", position)
              .bind("position", sourcePosition)
              .bind("source", sources.of(change.sources().get(sourcePosition)))
              .add();
        }
      }
    }

    /** EventStore. */
    void event(Event event) {
      Sealing sealing = Sealing.of(handle, EventStore.TABLE, event.id(), event.confidentiality());
      PartialDate date = event.date();
      header(EVENTS, event.id(), event.confidentiality())
          .bind("case", caseFiles.of(event.caseId()))
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
          .bindByType("proceeding", proceedings.of(event.proceeding()), Long.class)
          .add();
    }

    /** EventChildren: participants' names and notes sealed under event_participants. */
    void eventParts(Event event) {
      UUID id = event.id();
      long key = events.of(id);
      Sealing participantText = Sealing.of(handle, "event_participants", id, event.confidentiality());
      for (int position = 0; position < event.participants().size(); position++) {
        Participant participant = event.participants().get(position);
        batch(PARTICIPANTS)
            .bind("event", key)
            .bind("position", position)
            .bindByType("person", persons.of(participant.person()), Long.class)
            .bindByType("organization", organizations.of(participant.organization()), Long.class)
            .bindByType("name", participantText.text("name_" + position, trimmed(participant.name())), String.class)
            .bind("role", participant.role())
            .bindByType("note", participantText.text("note_" + position, participant.note()), String.class)
            .add();
      }
      for (int position = 0; position < event.sources().size(); position++) {
        batch(EVENT_SOURCES)
            .bind("event", key)
            .bind("position", position)
            .bind("source", sources.of(event.sources().get(position)))
            .add();
      }
      for (int position = 0; position < event.links().size(); position++) {
        EventLink link = event.links().get(position);
        batch(EVENT_LINKS)
            .bind("event", key)
            .bind("position", position)
            .bind("type", link.type())
            .bind("target", events.of(link.event()))
            .add();
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
