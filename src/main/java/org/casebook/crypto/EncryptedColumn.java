package org.casebook.crypto;

import java.util.UUID;

/**
 * A column that holds values from {@link FieldCipher#encrypt}, in a table whose rows have an
 * internal {@code id BIGINT} and a public {@code public_id UUID}. The binding of each value is
 * (table, public_id, column).
 *
 * @param table a lower-case SQL identifier
 * @param column a lower-case SQL identifier
 */
public record EncryptedColumn(String table, String column) {
  public EncryptedColumn {
    SqlName.require(table, "table");
    SqlName.require(column, "column");
  }

  /** The binding of this column's value in the record with {@code publicId}. */
  public Binding binding(UUID publicId) {
    return new Binding(table, publicId, column);
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}
