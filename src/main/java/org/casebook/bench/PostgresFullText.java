package org.casebook.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The usual alternative to a search engine: PostgreSQL full-text search over the same records, as a
 * practitioner would set it up. One row per record that is not restricted in the table {@code
 * bench_fts_documents} (its kind, public id, the case files it belongs to, country, year and dates
 * for filters), with one {@code tsvector} that holds its text under the {@code simple}, {@code
 * english} and {@code russian} configurations, weighted A for names and titles, B for other short
 * fields (places, authorities, charges written out), C for descriptions and summaries, D for full
 * texts, under a GIN index. A query is read by {@code websearch_to_tsquery} under the three
 * configurations (any may match), ranked by {@code ts_rank}, the best 20 kept.
 *
 * <p>Restricted records are left out: their text is sealed in the database and cannot be indexed
 * by PostgreSQL; a viewer without the grant must not find them anyway. With {@code trimmed}, the
 * query keeps only records of the case files the viewer may see, in SQL, as {@code
 * access.Visibility} does (team membership, and the grant for a restricted case file); without it,
 * everything, as for an administrator.
 *
 * <p>Works only on PostgreSQL. Use from one thread.
 */
public final class PostgresFullText implements BenchTarget {
  static final String TABLE = "bench_fts_documents";

  private static final String VECTOR_FUNCTION =
      "CREATE OR REPLACE FUNCTION bench_fts_vector(body TEXT, weight \"char\") RETURNS tsvector"
          + " LANGUAGE sql IMMUTABLE AS $$ SELECT setweight(to_tsvector('simple', coalesce(body, ''))"
          + " || to_tsvector('english', coalesce(body, '')) || to_tsvector('russian', coalesce(body, '')),"
          + " weight) $$";

