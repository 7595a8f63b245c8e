package org.casebook.pages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Visibility;
import org.casebook.common.NoSuchRecord;
import org.casebook.transfer.RecordServices;
import org.jdbi.v3.core.Jdbi;

/**
 * The records changed most recently among those the caller may see: case files, events and
 * proceedings that are not voided, newest change first. The query is trimmed by {@link Visibility}
 * inside the database; titles are then read through the services, so that a restricted title is
 * decrypted, redacted and audited exactly as on the case page.
 *
 * <p>Thread-safe.
 */
final class RecentChanges {
  private record Row(String kind, UUID id, UUID caseId, String changedBy, Instant changedAt) {}

  private final Jdbi jdbi;
  private final RecordServices records;

  RecentChanges(Jdbi jdbi, RecordServices records) {
    this.jdbi = jdbi;
    this.records = records;
  }

  /** At most {@code limit} changes, newest first. */
  List<RecentChange> latest(Caller caller, int limit) {
    if (caller.isAnonymous()) {
      return List.of();
    }
    List<RecentChange> changes = new ArrayList<>();
    Map<UUID, String> caseTitles = new LinkedHashMap<>();
    for (Row row : rows(caller, limit)) {
      try {
        String caseTitle = caseTitles.computeIfAbsent(row.caseId(), id -> records.cases().get(caller, id).title());
        String title =
            switch (row.kind()) {
              case "event" -> records.events().get(caller, row.id()).title();
              case "proceeding" -> records.proceedings().get(caller, row.id()).title();
              default -> caseTitle;
            };
        changes.add(new RecentChange(row.kind(), title, row.caseId(), caseTitle, row.changedBy(), row.changedAt()));
      } catch (NoSuchRecord voidedMeanwhile) {
        // voided or taken out of the caller's sight between the query and the read: not listed
      }
    }
    return changes;
  }

  private List<Row> rows(Caller caller, int limit) {
    Visibility visibility = new Visibility(caller);
    Map<String, Object> parameters = new LinkedHashMap<>();
    String sql =
        "SELECT kind, id, case_id, changed_by, changed_at FROM ("
            + "SELECT 'case-file' AS kind, c.public_id AS id, c.public_id AS case_id, c.updated_by AS changed_by,"
            + " c.updated_at AS changed_at FROM case_files c WHERE c.voided_at IS NULL AND "
            + visibility.caseFile("c", parameters)
            + " UNION ALL SELECT 'event', e.public_id, ec.public_id, e.updated_by, e.updated_at"
            + " FROM events e JOIN case_files ec ON ec.id = e.case_id WHERE e.voided_at IS NULL AND "
            + visibility.caseRecord("e", parameters)
            + " UNION ALL SELECT 'proceeding', p.public_id, pc.public_id, p.updated_by, p.updated_at"
            + " FROM proceedings p JOIN case_files pc ON pc.id = p.case_id WHERE p.voided_at IS NULL AND "
            + visibility.caseRecord("p", parameters)
            + ") changes ORDER BY changed_at DESC, id LIMIT :limit";
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .bindMap(parameters)
                .bind("limit", limit)
                .map(
                    (row, context) ->
                        new Row(
                            row.getString("kind"),
                            row.getObject("id", UUID.class),
                            row.getObject("case_id", UUID.class),
                            row.getString("changed_by"),
                            row.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list());
  }
}
