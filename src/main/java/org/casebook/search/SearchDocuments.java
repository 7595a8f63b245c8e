package org.casebook.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.catalogue.Citation;
import org.casebook.dates.PartialDate;
import org.jdbi.v3.core.Handle;

/**
 * Makes {@link SearchDocument}s from the database, many records at a time (a few queries per batch,
 * never one per record), for the indexer and for rebuilds.
 *
 * <p>Only what every reader of a record may see is read: records that are voided, restricted or
 * (persons) protected are not indexed at all, notes are never read, and the names of the persons
 * and organizations a record concerns are added only when they are themselves indexed and listed in
 * the same case file (so that whoever finds the record by such a name could see that person
 * anyway). These rows are never sealed, so nothing here decrypts: restricted text cannot reach the
 * index.
 *
 * <p>Stateless and thread-safe; every method works in the caller's transaction.
 */
public final class SearchDocuments {
  /** The most records read in one query. */
  public static final int CHUNK = 500;

  /** Indexed records: live and not restricted. */
  private static final String INDEXED = "r.voided_at IS NULL AND r.confidentiality <> 'restricted'";

  /** A batch read in key order: its documents and the internal key of the last record read. */
  public record Batch(List<SearchDocument> documents, long lastKey) {}

  /** How many records of a kind the index should hold, and their fingerprint. */
  public record Expected(long count, long fingerprint) {}

  /**
   * The documents of those of {@code ids} that the index holds. An id without a document (voided,
   * restricted, protected, or absent) is one the index must not hold.
   */
  public List<SearchDocument> byIds(Handle handle, RecordKind kind, Collection<UUID> ids) {
    List<SearchDocument> documents = new ArrayList<>();
    List<UUID> all = List.copyOf(new LinkedHashSet<>(ids));
    for (int start = 0; start < all.size(); start += CHUNK) {
      List<UUID> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
      documents.addAll(load(handle, kind, "r.public_id IN (<ids>)", Map.of("ids", chunk), ""));
    }
    return documents;
  }

  /** Up to {@code limit} documents of {@code kind} after the internal key {@code afterKey}, in key order. */
  public Batch after(Handle handle, RecordKind kind, long afterKey, int limit) {
    long[] last = {afterKey};
    List<SearchDocument> documents =
        load(handle, kind, "r.id > :after", Map.of("after", afterKey), " ORDER BY r.id LIMIT " + limit, last);
    return new Batch(documents, last[0]);
  }

