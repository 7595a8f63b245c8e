package org.casebook.crypto;

import java.util.UUID;

/**
 * A column that holds values from {@link FieldCipher#encrypt}, in one of two kinds of table:
 *
 * <ul>
 *   <li>a record table, whose rows have an internal {@code id BIGINT} and a public {@code public_id
 *       UUID}; the binding of each value is (table, public_id, column);
 *   <li>a child table of a record table ({@code parent}), whose rows are keyed by their parent's
 *       internal id and a {@code position INTEGER}, such as the other names of a person; the
 *       binding of each value is (child table, the parent's public_id, {@code column_position}), so
 *       that a value moved to another row no longer decrypts. The other names of persons, sealed
 *       before this rule, are bound to the {@code persons} table instead ({@link
 *       Parent#bindingTable}).
 * </ul>
 *
 * @param table a lower-case SQL identifier
 * @param column a lower-case SQL identifier
 * @param parent for a child table, its parent record table and the column holding the parent's
 *     internal id; null for a record table
 */
public record EncryptedColumn(String table, String column, Parent parent) {
  public EncryptedColumn {
    SqlName.require(table, "table");
    SqlName.require(column, "column");
  }

  /** A column of a record table. */
  public EncryptedColumn(String table, String column) {
    this(table, column, null);
  }

  /** A column of {@code table}, a child table of {@code parentTable} keyed by {@code parentKey}. */
  public static EncryptedColumn child(String table, String column, String parentTable, String parentKey) {
    return new EncryptedColumn(table, column, new Parent(parentTable, parentKey, table));
  }

  /** {@link #child}, for a child table whose values are bound to the table {@code bindingTable}. */
  public static EncryptedColumn child(String table, String column, String parentTable, String parentKey, String bindingTable) {
    return new EncryptedColumn(table, column, new Parent(parentTable, parentKey, bindingTable));
  }

  /**
   * The record table a child table belongs to, the child's column holding the parent's internal
   * id, and the table named in the binding of the child's values.
   */
  public record Parent(String table, String keyColumn, String bindingTable) {
    public Parent {
      SqlName.require(table, "parent table");
      SqlName.require(keyColumn, "parent key column");
      SqlName.require(bindingTable, "binding table");
    }
  }

  /** The binding of this column's value in the record with {@code publicId}. */
  public Binding binding(UUID publicId) {
    if (parent != null) {
      throw new IllegalStateException(this + " is a child column: its binding needs the row's position");
    }
    return new Binding(table, publicId, column);
  }

  /** The binding of this child column's value at {@code position} under the record {@code parentId}. */
  public Binding binding(UUID parentId, int position) {
    if (parent == null) {
      throw new IllegalStateException(this + " is a record column: its rows have no position");
    }
    return new Binding(parent.bindingTable(), parentId, column + "_" + position);
  }

  /** The column that orders the rows and marks the progress of a run: the row's or its parent's id. */
  String progressColumn() {
    return parent == null ? "id" : parent.keyColumn();
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}
