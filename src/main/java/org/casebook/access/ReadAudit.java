package org.casebook.access;

import java.time.Clock;
import java.util.Collection;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.storage.RecordRows;
import org.jdbi.v3.core.Handle;

/**
 * Records every read of restricted data in the audit log: who read which restricted record, when
 * and from which session, in the transaction of the read. Administrators are recorded like
 * everyone else.
 */
public final class ReadAudit {
  private ReadAudit() {}

  /** Appends a {@code read-restricted} entry for each restricted record among {@code records}. */
  public static void restricted(
      Handle handle, Caller caller, Clock clock, String table, Collection<? extends Recorded> records) {
    for (Recorded record : records) {
      if (record.confidentiality() == Confidentiality.RESTRICTED) {
        AuditLog.appendTo(
            handle,
            new AuditEntry(
                clock.instant(), caller.name(), caller.sessionId(), "read-restricted",
                RecordRows.recordKind(table), record.id(), null));
      }
    }
  }
}
