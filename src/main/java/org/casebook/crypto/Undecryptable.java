package org.casebook.crypto;

import java.util.UUID;
import org.casebook.common.CasebookException;

/**
 * An encrypted field could not be decrypted: the value was altered, copied from another record or
 * field, or encrypted under a key that is not in the keyset. The message names the table, field
 * and record, and the key id the value claims when it has one; it never holds the value, its
 * plaintext or any key. Maps to 500.
 */
public class Undecryptable extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String field;
  private final UUID recordId;

  Undecryptable(Binding binding, String reason) {
    super(
        "cannot decrypt "
            + binding.table()
            + "."
            + binding.field()
            + " of record "
            + binding.recordId()
            + ": "
            + reason);
    this.table = binding.table();
    this.field = binding.field();
    this.recordId = binding.recordId();
  }

  public String table() {
    return table;
  }

  public String field() {
    return field;
  }

  public UUID recordId() {
    return recordId;
  }

  @Override
  public String problemType() {
    return "undecryptable";
  }

  @Override
  public int httpStatus() {
    return 500;
  }
}