  /**
   * The statements that build the table. Child rows are gathered with one grouped join per child
   * table (the link tables have no index by record, so a subquery per row would scan them).
   */
  private static final List<String> BUILD =
      List.of(
          "DROP TABLE IF EXISTS " + TABLE,
          VECTOR_FUNCTION,
          "CREATE TABLE " + TABLE + " (record_kind VARCHAR(20) NOT NULL, record_id UUID NOT NULL,"
              + " case_ids BIGINT[] NOT NULL, country CHAR(2), year INTEGER, date_from DATE, date_to DATE,"
              + " document tsvector NOT NULL)",
          "INSERT INTO " + TABLE + " SELECT 'case-file', c.public_id, ARRAY[c.id],"
              + " NULLIF(split_part(c.countries, ',', 1), ''), NULL, NULL, NULL,"
              + " bench_fts_vector(c.title, 'A') || bench_fts_vector(c.summary, 'C')"
              + " FROM case_files c WHERE c.voided_at IS NULL AND c.confidentiality <> 'restricted'",
          "INSERT INTO " + TABLE + " SELECT 'person', p.public_id, coalesce(l.cases, '{}'),"
              + " NULLIF(split_part(p.citizenship, ',', 1), ''), NULL, NULL, NULL,"
              + " bench_fts_vector(concat_ws(' ', p.primary_name, n.names), 'A')"
              + " || bench_fts_vector(p.occupation, 'B')"
              + " FROM persons p"
              + " LEFT JOIN (SELECT person_id, array_agg(case_id ORDER BY case_id) AS cases FROM case_persons"
              + " GROUP BY person_id) l ON l.person_id = p.id"
              + " LEFT JOIN (SELECT person_id, string_agg(name, ' ' ORDER BY position) AS names FROM person_names"
              + " GROUP BY person_id) n ON n.person_id = p.id"
              + " WHERE p.voided_at IS NULL AND p.confidentiality <> 'restricted' AND p.protected = FALSE",
          "INSERT INTO " + TABLE + " SELECT 'organization', o.public_id, coalesce(l.cases, '{}'),"
              + " o.country, NULL, NULL, NULL,"
              + " bench_fts_vector(concat_ws(' ', o.primary_name, n.names), 'A')"
              + " FROM organizations o"
              + " LEFT JOIN (SELECT organization_id, array_agg(case_id ORDER BY case_id) AS cases"
              + " FROM case_organizations GROUP BY organization_id) l ON l.organization_id = o.id"
              + " LEFT JOIN (SELECT organization_id, string_agg(name, ' ' ORDER BY position) AS names"
              + " FROM organization_names GROUP BY organization_id) n ON n.organization_id = o.id"
              + " WHERE o.voided_at IS NULL AND o.confidentiality <> 'restricted'",
          "INSERT INTO " + TABLE + " SELECT 'source', s.public_id, coalesce(l.cases, '{}'), l.country,"
              + " CASE WHEN s.date_edtf ~ '^[0-9]{4}' THEN CAST(substring(s.date_edtf from 1 for 4) AS INTEGER) END,"
              + " d.date_from, CASE WHEN s.date_edtf ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN d.date_from"
              + " WHEN s.date_edtf ~ '^[0-9]{4}-[0-9]{2}$' THEN CAST(d.date_from + INTERVAL '1 month' - INTERVAL '1 day' AS DATE)"
              + " WHEN s.date_edtf ~ '^[0-9]{4}$' THEN CAST(d.date_from + INTERVAL '1 year' - INTERVAL '1 day' AS DATE) END,"
              + " bench_fts_vector(s.title, 'A') || bench_fts_vector(s.publisher, 'B')"
              + " || bench_fts_vector(s.full_text, 'D')"
              + " FROM sources s"
              + " LEFT JOIN (SELECT cs.source_id, array_agg(cs.case_id ORDER BY cs.case_id) AS cases,"
              + " (array_agg(NULLIF(split_part(c.countries, ',', 1), '') ORDER BY cs.case_id))[1] AS country"
              + " FROM case_sources cs JOIN case_files c ON c.id = cs.case_id GROUP BY cs.source_id) l"
              + " ON l.source_id = s.id"
              + " CROSS JOIN LATERAL (SELECT CASE"
              + " WHEN s.date_edtf ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST(s.date_edtf AS DATE)"
              + " WHEN s.date_edtf ~ '^[0-9]{4}-[0-9]{2}$' THEN CAST(s.date_edtf || '-01' AS DATE)"
              + " WHEN s.date_edtf ~ '^[0-9]{4}$' THEN CAST(s.date_edtf || '-01-01' AS DATE) END AS date_from) d"
              + " WHERE s.voided_at IS NULL AND s.confidentiality <> 'restricted'",
          "INSERT INTO " + TABLE + " SELECT 'event', e.public_id, ARRAY[e.case_id], e.country,"
              + " CAST(EXTRACT(YEAR FROM coalesce(e.date_from, e.date_to)) AS INTEGER), e.date_from, e.date_to,"
              + " bench_fts_vector(e.title, 'A') || bench_fts_vector(concat_ws(' ', e.location, n.names), 'B')"
              + " || bench_fts_vector(e.description, 'C')"
              + " FROM events e"
              + " LEFT JOIN (SELECT event_id, string_agg(name, ' ' ORDER BY position) AS names"
              + " FROM event_participants WHERE name IS NOT NULL GROUP BY event_id) n ON n.event_id = e.id"
              + " WHERE e.voided_at IS NULL AND e.confidentiality <> 'restricted'",
          "INSERT INTO " + TABLE + " SELECT 'proceeding', p.public_id, ARRAY[p.case_id], p.jurisdiction,"
              + " CAST(EXTRACT(YEAR FROM h.date_from) AS INTEGER), h.date_from, h.date_to,"
              + " bench_fts_vector(p.title, 'A')"
              + " || bench_fts_vector(concat_ws(' ', p.authority, p.number, c.charges), 'B')"
              + " || bench_fts_vector(p.outcome_summary, 'C')"
              + " FROM proceedings p"
              + " LEFT JOIN (SELECT pc.proceeding_id, string_agg(concat_ws(' ', a.code || ' ' || a.article"
              + " || coalesce('(' || pc.part || ')', '') || coalesce('(' || pc.clause || ')', ''),"
              + " 'article ' || a.article || coalesce(' part ' || pc.part, ''),"
              + " 'статья ' || a.article || coalesce(' часть ' || pc.part, ''), a.title_en, a.title_ru), ' '"
              + " ORDER BY pc.position) AS charges"
              + " FROM proceeding_charges pc JOIN provisions a ON a.id = pc.provision_id"
              + " GROUP BY pc.proceeding_id) c ON c.proceeding_id = p.id"
              + " LEFT JOIN (SELECT proceeding_id, MIN(date_from) AS date_from, MAX(date_to) AS date_to"
              + " FROM proceeding_status_changes GROUP BY proceeding_id) h ON h.proceeding_id = p.id"
              + " WHERE p.voided_at IS NULL AND p.confidentiality <> 'restricted'",
          "CREATE INDEX " + TABLE + "_document ON " + TABLE + " USING gin (document)",
          "CREATE INDEX " + TABLE + "_cases ON " + TABLE + " USING gin (case_ids)",
          "CREATE INDEX " + TABLE + "_kind ON " + TABLE + " (record_kind)",
          "ANALYZE " + TABLE);

