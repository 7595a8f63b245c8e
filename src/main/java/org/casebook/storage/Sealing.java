package org.casebook.storage;

import java.util.UUID;
import org.casebook.common.Confidentiality;
import org.casebook.crypto.FieldProtection;
import org.jdbi.v3.core.Handle;

/**
 * Which text of one record is encrypted at rest: every free text of a restricted record, and the
 * always-restricted fields (notes) of any record. Each value is bound to its table, record and
 * column, so that a ciphertext copied elsewhere does not decrypt.
 */
public final class Sealing {
  private final Handle handle;
  private final String table;
  private final UUID id;
  private final boolean restricted;

  private Sealing(Handle handle, String table, UUID id, boolean restricted) {
    this.handle = handle;
    this.table = table;
    this.id = id;
    this.restricted = restricted;
  }

  /** The sealing of record {@code id} of {@code table} at {@code confidentiality}. */
  public static Sealing of(Handle handle, String table, UUID id, Confidentiality confidentiality) {
    return new Sealing(handle, table, id, confidentiality == Confidentiality.RESTRICTED);
  }

  public boolean restricted() {
    return restricted;
  }

  /** A free text of the record: sealed when the record is restricted. */
  public String text(String column, String value) {
    return restricted ? FieldProtection.seal(handle, table, id, column, value) : value;
  }

  /** A field that is restricted on every record, whatever its level: always sealed. */
  public String restrictedField(String column, String value) {
    return FieldProtection.seal(handle, table, id, column, value);
  }

  /** A value as stored, opened if it was sealed. */
  public String open(String column, String stored) {
    return FieldProtection.open(handle, table, id, column, stored);
  }

  /** Opens a value of record {@code id} of {@code table}, as stored. */
  public static String open(Handle handle, String table, UUID id, String column, String stored) {
    return FieldProtection.open(handle, table, id, column, stored);
  }
}
