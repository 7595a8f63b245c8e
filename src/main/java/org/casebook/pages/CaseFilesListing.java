package org.casebook.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Visibility;
import org.casebook.cases.CaseFile;
import org.casebook.transfer.RecordServices;
import org.jdbi.v3.core.Jdbi;

/**
 * The case file a form about persons goes back to once saved or cancelled. Persons (and the
 * relationships between them) are shared by case files, so their forms carry the case file they
 * were opened from; when it no longer lists the persons, or none was named, the form goes back to
 * another case file that lists them and that the caller may see.
 *
 * <p>Thread-safe.
 */
final class CaseFilesListing {
  private final Jdbi jdbi;
  private final RecordServices records;

  CaseFilesListing(Jdbi jdbi, RecordServices records) {
    this.jdbi = jdbi;
    this.records = records;
  }

  /**
   * The case file {@code named} if it lists every one of {@code persons}, else the first such case
   * file the caller may see, else null (the form goes back to the list of case files).
   */
  CaseFile backTo(Caller caller, UUID named, List<UUID> persons) {
    List<UUID> listing = listing(caller, persons);
    if (listing.isEmpty()) {
      return null;
    }
    return records.cases().get(caller, listing.contains(named) ? named : listing.get(0));
  }

  /** The live case files the caller may see that list every one of {@code persons}, oldest first. */
  private List<UUID> listing(Caller caller, List<UUID> persons) {
    List<UUID> distinct = persons.stream().distinct().toList();
    Map<String, Object> parameters = new LinkedHashMap<>();
    String sql =
        "SELECT c.public_id FROM case_files c WHERE c.voided_at IS NULL AND "
            + new Visibility(caller).caseFile("c", parameters)
            + " AND (SELECT COUNT(*) FROM case_persons l JOIN persons p ON p.id = l.person_id"
            + " WHERE l.case_id = c.id AND p.public_id IN (<persons>)) = :count ORDER BY c.id";
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .bindMap(parameters)
                .bindList("persons", distinct)
                .bind("count", distinct.size())
                .mapTo(UUID.class)
                .list());
  }
}
