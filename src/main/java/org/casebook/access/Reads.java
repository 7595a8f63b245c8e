package org.casebook.access;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.Recorded;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The shape of every read a record service offers: the caller needs {@link
 * Permission#READ_RECORDS}, sees only what {@link Visibility} allows, has each restricted record
 * recorded in the audit log, and sees restricted fields only with the grant. One transaction per
 * read.
 *
 * @param <T> the record type
 */
public final class Reads<T extends Recorded> {
  /** Loads one record by id, whoever may see it. */
  @FunctionalInterface
  public interface Loader<T> {
    T load(Handle handle, UUID id);
  }

  /** Lists a page, or counts, under a visibility. */
  @FunctionalInterface
  public interface Query<R> {
    R run(Handle handle, Visibility visibility);
  }

  private final Jdbi jdbi;
  private final Clock clock;
  private final String table;
  private final String kind;
  private final UnaryOperator<T> withheld;

  /**
   * @param withheld how a record looks to a reader without the grant, or null for a record type
   *     with no restricted fields
   */
  public Reads(Jdbi jdbi, Clock clock, String table, String kind, UnaryOperator<T> withheld) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.table = table;
    this.kind = kind;
    this.withheld = withheld;
  }

  /** One record the caller may see, or {@code NoSuchRecord}. */
  public T one(Caller caller, UUID id, Loader<T> loader) {
    caller.require(Permission.READ_RECORDS);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireVisible(handle, caller, table, kind, id);
          return shown(handle, caller, List.of(loader.load(handle, id))).get(0);
        });
  }

  /** A page of the records the caller may see, with the total they may see. */
  public Page<T> page(Caller caller, PageRequest page, Query<List<T>> list, Query<Long> count) {
    caller.require(Permission.READ_RECORDS);
    Visibility visibility = new Visibility(caller);
    return jdbi.inTransaction(
        handle ->
            page.of(shown(handle, caller, list.run(handle, visibility)), count.run(handle, visibility)));
  }

  /** A record just written, as its writer may see it, inside the write's transaction. */
  public T afterWrite(Handle handle, Caller caller, T record) {
    return withheld == null ? record : RestrictedFields.show(handle, caller, table, record, withheld);
  }

  private List<T> shown(Handle handle, Caller caller, List<T> records) {
    ReadAudit.restricted(handle, caller, clock, table, records);
    return withheld == null ? records : RestrictedFields.show(handle, caller, table, records, withheld);
  }
}
