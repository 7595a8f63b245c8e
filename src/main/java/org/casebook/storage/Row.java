package org.casebook.storage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The content columns of one row to insert or update, each with its Java type so that a null is
 * bound as a typed null (PostgreSQL refuses untyped ones in some positions). Column names are
 * written by repository code only, never taken from input.
 */
public final class Row {
  private final Map<String, TypedValue> values = new LinkedHashMap<>();

  private record TypedValue(Object value, Class<?> type) {}

  public Row text(String column, String value) {
    return put(column, value, String.class);
  }

  public Row integer(String column, Integer value) {
    return put(column, value, Integer.class);
  }

  public Row reference(String column, Long value) {
    return put(column, value, Long.class);
  }

  public Row flag(String column, boolean value) {
    return put(column, value, Boolean.class);
  }

  public Row date(String column, LocalDate value) {
    return put(column, value, LocalDate.class);
  }

  public Row decimal(String column, BigDecimal value) {
    return put(column, value, BigDecimal.class);
  }

  public Row uuid(String column, UUID value) {
    return put(column, value, UUID.class);
  }

  public Row timestamp(String column, OffsetDateTime value) {
    return put(column, value, OffsetDateTime.class);
  }

  private Row put(String column, Object value, Class<?> type) {
    if (!column.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a column name: " + column);
    }
    values.put(column, new TypedValue(value, type));
    return this;
  }

  Iterable<String> columns() {
    return values.keySet();
  }

  void bindTo(SqlStatement<?> statement) {
    values.forEach((column, typed) -> statement.bindByType(column, typed.value(), typed.type()));
  }
}
