package org.casebook.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The search index's transactional outbox ({@code search_outbox}): a note, written in the same
 * transaction as a change, that the index must follow the record it names. {@link RecordRows}
 * notes every insert, update and void of the record tables the index holds; stores note the other
 * records whose index entries a change affects (the persons, organizations and sources a case file
 * starts or stops listing). The indexer in {@code org.casebook.search} reads and applies the notes.
 *
 * <p>After the transaction commits, the listener configured with {@link Signal#use} is told, so
 * that an indexer in the same process applies the change at once rather than at its next poll.
 */
public final class Outbox {
  /** The record tables whose records the search index holds. */
  public static final Set<String> TABLES =
      Set.of("case_files", "persons", "organizations", "sources", "events", "proceedings", "communications");

  private Outbox() {}

  /** Notes that the record {@code id} of {@code table} changed; other tables are ignored. */
  public static void changed(Handle handle, String table, UUID id) {
    if (!TABLES.contains(table)) {
      return;
    }
    handle
        .createUpdate(
            "INSERT INTO search_outbox (record_table, record_id, written_at) VALUES (:table, :id, :at)")
        .bind("table", table)
        .bind("id", id)
        .bind("at", Instant.now().atOffset(ZoneOffset.UTC))
        .execute();
    Signal signal = handle.getConfig(Signal.class);
    if (handle.isInTransaction()) {
      handle.afterCommit(signal::fire);
    } else {
      signal.fire();
    }
  }

  /** Notes every record of {@code table} among the internal keys {@code keys}. */
  public static void changedKeys(Handle handle, String table, Collection<Long> keys) {
    if (!TABLES.contains(table) || keys.isEmpty()) {
      return;
    }
    for (UUID id :
        handle
            .createQuery("SELECT public_id FROM " + table + " WHERE id IN (<keys>)")
            .bindList("keys", keys.stream().toList())
            .mapTo(UUID.class)
            .list()) {
      changed(handle, table, id);
    }
  }

  /**
   * Who to tell after a transaction that wrote outbox rows commits. Kept in the Jdbi configuration;
   * every copy shares one listener, so setting it later reaches handles opened before.
   */
  public static final class Signal implements JdbiConfig<Signal> {
    private final Listener listener;

    public Signal() {
      this.listener = new Listener();
    }

    private Signal(Signal other) {
      this.listener = other.listener;
    }

    @Override
    public Signal createCopy() {
      return new Signal(this);
    }

    /** Makes {@code runnable} the listener (null for none). It must be quick and must not throw. */
    public void use(Runnable runnable) {
      listener.runnable = runnable;
    }

    void fire() {
      Runnable runnable = listener.runnable;
      if (runnable != null) {
        runnable.run();
      }
    }

    private static final class Listener {
      private volatile Runnable runnable;
    }
  }
}
