package org.casebook.crypto;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.casebook.transfer.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Moves every stored value of the given encrypted columns to the current primary key, after a
 * {@link KeyRotation}. A value in clear is left as it is: a column may hold both, since only the
 * records and fields that are restricted are sealed (see {@code storage.Sealing}).
 *
 * <p>Rows are taken in order of their internal {@code id}, a batch at a time, each batch in its own
 * transaction together with the run's position, kept in {@code key_rotation_progress}. The rows of
 * a child table (see {@link EncryptedColumn}) are taken by parent, all the rows of a batch of
 * parents at once, in order of the parent's internal id. A run that
 * is stopped, or dies, resumes with the next run at the batch after the last one committed, as
 * long as the primary key is the same; if the keyset was rotated again meanwhile, the column
 * starts over. A column finished for the current primary key is skipped.
 *
 * <p>Safe while the application writes: each value is replaced only where the row still holds the
 * value that was read ({@code UPDATE ... WHERE id = ? AND column = ?}), so a concurrent edit is
 * never overwritten; the row is then read again and, if the new value is still under an old key,
 * re-encrypted. Re-encryption does not change a record's version or its updated time: the record's
 * content is the same. Values that cannot be decrypted are left as they are and reported.
 *
 * <p>Values written after the run has passed them by a node that still has the old keyset are not
 * seen; run re-encryption once every node has the new key (see {@link Keyring} and {@link
 * KeyRotation}). Run one re-encryption at a time: two at once leave the data correct, since every
 * replacement is conditional, but do the work twice and may set each other's position back.
 *
 * <p>Thread safety: an instance may be run more than once, but not twice at the same time.
 */
public final class ReEncryption {
  public static final int DEFAULT_BATCH_SIZE = 500;

  private static final int MAX_ATTEMPTS_PER_ROW = 5;
  private static final int MAX_REPORTED_BINDINGS = 100;

  private final Jdbi jdbi;
  private final FieldCipher cipher;
  private final List<EncryptedColumn> columns;
  private final int batchSize;
  private final Progress progress;

  public ReEncryption(
      Jdbi jdbi, FieldCipher cipher, List<EncryptedColumn> columns, Progress progress) {
    this(jdbi, cipher, columns, DEFAULT_BATCH_SIZE, progress);
  }