  private static final String QUERY =
      "WITH q AS (SELECT websearch_to_tsquery('simple', :text) || websearch_to_tsquery('english', :text)"
          + " || websearch_to_tsquery('russian', :text) AS query)";

  private static final String VISIBLE_CASE_FILES =
      "ARRAY(SELECT t.case_id FROM case_teams t JOIN users u ON u.id = t.user_id"
          + " JOIN case_files c ON c.id = t.case_id WHERE u.public_id = :viewer"
          + " AND (c.confidentiality <> 'restricted' OR t.restricted_grant = TRUE))";

  private final Jdbi jdbi;
  private final Table table;
  private final BenchViewer viewer;
  private final boolean trimmed;

  /**
   * @param table the full-text table, shared by the PostgreSQL targets of a run
   * @param trimmed whether to keep only what {@code viewer} may see
   */
  public PostgresFullText(Jdbi jdbi, Table table, BenchViewer viewer, boolean trimmed) {
    this.jdbi = jdbi;
    this.table = table;
    this.viewer = viewer;
    this.trimmed = trimmed;
  }

  @Override
  public String name() {
    return trimmed ? "postgres-fts" : "postgres-fts-all";
  }

  @Override
  public String description() {
    return "PostgreSQL full-text search: tsvector (simple + english + russian, weighted) with a GIN"
        + " index, websearch_to_tsquery, ts_rank, LIMIT 20"
        + (trimmed ? ", trimmed in SQL to the viewer's case files" : ", untrimmed (as an administrator)");
  }

  /**
   * Builds the table and its indexes, once per run: the PostgreSQL targets of one run share them,
   * and a second one reports the first one's build.
   */
  @Override
  public Preparation prepare() {
    return table.build();
  }

  /** The full-text table, built once for all the PostgreSQL targets that share this instance. */
  public static final class Table {
    private final Jdbi jdbi;
    private final boolean reuse;
    private Preparation built;

    public Table(Jdbi jdbi) {
      this(jdbi, false);
    }

    /**
     * @param reuse keep the table if an earlier run left it (its corpus must be the same, which
     *     {@code bench search} checks by the number of records), rather than build it again
     */
    public Table(Jdbi jdbi, boolean reuse) {
      this.jdbi = jdbi;
      this.reuse = reuse;
    }

    /** Drops and builds the table, the first time; the first build's figures every time. */
    synchronized Preparation build() {
      if (built != null) {
        return new Preparation(built.took(), built.records(), built.bytes(), built.what() + " (shared with the target before)");
      }
      if (reuse && exists()) {
        built = measured(Duration.ZERO, "table " + TABLE + " and its GIN indexes, kept from an earlier run (--reuse-fts-table)");
        return built;
      }
      long started = System.nanoTime();
      jdbi.useHandle(
          handle -> {
            Connection connection = handle.getConnection();
            try (Statement statement = connection.createStatement()) {
              for (String sql : BUILD) {
                statement.execute(sql);
              }
            } catch (SQLException e) {
              throw new IllegalStateException("cannot build the full-text table " + TABLE, e);
            }
          });
      built =
          measured(
              Duration.ofNanos(System.nanoTime() - started),
              "table " + TABLE + " (to_tsvector of every record that is not restricted) and its GIN indexes");
      return built;
    }

