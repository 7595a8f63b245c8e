package org.casebook.pages;

import java.time.Instant;
import java.util.UUID;

/**
 * A change to a record, as the dashboard lists it.
 *
 * @param kind {@code case-file}, {@code event} or {@code proceeding}
 * @param title the record's title as the caller may read it (the redaction mark if withheld)
 * @param caseId the case file the record belongs to, for the link
 * @param caseTitle that case file's title as the caller may read it
 * @param changedBy the name of who changed it last
 * @param changedAt when
 */
public record RecentChange(String kind, String title, UUID caseId, String caseTitle, String changedBy, Instant changedAt) {
  public boolean caseFile() {
    return kind.equals("case-file");
  }
}