  /**
   * The number of records of each kind the index should hold, and their fingerprint (see {@link
   * SearchDocument#fingerprint(UUID, int)}): every indexed record's id and version are read, a
   * second or two for a million records.
   */
  public Map<RecordKind, Expected> expected(Handle handle) {
    Map<RecordKind, Expected> expected = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      long[] sums = new long[2];
      handle
          .createQuery("SELECT r.public_id, r.version FROM " + kind.table() + " r WHERE " + indexed(kind))
          .setFetchSize(10_000)
          .map((row, context) -> SearchDocument.fingerprint(row.getObject(1, UUID.class), row.getInt(2)))
          .forEach(
              fingerprint -> {
                sums[0]++;
                sums[1] += fingerprint;
              });
      expected.put(kind, new Expected(sums[0], sums[1]));
    }
    return expected;
  }

  /** The number of records of all kinds the index should hold, for progress displays. */
  public long expectedTotal(Handle handle) {
    long total = 0;
    for (RecordKind kind : RecordKind.values()) {
      total += handle.createQuery("SELECT COUNT(*) FROM " + kind.table() + " r WHERE " + indexed(kind)).mapTo(Long.class).one();
    }
    return total;
  }

  /**
   * The records whose documents hold the names of the persons or organizations {@code ids}: the
   * case files that list them, the events they take part in, the proceedings they are parties to.
   * Other kinds have no dependents.
   */
  public Set<RecordRef> dependents(Handle handle, RecordKind kind, Collection<UUID> ids) {
    Set<RecordRef> dependents = new LinkedHashSet<>();
    if (ids.isEmpty() || (kind != RecordKind.PERSON && kind != RecordKind.ORGANIZATION)) {
      return dependents;
    }
    String column = kind == RecordKind.PERSON ? "person_id" : "organization_id";
    String listing = kind == RecordKind.PERSON ? "case_persons" : "case_organizations";
    List<UUID> all = List.copyOf(new LinkedHashSet<>(ids));
    for (int start = 0; start < all.size(); start += CHUNK) {
      List<UUID> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
      String named = "SELECT x.id FROM " + kind.table() + " x WHERE x.public_id IN (<ids>)";
      add(dependents, RecordKind.CASE, handle, "SELECT DISTINCT c.public_id FROM " + listing + " l JOIN case_files c ON c.id = l.case_id WHERE l." + column + " IN (" + named + ")", chunk);
      add(dependents, RecordKind.EVENT, handle, "SELECT DISTINCT e.public_id FROM event_participants l JOIN events e ON e.id = l.event_id WHERE l." + column + " IN (" + named + ")", chunk);
      add(dependents, RecordKind.PROCEEDING, handle, "SELECT DISTINCT p.public_id FROM proceeding_parties l JOIN proceedings p ON p.id = l.proceeding_id WHERE l." + column + " IN (" + named + ")", chunk);
    }
    return dependents;
  }

  private static void add(Set<RecordRef> into, RecordKind kind, Handle handle, String sql, List<UUID> ids) {
    handle.createQuery(sql).bindList("ids", ids).mapTo(UUID.class).forEach(id -> into.add(new RecordRef(kind, id)));
  }

  private static String indexed(RecordKind kind) {
    return kind == RecordKind.PERSON ? INDEXED + " AND r.protected = FALSE" : INDEXED;
  }

  private List<SearchDocument> load(
      Handle handle, RecordKind kind, String condition, Map<String, Object> parameters, String tail) {
    return load(handle, kind, condition, parameters, tail, new long[1]);
  }

  /** Reads the rows of {@code kind} matching {@code condition}, then their children in a few queries. */
  private List<SearchDocument> load(
      Handle handle, RecordKind kind, String condition, Map<String, Object> parameters, String tail, long[] lastKey) {
    String columns =
        switch (kind) {
          case CASE -> "r.title, r.summary, r.countries";
          case PERSON -> "r.primary_name, r.occupation, r.citizenship";
          case ORGANIZATION -> "r.primary_name, r.country";
          case SOURCE -> "r.title, r.publisher, r.full_text, r.date_edtf";
          case EVENT -> "r.title, r.description, r.location, r.country, r.date_edtf, r.type, r.case_id, c.public_id AS case_public_id";
          case PROCEEDING -> "r.title, r.authority, r.jurisdiction, r.number, r.outcome_summary, r.case_id, c.public_id AS case_public_id";
          case COMMUNICATION -> "r.reference, r.subject, r.summary, r.full_text, r.concerns, r.sent_on, r.ref_year";
        };
    String join = kind == RecordKind.EVENT || kind == RecordKind.PROCEEDING ? " JOIN case_files c ON c.id = r.case_id" : "";
    var query =
        handle.createQuery(
            "SELECT r.id, r.public_id, r.version, r.created_by, " + columns + " FROM " + kind.table() + " r" + join
                + " WHERE " + indexed(kind) + " AND " + condition + tail);
    parameters.forEach(
        (name, value) -> {
          if (value instanceof Collection<?> values) {
            query.bindList(name, List.copyOf(values));
          } else {
            query.bind(name, value);
          }
        });
    List<Row> rows = query.map((row, context) -> Row.read(row)).list();
    if (!rows.isEmpty()) {
      lastKey[0] = rows.get(rows.size() - 1).key;
    }
    return switch (kind) {
      case CASE -> cases(handle, rows);
      case PERSON -> persons(handle, rows);
      case ORGANIZATION -> organizations(handle, rows);
      case SOURCE -> sources(handle, rows);
      case EVENT -> events(handle, rows);
      case PROCEEDING -> proceedings(handle, rows);
      case COMMUNICATION -> communications(handle, rows);
    };
  }

  /** One record row: its keys and bookkeeping, and its text columns by name. */
  private static final class Row {
    long key;
    UUID id;
    int version;
    String createdBy;
    UUID caseId;
    long caseKey;
    final Map<String, String> text = new HashMap<>();

    static Row read(ResultSet result) throws SQLException {
      Row row = new Row();
      row.key = result.getLong("id");
      row.id = result.getObject("public_id", UUID.class);
      row.version = result.getInt("version");
      row.createdBy = result.getString("created_by");
      var meta = result.getMetaData();
      for (int column = 1; column <= meta.getColumnCount(); column++) {
        String name = meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT);
        switch (name) {
          case "id", "public_id", "version", "created_by" -> {}
          case "case_public_id" -> row.caseId = result.getObject(column, UUID.class);
          case "case_id" -> row.caseKey = result.getLong(column);
          default -> row.text.put(name, result.getString(column));
        }
      }
      return row;
    }

    String text(String column) {
      String value = text.get(column);
      return value == null ? "" : value;
    }

    PartialDate date() {
      return PartialDate.parseOptional(text.get("date_edtf")).orElse(null);
    }
  }

  private List<SearchDocument> cases(Handle handle, List<Row> rows) {
    List<Long> keys = keys(rows);
    Map<Long, List<Long>> persons = pairs(handle, "SELECT case_id AS owner, person_id AS item FROM case_persons WHERE case_id IN (<keys>) ORDER BY case_id, position", keys);
    Map<Long, List<Long>> organizations = pairs(handle, "SELECT case_id AS owner, organization_id AS item FROM case_organizations WHERE case_id IN (<keys>) ORDER BY case_id, position", keys);
    Map<Long, List<String>> personNames = personNames(handle, values(persons));
    Map<Long, List<String>> organizationNames = organizationNames(handle, values(organizations));
    List<SearchDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      List<String> names = new ArrayList<>();
      persons.getOrDefault(row.key, List.of()).forEach(person -> names.addAll(personNames.getOrDefault(person, List.of())));
      organizations.getOrDefault(row.key, List.of()).forEach(organization -> names.addAll(organizationNames.getOrDefault(organization, List.of())));
      documents.add(
          new SearchDocument(
              RecordKind.CASE, row.id, row.version, new Access(List.of(row.id), null), row.text("title"),
              names, row.text("summary"), "", Set.of(), null, null,
              Map.of(Facet.COUNTRY, codes(row.text("countries")))));
    }
    return documents;
  }

  private List<SearchDocument> persons(Handle handle, List<Row> rows) {
    List<Long> keys = keys(rows);
    Map<Long, List<String>> otherNames = childNames(handle, "person_names", "person_id", keys);
    Map<Long, List<UUID>> cases = listingCases(handle, "case_persons", "person_id", keys);
    List<SearchDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      List<UUID> listing = cases.getOrDefault(row.key, List.of());
      documents.add(
          new SearchDocument(
              RecordKind.PERSON, row.id, row.version, new Access(listing, listing.isEmpty() ? row.createdBy : null),
              row.text("primary_name"), otherNames.getOrDefault(row.key, List.of()), row.text("occupation"), "",
              Set.of(), null, null, Map.of(Facet.COUNTRY, codes(row.text("citizenship")))));
    }
    return documents;
  }

  private List<SearchDocument> organizations(Handle handle, List<Row> rows) {
    List<Long> keys = keys(rows);
    Map<Long, List<String>> otherNames = childNames(handle, "organization_names", "organization_id", keys);
    Map<Long, List<UUID>> cases = listingCases(handle, "case_organizations", "organization_id", keys);
    List<SearchDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      List<UUID> listing = cases.getOrDefault(row.key, List.of());
      documents.add(
          new SearchDocument(
              RecordKind.ORGANIZATION, row.id, row.version, new Access(listing, listing.isEmpty() ? row.createdBy : null),
              row.text("primary_name"), otherNames.getOrDefault(row.key, List.of()), "", "", Set.of(), null, null,
              Map.of(Facet.COUNTRY, codes(row.text("country")))));
    }
    return documents;
  }

  private List<SearchDocument> sources(Handle handle, List<Row> rows) {
    Map<Long, List<UUID>> cases = listingCases(handle, "case_sources", "source_id", keys(rows));
    List<SearchDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      List<UUID> listing = cases.getOrDefault(row.key, List.of());
      PartialDate date = row.date();
      String publisher = row.text("publisher");
      documents.add(
          new SearchDocument(
              RecordKind.SOURCE, row.id, row.version, new Access(listing, listing.isEmpty() ? row.createdBy : null),
              row.text("title"), publisher.isBlank() ? List.of() : List.of(publisher), row.text("full_text"), "",
              Set.of(), date, DateSpan.of(date), Map.of(Facet.YEAR, years(date))));
    }
    return documents;
  }

  private List<SearchDocument> events(Handle handle, List<Row> rows) {
    List<Long> keys = keys(rows);
    Map<Long, List<Actor>> participants = actors(handle, "event_participants", "event_id", keys);
    Map<Long, List<String>> names = actorNames(handle, rows, participants);
    List<SearchDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      PartialDate date = row.date();
      String body = joined(row.text("description"), row.text("location"));
      Map<Facet, Set<String>> facets = new EnumMap<>(Facet.class);
      facets.put(Facet.COUNTRY, codes(row.text("country")));
      facets.put(Facet.YEAR, years(date));
      facets.put(Facet.EVENT_TYPE, Set.of(row.text("type")));
      documents.add(
          new SearchDocument(
              RecordKind.EVENT, row.id, row.version, new Access(List.of(row.caseId), null), row.text("title"),
              names.getOrDefault(row.key, List.of()), body, "", Set.of(), date, DateSpan.of(date), facets));
    }
    return documents;
  }

  private List<SearchDocument> proceedings(Handle handle, List<Row> rows) {
    List<Long> keys = keys(rows);
    Map<Long, List<Actor>> parties = actors(handle, "proceeding_parties", "proceeding_id", keys);
    Map<Long, List<String>> names = actorNames(handle, rows, parties);
    Map<Long, List<ChargeRow>> charges = charges(handle, keys);
    Map<Long, List<StatusRow>> history = history(handle, keys);
    List<SearchDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      List<String> chargeLines = new ArrayList<>();
      List<String> chargeWords = new ArrayList<>();
      Set<String> citations = new LinkedHashSet<>();
      Set<String> provisions = new LinkedHashSet<>();
      for (ChargeRow charge : charges.getOrDefault(row.key, List.of())) {
        chargeLines.add(charge.citation + " " + charge.titleEn + " / " + charge.titleRu);
        chargeWords.add(Citations.words(charge.citation));
        citations.addAll(Citations.keys(charge.citation));
        provisions.add(Citations.facetValue(charge.citation));
      }
      List<StatusRow> changes = history.getOrDefault(row.key, List.of());
      Set<String> years = new LinkedHashSet<>();
      changes.forEach(change -> years.addAll(years(change.date)));
      PartialDate latest = changes.isEmpty() ? null : changes.get(changes.size() - 1).date;
      DateSpan span = changes.isEmpty() ? null : DateSpan.between(changes.get(0).date, latest);
      Map<Facet, Set<String>> facets = new EnumMap<>(Facet.class);
      facets.put(Facet.COUNTRY, codes(row.text("jurisdiction")));
      facets.put(Facet.YEAR, years);
      facets.put(Facet.STATUS, changes.isEmpty() ? Set.of() : Set.of(changes.get(changes.size() - 1).status));
      facets.put(Facet.PROVISION, provisions);
      String body =
          joined(row.text("authority"), row.text("number"), String.join("\n", chargeLines), row.text("outcome_summary"));
      documents.add(
          new SearchDocument(
              RecordKind.PROCEEDING, row.id, row.version, new Access(List.of(row.caseId), null), row.text("title"),
              names.getOrDefault(row.key, List.of()), body, String.join(" ", chargeWords), citations, latest, span,
              facets));
    }
    return documents;
  }

  /**
   * Communications: the reference and subject as the title; the States addressed (by name in
   * English and Russian), other addressees and the mandates (by name) as names; summary, concerns,
   * questions and full text as the body; the States' countries and the year of the reference (else
   * of sending) as facets; the day sent as the date. Their notes are never read. A communication is
   * seen through the case files it is linked to, as {@code access.Visibility} rules.
   */
  private List<SearchDocument> communications(Handle handle, List<Row> rows) {
    List<Long> keys = keys(rows);
    Map<Long, List<UUID>> cases = listingCases(handle, "communication_cases", "communication_id", keys);
    Map<Long, List<String>> questions = texts(handle, "SELECT communication_id AS owner, question AS text FROM communication_questions WHERE communication_id IN (<keys>) ORDER BY communication_id, position", keys);
    Map<Long, List<String>> states = texts(handle, "SELECT communication_id AS owner, state AS text FROM communication_addressees WHERE state IS NOT NULL AND communication_id IN (<keys>) ORDER BY communication_id, position", keys);
    Map<Long, List<String>> addressees = texts(handle, "SELECT communication_id AS owner, name AS text FROM communication_addressees WHERE name IS NOT NULL AND communication_id IN (<keys>) ORDER BY communication_id, position", keys);
    Map<Long, List<String>> mandates = texts(handle, "SELECT cm.communication_id AS owner, m.name_en AS text FROM communication_mandates cm JOIN mandates m ON m.code = cm.mandate WHERE cm.communication_id IN (<keys>) UNION ALL SELECT cm.communication_id AS owner, m.name_ru AS text FROM communication_mandates cm JOIN mandates m ON m.code = cm.mandate WHERE cm.communication_id IN (<keys>)", keys);
    List<SearchDocument> documents = new ArrayList<>();
    for (Row row : rows) {
      List<String> names = new ArrayList<>();
      Set<String> countries = new LinkedHashSet<>();
      for (String state : states.getOrDefault(row.key, List.of())) {
        String country = Countries.alpha2(state);
        names.add(state);
        if (country != null) {
          countries.add(country);
          names.add(Countries.name(country, java.util.Locale.ENGLISH));
          names.add(Countries.name(country, Countries.RUSSIAN));
        }
      }
      names.addAll(addressees.getOrDefault(row.key, List.of()));
      names.addAll(mandates.getOrDefault(row.key, List.of()));
      String reference = row.text("reference");
      String title = reference.isBlank() ? row.text("subject") : reference + ": " + row.text("subject");
      String body =
          joined(row.text("summary"), row.text("concerns"), String.join("\n", questions.getOrDefault(row.key, List.of())), row.text("full_text"));
      PartialDate sent = row.text("sent_on").isBlank() ? null : PartialDate.parse(row.text("sent_on").substring(0, 10));
      Set<String> years = new LinkedHashSet<>();
      if (!row.text("ref_year").isBlank()) {
        years.add(row.text("ref_year"));
      } else {
        years.addAll(years(sent));
      }
      Map<Facet, Set<String>> facets = new EnumMap<>(Facet.class);
      facets.put(Facet.COUNTRY, countries);
      facets.put(Facet.YEAR, years);
      List<UUID> listing = cases.getOrDefault(row.key, List.of());
      documents.add(
          new SearchDocument(
              RecordKind.COMMUNICATION, row.id, row.version, new Access(listing, listing.isEmpty() ? row.createdBy : null),
              title, names, body, "", Set.of(), sent, DateSpan.of(sent), facets));
    }
    return documents;
  }

  private static Map<Long, List<String>> texts(Handle handle, String sql, List<Long> keys) {
    Map<Long, List<String>> texts = new HashMap<>();
    for (List<Long> chunk : chunks(keys)) {
      handle
          .createQuery(sql)
          .bindList("keys", chunk)
          .map((row, context) -> texts.computeIfAbsent(row.getLong("owner"), key -> new ArrayList<>()).add(row.getString("text")))
          .list();
    }
    return texts;
  }

  /** A participant of an event or a party to a proceeding: a person, an organization, or a name. */
  private record Actor(Long person, Long organization, String name) {}

  private record ChargeRow(Citation citation, String titleEn, String titleRu) {}

  private record StatusRow(PartialDate date, String status) {}

  private static Map<Long, List<Actor>> actors(Handle handle, String table, String ownerColumn, List<Long> keys) {
    Map<Long, List<Actor>> actors = new HashMap<>();
    if (keys.isEmpty()) {
      return actors;
    }
    handle
        .createQuery(
            "SELECT " + ownerColumn + " AS owner, person_id, organization_id, name FROM " + table
                + " WHERE " + ownerColumn + " IN (<keys>) ORDER BY " + ownerColumn + ", position")
        .bindList("keys", keys)
        .map(
            (row, context) ->
                actors
                    .computeIfAbsent(row.getLong("owner"), key -> new ArrayList<>())
                    .add(new Actor(nullableLong(row, "person_id"), nullableLong(row, "organization_id"), row.getString("name"))))
        .list();
    return actors;
  }

  /**
   * The names of the actors of each record: free-text names as written, and the names of persons
   * and organizations that are indexed and listed in the record's case file.
   */
  private static Map<Long, List<String>> actorNames(Handle handle, List<Row> rows, Map<Long, List<Actor>> actors) {
    Set<Long> personKeys = new HashSet<>();
    Set<Long> organizationKeys = new HashSet<>();
    actors.values().forEach(
        list -> list.forEach(
            actor -> {
              if (actor.person() != null) {
                personKeys.add(actor.person());
              }
              if (actor.organization() != null) {
                organizationKeys.add(actor.organization());
              }
            }));
    List<Long> caseKeys = rows.stream().map(row -> row.caseKey).distinct().toList();
    Set<List<Long>> listedPersons = listed(handle, "case_persons", "person_id", caseKeys, personKeys);
    Set<List<Long>> listedOrganizations = listed(handle, "case_organizations", "organization_id", caseKeys, organizationKeys);
    Map<Long, List<String>> personNames = personNames(handle, personKeys);
    Map<Long, List<String>> organizationNames = organizationNames(handle, organizationKeys);
    Map<Long, List<String>> names = new HashMap<>();
    for (Row row : rows) {
      List<String> found = new ArrayList<>();
      for (Actor actor : actors.getOrDefault(row.key, List.of())) {
        if (actor.name() != null && !actor.name().isBlank()) {
          found.add(actor.name());
        } else if (actor.person() != null && listedPersons.contains(List.of(row.caseKey, actor.person()))) {
          found.addAll(personNames.getOrDefault(actor.person(), List.of()));
        } else if (actor.organization() != null && listedOrganizations.contains(List.of(row.caseKey, actor.organization()))) {
          found.addAll(organizationNames.getOrDefault(actor.organization(), List.of()));
        }
      }
      names.put(row.key, found);
    }
    return names;
  }

  /** Which (case key, item key) pairs of {@code table} exist among the given keys. */
  private static Set<List<Long>> listed(Handle handle, String table, String column, List<Long> caseKeys, Set<Long> itemKeys) {
    Set<List<Long>> listed = new HashSet<>();
    if (caseKeys.isEmpty() || itemKeys.isEmpty()) {
      return listed;
    }
    for (List<Long> chunk : chunks(List.copyOf(itemKeys))) {
      handle
          .createQuery("SELECT case_id, " + column + " AS item FROM " + table + " WHERE case_id IN (<cases>) AND " + column + " IN (<items>)")
          .bindList("cases", caseKeys)
          .bindList("items", chunk)
          .map((row, context) -> listed.add(List.of(row.getLong("case_id"), row.getLong("item"))))
          .list();
    }
    return listed;
  }

  /** The primary and other names of the indexed persons among {@code keys}. */
  private static Map<Long, List<String>> personNames(Handle handle, Collection<Long> keys) {
    return namesOf(handle, "persons", INDEXED + " AND r.protected = FALSE", "person_names", "person_id", keys);
  }

  /** The primary and other names of the indexed organizations among {@code keys}. */
  private static Map<Long, List<String>> organizationNames(Handle handle, Collection<Long> keys) {
    return namesOf(handle, "organizations", INDEXED, "organization_names", "organization_id", keys);
  }

  private static Map<Long, List<String>> namesOf(
      Handle handle, String table, String condition, String namesTable, String namesColumn, Collection<Long> keys) {
    Map<Long, List<String>> names = new LinkedHashMap<>();
    for (List<Long> chunk : chunks(List.copyOf(new LinkedHashSet<>(keys)))) {
      handle
          .createQuery("SELECT r.id, r.primary_name FROM " + table + " r WHERE r.id IN (<keys>) AND " + condition)
          .bindList("keys", chunk)
          .map((row, context) -> names.computeIfAbsent(row.getLong("id"), key -> new ArrayList<>()).add(row.getString("primary_name")))
          .list();
    }
    Map<Long, List<String>> others = childNames(handle, namesTable, namesColumn, List.copyOf(names.keySet()));
    others.forEach((key, list) -> names.get(key).addAll(list));
    return names;
  }

  private static Map<Long, List<String>> childNames(Handle handle, String table, String column, List<Long> keys) {
    Map<Long, List<String>> names = new HashMap<>();
    for (List<Long> chunk : chunks(keys)) {
      handle
          .createQuery("SELECT " + column + " AS owner, name FROM " + table + " WHERE " + column + " IN (<keys>) ORDER BY " + column + ", position")
          .bindList("keys", chunk)
          .map((row, context) -> names.computeIfAbsent(row.getLong("owner"), key -> new ArrayList<>()).add(row.getString("name")))
          .list();
    }
    return names;
  }

  /** The public ids of the case files that list each of the records {@code keys}. */
  private static Map<Long, List<UUID>> listingCases(Handle handle, String table, String column, List<Long> keys) {
    Map<Long, List<UUID>> cases = new HashMap<>();
    for (List<Long> chunk : chunks(keys)) {
      handle
          .createQuery(
              "SELECT l." + column + " AS owner, c.public_id FROM " + table + " l JOIN case_files c ON c.id = l.case_id"
                  + " WHERE l." + column + " IN (<keys>) ORDER BY l." + column + ", l.case_id")
          .bindList("keys", chunk)
          .map((row, context) -> cases.computeIfAbsent(row.getLong("owner"), key -> new ArrayList<>()).add(row.getObject("public_id", UUID.class)))
          .list();
    }
    return cases;
  }

  private static Map<Long, List<Long>> pairs(Handle handle, String sql, List<Long> keys) {
    Map<Long, List<Long>> pairs = new HashMap<>();
    for (List<Long> chunk : chunks(keys)) {
      handle
          .createQuery(sql)
          .bindList("keys", chunk)
          .map((row, context) -> pairs.computeIfAbsent(row.getLong("owner"), key -> new ArrayList<>()).add(row.getLong("item")))
          .list();
    }
    return pairs;
  }

  private static Map<Long, List<ChargeRow>> charges(Handle handle, List<Long> keys) {
    Map<Long, List<ChargeRow>> charges = new HashMap<>();
    for (List<Long> chunk : chunks(keys)) {
      handle
          .createQuery(
              "SELECT pc.proceeding_id, a.code, a.article, pc.part, pc.clause, a.title_en, a.title_ru"
                  + " FROM proceeding_charges pc JOIN provisions a ON a.id = pc.provision_id"
                  + " WHERE pc.proceeding_id IN (<keys>) ORDER BY pc.proceeding_id, pc.position")
          .bindList("keys", chunk)
          .map(
              (row, context) ->
                  charges
                      .computeIfAbsent(row.getLong("proceeding_id"), key -> new ArrayList<>())
                      .add(
                          new ChargeRow(
                              new Citation(row.getString("code"), row.getString("article"), row.getString("part"), row.getString("clause")),
                              row.getString("title_en"),
                              row.getString("title_ru"))))
          .list();
    }
    return charges;
  }

  private static Map<Long, List<StatusRow>> history(Handle handle, List<Long> keys) {
    Map<Long, List<StatusRow>> history = new HashMap<>();
    for (List<Long> chunk : chunks(keys)) {
      handle
          .createQuery(
              "SELECT proceeding_id, date_edtf, status FROM proceeding_status_changes"
                  + " WHERE proceeding_id IN (<keys>) ORDER BY proceeding_id, position")
          .bindList("keys", chunk)
          .map(
              (row, context) ->
                  history
                      .computeIfAbsent(row.getLong("proceeding_id"), key -> new ArrayList<>())
                      .add(new StatusRow(PartialDate.parse(row.getString("date_edtf")), row.getString("status"))))
          .list();
    }
    return history;
  }

  /**
   * The years a date can fall in: every year from the earliest to the latest day when both are
   * known and at most twelve years apart, else the years of the known ends.
   */
  static Set<String> years(PartialDate date) {
    Set<String> years = new LinkedHashSet<>();
    if (date == null) {
      return years;
    }
    var earliest = date.earliest();
    var latest = date.latest();
    if (earliest.isPresent() && latest.isPresent() && latest.get().getYear() - earliest.get().getYear() <= 12) {
      for (int year = earliest.get().getYear(); year <= latest.get().getYear(); year++) {
        years.add(Integer.toString(year));
      }
    } else {
      earliest.ifPresent(day -> years.add(Integer.toString(day.getYear())));
      latest.ifPresent(day -> years.add(Integer.toString(day.getYear())));
    }
    return years;
  }

  /** Country codes stored comma-separated. */
  private static Set<String> codes(String stored) {
    return stored == null || stored.isBlank()
        ? Set.of()
        : java.util.Arrays.stream(stored.split(",")).map(String::trim).filter(code -> !code.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String joined(String... texts) {
    return java.util.Arrays.stream(texts).filter(text -> text != null && !text.isBlank()).collect(Collectors.joining("\n"));
  }

  private static List<Long> keys(List<Row> rows) {
    return rows.stream().map(row -> row.key).toList();
  }

  private static List<Long> values(Map<Long, List<Long>> pairs) {
    return pairs.values().stream().flatMap(List::stream).distinct().toList();
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int start = 0; start < all.size(); start += CHUNK) {
      chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
    }
    return chunks;
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