    private boolean exists() {
      return jdbi.withHandle(
          handle -> handle.createQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL").mapTo(Boolean.class).one());
    }

    private Preparation measured(Duration took, String what) {
      long rows = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + TABLE).mapTo(Long.class).one());
      long bytes =
          jdbi.withHandle(
              handle -> handle.createQuery("SELECT pg_total_relation_size('" + TABLE + "')").mapTo(Long.class).one());
      return new Preparation(took, rows, bytes, what);
    }
  }

  @Override
  public SearchResult search(BenchQuery query) {
    return jdbi.withHandle(
        handle -> {
          Map<String, Object> parameters = new LinkedHashMap<>();
          String where = where(query, parameters);
          Query hits =
              handle.createQuery(
                  QUERY
                      + " SELECT d.record_kind, d.record_id, ts_rank(d.document, q.query) AS rank"
                      + " FROM " + TABLE + " d, q WHERE " + where
                      + " ORDER BY rank DESC, d.record_id LIMIT " + SearchResult.LIMIT);
          List<Hit> found =
              hits.bindMap(parameters)
                  .map(
                      (row, context) ->
                          new Hit(row.getString("record_kind"), row.getObject("record_id", UUID.class), row.getDouble("rank")))
                  .list();
          Map<String, Map<String, Long>> facets = query.facets() ? facets(handle, where, parameters) : Map.of();
          return new SearchResult(found, facets);
        });
  }

  private String where(BenchQuery query, Map<String, Object> parameters) {
    parameters.put("text", query.text());
    List<String> conditions = new ArrayList<>(List.of("d.document @@ q.query"));
    if (trimmed) {
      conditions.add("d.case_ids && " + VISIBLE_CASE_FILES);
      parameters.put("viewer", viewer.userId());
    }
    QueryFilters filters = query.filters();
    if (filters.kind() != null) {
      conditions.add("d.record_kind = :kind");
      parameters.put("kind", filters.kind());
    }
    if (filters.country() != null) {
      conditions.add("d.country = :country");
      parameters.put("country", filters.country());
    }
    if (filters.year() != null) {
      conditions.add("d.year = :year");
      parameters.put("year", filters.year());
    }
    if (filters.from() != null || filters.to() != null) {
      conditions.add("(d.date_from IS NOT NULL OR d.date_to IS NOT NULL)");
    }
    if (filters.from() != null) {
      conditions.add("(d.date_to IS NULL OR d.date_to >= :from)");
      parameters.put("from", filters.from());
    }
    if (filters.to() != null) {
      conditions.add("(d.date_from IS NULL OR d.date_from <= :to)");
      parameters.put("to", filters.to());
    }
    return String.join(" AND ", conditions);
  }

  /** Counts by kind, country and year of everything the query matches, in one statement. */
  private static Map<String, Map<String, Long>> facets(Handle handle, String where, Map<String, Object> parameters) {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    handle
        .createQuery(
            QUERY
                + " SELECT GROUPING(d.record_kind) AS by_other_than_kind, GROUPING(d.country) AS by_other_than_country,"
                + " d.record_kind, d.country, d.year, COUNT(*) AS n FROM " + TABLE + " d, q WHERE " + where
                + " GROUP BY GROUPING SETS ((d.record_kind), (d.country), (d.year))")
        .bindMap(parameters)
        .map(
            (row, context) -> {
              String facet;
              Object value;
              if (row.getInt("by_other_than_kind") == 0) {
                facet = "kind";
                value = row.getString("record_kind");
              } else if (row.getInt("by_other_than_country") == 0) {
                facet = "country";
                value = row.getString("country");
              } else {
                facet = "year";
                value = row.getObject("year");
              }
              facets
                  .computeIfAbsent(facet, name -> new LinkedHashMap<>())
                  .put(value == null ? "" : value.toString(), row.getLong("n"));
              return null;
            })
        .list();
    return facets;
  }
}
