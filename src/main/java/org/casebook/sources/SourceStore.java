package org.casebook.sources;

import org.casebook.access.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.PageRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.Like;
import org.casebook.storage.RecordRows;
import org.casebook.storage.Row;
import org.casebook.storage.Sealing;
import org.jdbi.v3.core.Handle;

/** SQL for sources. Every method runs in the caller's transaction. */
public final class SourceStore {
  public static final String TABLE = "sources";
  public static final String KIND = "source";

  private static final String COLUMNS =
      RecordRows.headerColumns("s")
          + ", s.title, s.kind, s.publisher, s.date_edtf, s.language, s.url, s.reliability,"
          + " s.file_name, s.sha256";

  /**
   * The filters of the source list; null fields do not filter. {@code text} matches the title,
   * case-insensitively; {@code caseId} limits to the sources linked to a case file.
   */
  public record Filter(String text, UUID caseId, String kind, boolean includeVoided) {}

  /** Inserts a source with the given public id and returns its internal key. */
  public long insert(
      Handle handle, UUID id, String importKey, Source source, Actor actor, Instant now) {
    long key =
        RecordRows.insert(
            handle, TABLE, id, importKey, confidentiality(source), actor, now, content(Sealing.of(handle, TABLE, id, confidentiality(source)), source));
    return key;
  }

  /** Updates a source under the optimistic version check and returns its internal key. */
  public long update(Handle handle, UUID id, Source source, Actor actor, Instant now) {
    long key =
        RecordRows.update(
            handle,
            TABLE,
            KIND,
            id,
            source.version(),
            confidentiality(source),
            actor,
            now,
            content(Sealing.of(handle, TABLE, id, confidentiality(source)), source));
    return key;
  }

  /** One source with its full text. */
  public Optional<Source> find(Handle handle, UUID id) {
    return handle
        .createQuery("SELECT " + COLUMNS + ", s.full_text FROM sources s WHERE s.public_id = :id")
        .bind("id", id)
        .map((row, context) -> read(handle, row, open(handle, row, "full_text")))
        .findOne();
  }

  /**
   * A page of sources, newest first (undated last), then by title. The full text is left out
   * ({@code text} is null) to keep lists light.
   */
  public List<Source> list(Handle handle, Filter filter, Visibility visibility, PageRequest page) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM sources s "
                + where(filter, visibility, parameters)
                + " ORDER BY s.date_sort DESC NULLS LAST, LOWER(s.title), s.id"
                + " LIMIT :limit OFFSET :offset")
        .bindMap(parameters)
        .bind("limit", page.size())
        .bind("offset", page.offset())
        .map((row, context) -> read(handle, row, null))
        .list();
  }

  public long count(Handle handle, Filter filter, Visibility visibility) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    return handle
        .createQuery("SELECT COUNT(*) FROM sources s " + where(filter, visibility, parameters))
        .bindMap(parameters)
        .mapTo(Long.class)
        .one();
  }

  private static String where(Filter filter, Visibility visibility, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility.condition(TABLE, "s", parameters));
    if (!filter.includeVoided()) {
      conditions.add("s.voided_at IS NULL");
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add("LOWER(s.title) LIKE :text ESCAPE '!'");
      parameters.put(
          "text",
          Like.containing(filter.text()));
    }
    if (filter.caseId() != null) {
      conditions.add(
          "EXISTS (SELECT 1 FROM case_sources cs JOIN case_files c ON c.id = cs.case_id"
              + " WHERE cs.source_id = s.id AND c.public_id = :case_id)");
      parameters.put("case_id", filter.caseId());
    }
    if (filter.kind() != null && !filter.kind().isBlank()) {
      conditions.add("s.kind = :kind");
      parameters.put("kind", filter.kind().trim());
    }
    return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
  }

  private static Source read(Handle handle, ResultSet row, String text) throws SQLException {
    return new Source(
        RecordRows.publicId(row),
        row.getInt("version"),
        RecordRows.confidentiality(row),
        RecordRows.audit(row),
        open(handle, row, "title"),
        row.getString("kind"),
        open(handle, row, "publisher"),
        PartialDate.parseOptional(row.getString("date_edtf")).orElse(null),
        row.getString("language"),
        open(handle, row, "url"),
        row.getString("reliability"),
        row.getString("file_name"),
        row.getString("sha256"),
        text);
  }

  private static Confidentiality confidentiality(Source source) {
    return Objects.requireNonNullElse(source.confidentiality(), Confidentiality.INTERNAL);
  }

  private static Row content(Sealing sealing, Source source) {
    PartialDate date = source.date();
    return new Row()
        .text("title", sealing.text("title", source.title().trim()))
        .text("kind", source.kind())
        .text("publisher", sealing.text("publisher", source.publisher()))
        .text("date_edtf", date == null ? null : date.toEdtf())
        .text("date_sort", date == null ? null : date.sortKey())
        .text("language", source.language())
        .text("url", sealing.text("url", source.url()))
        .text("reliability", source.reliability())
        .text("file_name", source.fileName())
        .text("sha256", source.sha256())
        .text("full_text", sealing.text("full_text", source.text()));
  }


  /** A text column of the row, opened if it was sealed. */
  private static String open(Handle handle, ResultSet row, String column) throws SQLException {
    return Sealing.open(handle, TABLE, RecordRows.publicId(row), column, row.getString(column));
  }
}