  /**
   * @param progress told, after each batch, the stage ({@code re-encrypt table.column}), the rows
   *     of that column done and the rows holding a value
   */
  public ReEncryption(
      Jdbi jdbi, FieldCipher cipher, List<EncryptedColumn> columns, int batchSize,
      Progress progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.columns = List.copyOf(columns);
    this.batchSize = batchSize;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * What a run did.
   *
   * @param finished whether every column was finished (false: the run was stopped)
   * @param examined rows with a value that the run looked at
   * @param reEncrypted values moved from an old key to the primary key
   * @param plaintextEncrypted values that were in clear and now are encrypted; always 0, since
   *     values in clear belong to records that are not restricted and stay as they are
   * @param concurrentChanges updates that found the value changed by someone else and read it again
   * @param undecryptable the values that could not be decrypted and were left as they were (the
   *     first hundred)
   * @param leftBehind values changed by others on every attempt and so left under an old key (the
   *     first hundred); a later run takes them
   */
  public record Summary(
      boolean finished,
      long examined,
      long reEncrypted,
      long plaintextEncrypted,
      long concurrentChanges,
      List<Binding> undecryptable,
      List<Binding> leftBehind) {}

  /** Runs in the calling thread until every column is finished. */
  public Summary runToCompletion() {
    return runUntil(() -> false);
  }

  /**
   * Runs in the calling thread until every column is finished or, checked before each batch,
   * {@code stopRequested} is true.
   */
  public Summary runUntil(BooleanSupplier stopRequested) {
    cipher.keyring().reloadIfChanged();
    Tally tally = new Tally();
    for (EncryptedColumn column : columns) {
      if (!runColumn(column, stopRequested, tally)) {
        return tally.summary(false);
      }
    }
    return tally.summary(true);
  }

  /** Starts a run in a new background (daemon) thread. */
  public Run start() {
    Run run = new Run();
    Thread thread =
        new Thread(
            () -> {
              try {
                run.result.complete(runUntil(run::stopRequested));
              } catch (Throwable failure) {
                run.result.completeExceptionally(failure);
              }
            },
            "casebook-re-encryption");
    thread.setDaemon(true);
    thread.start();
    return run;
  }

  /**
   * A run in a background thread. {@link #stop()} asks it to stop after the batch in progress,
   * which is committed; the next run resumes after it. Thread-safe.
   */
  public static final class Run {
    private final CompletableFuture<Summary> result = new CompletableFuture<>();
    private volatile boolean stopRequested;

    private Run() {}

    public void stop() {
      stopRequested = true;
    }

    public boolean isDone() {
      return result.isDone();
    }

    /**
     * Waits for the run to end.
     *
     * @throws RuntimeException the failure that ended the run, if it failed
     */
    public Summary join() throws InterruptedException {
      try {
        return result.get();
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }

    /** Waits at most {@code timeout}; empty if the run is still going. */
    public Optional<Summary> join(Duration timeout) throws InterruptedException {
      try {
        return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        return Optional.empty();
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }

    private boolean stopRequested() {
      return stopRequested;
    }

    private static RuntimeException failure(ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        return runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      return new IllegalStateException("re-encryption failed", cause);
    }
  }

  /** Where a column's run stands: after {@code lastId} (null: at the start), or finished. */
  private record Position(Long lastId, boolean finished) {}

  private record StoredPosition(long keyId, Position position) {}

  /**
   * One stored value: its row's internal id (for a child row, its parent's) and public id (the
   * parent's), its position for a child row (null otherwise), and the value as stored.
   */
  private record StoredValue(long id, UUID publicId, Integer position, String value) {
    Binding binding(EncryptedColumn column) {
      return position == null ? column.binding(publicId) : column.binding(publicId, position);
    }
  }

  /** What one batch did: the rows it examined, where it stopped, and whether the column is done. */
  private record Batch(int rows, Long lastId, boolean finished) {}

  /** @return false if stopped before the column was finished */
  private boolean runColumn(EncryptedColumn column, BooleanSupplier stopRequested, Tally tally) {
    String stage = "re-encrypt " + column;
    int targetKeyId = cipher.keyring().primaryKeyId();
    Position position = jdbi.inTransaction(handle -> startPosition(handle, column, targetKeyId));
    long total = countValues(column, null);
    if (position.finished()) {
      progress.report(stage, total, total);
      return true;
    }
    long done = position.lastId() == null ? 0 : countValues(column, position.lastId());
    progress.report(stage, done, Math.max(done, total));
    while (true) {
      if (stopRequested.getAsBoolean()) {
        return false;
      }
      if (cipher.keyring().primaryKeyId() != targetKeyId) {
        return runColumn(column, stopRequested, tally);
      }
      Long afterId = position.lastId();
      Batch batch =
          jdbi.inTransaction(handle -> reEncryptBatch(handle, column, afterId, targetKeyId, tally));
      done += batch.rows();
      position = new Position(batch.lastId(), batch.finished());
      progress.report(stage, done, Math.max(done, total));
      if (position.finished()) {
        return true;
      }
    }
  }

  private Position startPosition(Handle handle, EncryptedColumn column, int targetKeyId) {
    long keyId = Integer.toUnsignedLong(targetKeyId);
    Optional<StoredPosition> stored =
        handle
            .createQuery(
                "SELECT primary_key_id, last_id, finished FROM key_rotation_progress"
                    + " WHERE table_name = :table AND column_name = :column")
            .bind("table", column.table())
            .bind("column", column.column())
            .map(
                (row, context) ->
                    new StoredPosition(
                        row.getLong("primary_key_id"),
                        new Position(
                            row.getObject("last_id", Long.class), row.getBoolean("finished"))))
            .findFirst();
    if (stored.isPresent() && stored.get().keyId() == keyId) {
      return stored.get().position();
    }
    int updated =
        handle
            .createUpdate(
                "UPDATE key_rotation_progress SET primary_key_id = :key, last_id = NULL,"
                    + " finished = FALSE, updated_at = CURRENT_TIMESTAMP"
                    + " WHERE table_name = :table AND column_name = :column")
            .bind("key", keyId)
            .bind("table", column.table())
            .bind("column", column.column())
            .execute();
    if (updated == 0) {
      handle
          .createUpdate(
              "INSERT INTO key_rotation_progress"
                  + " (table_name, column_name, primary_key_id, last_id, finished, updated_at)"
                  + " VALUES (:table, :column, :key, NULL, FALSE, CURRENT_TIMESTAMP)")
          .bind("key", keyId)
          .bind("table", column.table())
          .bind("column", column.column())
          .execute();
    }
    return new Position(null, false);
  }

  private Batch reEncryptBatch(
      Handle handle, EncryptedColumn column, Long afterId, int targetKeyId, Tally tally) {
    long after = afterId == null ? Long.MIN_VALUE : afterId;
    List<StoredValue> rows;
    Long lastId;
    boolean finished;
    if (column.parent() == null) {
      rows =
          handle
              .createQuery(
                  "SELECT id, public_id, " + column.column() + " AS stored FROM " + column.table()
                      + " WHERE " + column.column() + " IS NOT NULL AND id > :after"
                      + " ORDER BY id LIMIT :limit")
              .bind("after", after)
              .bind("limit", batchSize)
              .map(
                  (row, context) ->
                      new StoredValue(
                          row.getLong("id"), row.getObject("public_id", UUID.class), null,
                          row.getString("stored")))
              .list();
      lastId = rows.isEmpty() ? afterId : Long.valueOf(rows.get(rows.size() - 1).id());
      finished = rows.size() < batchSize;
    } else {
      String key = column.parent().keyColumn();
      List<Long> parents =
          handle
              .createQuery(
                  "SELECT DISTINCT " + key + " FROM " + column.table() + " WHERE " + column.column()
                      + " IS NOT NULL AND " + key + " > :after ORDER BY " + key + " LIMIT :limit")
              .bind("after", after)
              .bind("limit", batchSize)
              .mapTo(Long.class)
              .list();
      rows =
          parents.isEmpty()
              ? List.of()
              : handle
                  .createQuery(
                      "SELECT c." + key + " AS id, p.public_id, c.position, c." + column.column() + " AS stored"
                          + " FROM " + column.table() + " c JOIN " + column.parent().table() + " p ON p.id = c." + key
                          + " WHERE c." + column.column() + " IS NOT NULL AND c." + key + " BETWEEN :first AND :last"
                          + " ORDER BY c." + key + ", c.position")
                  .bind("first", parents.get(0))
                  .bind("last", parents.get(parents.size() - 1))
                  .map(
                      (row, context) ->
                          new StoredValue(
                              row.getLong("id"), row.getObject("public_id", UUID.class), row.getInt("position"),
                              row.getString("stored")))
                  .list();
      lastId = parents.isEmpty() ? afterId : parents.get(parents.size() - 1);
      finished = parents.size() < batchSize;
    }
    for (StoredValue stored : rows) {
      reEncryptRow(handle, column, stored, tally);
    }
    int updated =
        handle
            .createUpdate(
                "UPDATE key_rotation_progress SET last_id = :last, finished = :finished,"
                    + " updated_at = CURRENT_TIMESTAMP"
                    + " WHERE table_name = :table AND column_name = :column"
                    + " AND primary_key_id = :key")
            .bind("last", lastId)
            .bind("finished", finished)
            .bind("table", column.table())
            .bind("column", column.column())
            .bind("key", Integer.toUnsignedLong(targetKeyId))
            .execute();
    if (updated != 1) {
      throw new IllegalStateException(
          "the re-encryption progress of " + column + " was changed by another run; run one"
              + " re-encryption at a time");
    }
    return new Batch(rows.size(), lastId, finished);
  }

  private void reEncryptRow(Handle handle, EncryptedColumn column, StoredValue row, Tally tally) {
    tally.examined++;
    Binding binding = row.binding(column);
    String where = column.parent() == null ? " WHERE id = :id" : " WHERE " + column.parent().keyColumn() + " = :id AND position = :position";
    String stored = row.value();
    for (int attempt = 1; needsWork(stored); attempt++) {
      if (attempt > MAX_ATTEMPTS_PER_ROW) {
        tally.leftBehind(binding);
        return;
      }
      boolean wasEncrypted = FieldCipher.isEncrypted(stored);
      String replacement;
      try {
        replacement =
            cipher.encrypt(wasEncrypted ? cipher.decrypt(stored, binding) : stored, binding);
      } catch (Undecryptable e) {
        tally.undecryptable(binding);
        return;
      }
      int updated =
          locate(
                  handle.createUpdate(
                      "UPDATE " + column.table() + " SET " + column.column() + " = :replacement"
                          + where + " AND " + column.column() + " = :stored"),
                  row)
              .bind("replacement", replacement)
              .bind("stored", stored)
              .execute();
      if (updated == 1) {
        if (wasEncrypted) {
          tally.reEncrypted++;
        } else {
          tally.plaintextEncrypted++;
        }
        return;
      }
      tally.concurrentChanges++;
      stored =
          locate(handle.createQuery("SELECT " + column.column() + " FROM " + column.table() + where), row)
              .mapTo(String.class)
              .findOne()
              .orElse(null);
    }
  }

  /** Binds the row's place: its id, and for a child row its position. */
  private static <S extends SqlStatement<S>> S locate(S statement, StoredValue row) {
    statement.bind("id", row.id());
    return row.position() == null ? statement : statement.bind("position", row.position().intValue());
  }

  private boolean needsWork(String stored) {
    return stored != null && FieldCipher.isEncrypted(stored) && cipher.needsRotation(stored);
  }

  /** Rows of the column holding a value, all of them or those up to {@code throughId}. */
  private long countValues(EncryptedColumn column, Long throughId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM " + column.table() + " WHERE " + column.column()
                        + " IS NOT NULL AND " + column.progressColumn() + " <= :through")
                .bind("through", throughId == null ? Long.MAX_VALUE : throughId)
                .mapTo(Long.class)
                .one());
  }

  /** Counts kept by one run, on the thread that runs it. */
  private static final class Tally {
    long examined;
    long reEncrypted;
    long plaintextEncrypted;
    long concurrentChanges;
    final List<Binding> undecryptable = new ArrayList<>();
    final List<Binding> leftBehind = new ArrayList<>();

    void undecryptable(Binding binding) {
      if (undecryptable.size() < MAX_REPORTED_BINDINGS) {
        undecryptable.add(binding);
      }
    }

    void leftBehind(Binding binding) {
      if (leftBehind.size() < MAX_REPORTED_BINDINGS) {
        leftBehind.add(binding);
      }
    }

    Summary summary(boolean finished) {
      return new Summary(
          finished, examined, reEncrypted, plaintextEncrypted, concurrentChanges,
          List.copyOf(undecryptable), List.copyOf(leftBehind));
    }
  }
}
