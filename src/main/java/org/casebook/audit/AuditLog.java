package org.casebook.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The audit trail: an append-only log of who did what to which record, kept as a hash chain so that
 * it cannot be altered unnoticed.
 *
 * <p>Each entry gets the next seq (1, 2, 3 ... without gaps) and a hash: the SHA-256 of the
 * previous entry's hash and of the entry's own seq and fields (see {@code ChainHash} for the exact
 * encoding). The one-row table {@code audit_head} holds the seq and hash of the last entry. This
 * class only ever inserts into {@code audit_log}; nothing in Casebook changes or removes its rows.
 *
 * <p><b>Transaction contract.</b> {@link #append} works inside the caller's transaction, so that an
 * entry commits or rolls back together with the change it records. It locks the head row until that
 * transaction ends, which makes appends from all transactions (and all Casebook nodes sharing one
 * database) take their turn: append as late in a transaction as possible, and keep such
 * transactions short. Transactions must run at READ COMMITTED isolation (the default of H2 and
 * PostgreSQL); at stricter levels PostgreSQL may refuse a concurrent append with a serialization
 * failure, which rolls the caller's transaction back.
 *
 * <p><b>Thread safety.</b> An instance holds no mutable state and may be shared by any number of
 * threads; concurrent appends produce one gapless, valid chain because each waits for the head row
 * lock. The read methods and {@link #verify} each take their own connections.
 *
 * <p><b>What verification proves.</b> {@link #verify()} recomputes every hash and follows the chain
 * from seq 1 to the head. It detects, and names the seq of, an entry whose content was changed,
 * entries removed from the middle or the start, entries inserted or reordered, and entries cut from
 * the end (the head then names a later seq and hash than the last entry). It does not detect a
 * rewrite by someone with write access to the database who recomputes every later hash and the
 * head: the chain then is consistent, just not the original one. That is caught only by comparing
 * against a head hash kept outside the database: note {@link #headHash()} elsewhere (on paper, in
 * another system, in a signed message) from time to time, and pass it to {@link #verify(String)},
 * which checks that the noted entry is still in the chain. Entries appended after the last noted
 * hash remain open to such a rewrite. Verification also cannot tell whether an entry that should
 * have been written never was.
 */
public final class AuditLog {
  /**
   * At most this many problems are listed in a {@link VerificationReport}; the rest are counted.
   */
  public static final int MAX_PROBLEMS_LISTED = 1000;

  /** At most this many records are returned by one call of the page-wise readers. */
  public static final int MAX_PAGE = 1000;

  private static final int DEFAULT_VERIFY_BATCH = 1000;
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final String COLUMNS =
      "seq, at, actor, session_id, action, record_kind, record_id, detail, prev_hash, hash";

  private final Jdbi jdbi;
  private final int verifyBatch;

  public AuditLog(Jdbi jdbi) {
    this(jdbi, DEFAULT_VERIFY_BATCH);
  }

  /** For tests: verification reads {@code verifyBatch} entries per query. */
  AuditLog(Jdbi jdbi, int verifyBatch) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    if (verifyBatch < 1) {
      throw new IllegalArgumentException("verify batch must be positive: " + verifyBatch);
    }
    this.verifyBatch = verifyBatch;
  }

  /** Told how verification is getting on. Called from the verifying thread. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (checked, total) -> {};

    /** {@code checked} entries of about {@code total} have been verified. */
    void checked(long checked, long total);
  }

  /**
   * Adds {@code entry} to the end of the log within the transaction of {@code handle}. The entry is
   * visible to others, and the head moves, only when that transaction commits; if it rolls back,
   * the entry is gone and the chain is as it was. Blocks while another transaction holds the head.
   *
   * @throws IllegalStateException if {@code handle} is not in a transaction
   */
  public void append(Handle handle, AuditEntry entry) {
    appendTo(handle, entry);
  }

  /**
   * Adds {@code entry} to the log within the transaction of {@code handle}, as {@link #append}
   * does, for code that holds no {@code AuditLog} (the record bookkeeping in {@code storage}).
   */
  public static void appendTo(Handle handle, AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    if (!handle.isInTransaction()) {
      throw new IllegalStateException(
          "an audit entry must be appended inside the transaction of the change it records");
    }
    Head head =
        handle
            .createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .map((row, context) -> readHead(row))
            .one();
    long seq = head.lastSeq() + 1;
    String hash = ChainHash.of(head.lastHash(), seq, entry);
    handle
        .createUpdate(
            "INSERT INTO audit_log ("
                + COLUMNS
                + ") VALUES (:seq, :at, :actor, :session_id,"
                + " :action, :record_kind, CAST(:record_id AS UUID), :detail, :prev_hash, :hash)")
        .bind("seq", seq)
        .bindByType(
            "at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC), OffsetDateTime.class)
        .bindByType("actor", entry.actor(), String.class)
        .bindByType("session_id", entry.sessionId(), String.class)
        .bindByType("action", entry.action(), String.class)
        .bindByType("record_kind", entry.recordKind(), String.class)
        .bindByType("record_id", entry.recordId(), UUID.class)
        .bindByType("detail", entry.detail(), String.class)
        .bind("prev_hash", head.lastHash())
        .bind("hash", hash)
        .execute();
    int moved =
        handle
            .createUpdate(
                "UPDATE audit_head SET last_seq = :seq, last_hash = :hash"
                    + " WHERE id = 1 AND last_seq = :previous")
            .bind("seq", seq)
            .bind("hash", hash)
            .bind("previous", head.lastSeq())
            .execute();
    if (moved != 1) {
      throw new IllegalStateException(
          "the audit head moved past seq " + head.lastSeq() + " while it was locked");
    }
  }

  /**
   * Adds {@code entries}, in list order, to the end of the log within the transaction of {@code
   * handle}: the same entries, seqs and hashes as {@link #appendTo} called for each in turn, written
   * with one lock of the head, one batch of inserts and one move of the head. For jobs that write
   * thousands of records in one transaction (the corpus generator), where a round trip per entry
   * would dominate. The head stays locked until the transaction ends, as with {@link #appendTo}.
   *
   * @throws IllegalStateException if {@code handle} is not in a transaction
   */
  public static void appendAllTo(Handle handle, List<AuditEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    if (!handle.isInTransaction()) {
      throw new IllegalStateException(
          "an audit entry must be appended inside the transaction of the change it records");
    }
    if (entries.isEmpty()) {
      return;
    }
    Head head =
        handle
            .createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .map((row, context) -> readHead(row))
            .one();
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO audit_log ("
                + COLUMNS
                + ") VALUES (:seq, :at, :actor, :session_id,"
                + " :action, :record_kind, CAST(:record_id AS UUID), :detail, :prev_hash, :hash)");
    long seq = head.lastSeq();
    String previous = head.lastHash();
    for (AuditEntry entry : entries) {
      Objects.requireNonNull(entry, "entry");
      seq++;
      String hash = ChainHash.of(previous, seq, entry);
      batch
          .bind("seq", seq)
          .bindByType(
              "at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC), OffsetDateTime.class)
          .bindByType("actor", entry.actor(), String.class)
          .bindByType("session_id", entry.sessionId(), String.class)
          .bindByType("action", entry.action(), String.class)
          .bindByType("record_kind", entry.recordKind(), String.class)
          .bindByType("record_id", entry.recordId(), UUID.class)
          .bindByType("detail", entry.detail(), String.class)
          .bind("prev_hash", previous)
          .bind("hash", hash)
          .add();
      previous = hash;
    }
    batch.execute();
    int moved =
        handle
            .createUpdate(
                "UPDATE audit_head SET last_seq = :seq, last_hash = :hash"
                    + " WHERE id = 1 AND last_seq = :previous")
            .bind("seq", seq)
            .bind("hash", previous)
            .bind("previous", head.lastSeq())
            .execute();
    if (moved != 1) {
      throw new IllegalStateException(
          "the audit head moved past seq " + head.lastSeq() + " while it was locked");
    }
  }

  /**
   * The hash of the last entry (64 zeros for an empty log). Note it outside the database to be able
   * to detect, later, a rewrite of the log up to this entry: see {@link #verify(String)}.
   */
  public String headHash() {
    return jdbi.withHandle(this::readHead).lastHash();
  }

  /** Verifies the whole log; see the class documentation for what this proves. */
  public VerificationReport verify() {
    return verify(null, Progress.NONE);
  }

  /**
   * Verifies the whole log and checks that the entry whose hash is {@code expectedHeadHash}, a head
   * hash noted earlier, is still in it, which proves the log up to that entry was not rewritten.
   */
  public VerificationReport verify(String expectedHeadHash) {
    return verify(expectedHeadHash, Progress.NONE);
  }

  /**
   * Verifies the whole log, reading it in batches in seq order (memory use does not grow with the
   * log), telling {@code progress} after each batch. Entries appended while it runs are verified
   * too, up to the head as it is when the walk reaches the end.
   *
   * @param expectedHeadHash a head hash noted earlier that must be in the chain, or null
   */
  public VerificationReport verify(String expectedHeadHash, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    if (expectedHeadHash != null && !HASH.matcher(expectedHeadHash).matches()) {
      throw new IllegalArgumentException(
          "an audit head hash is 64 lower-case hex digits, not \"" + expectedHeadHash + "\"");
    }
    ChainWalk walk = new ChainWalk(expectedHeadHash);
    long total = jdbi.withHandle(this::readHead).lastSeq();
    walkBatches(walk, Long.MAX_VALUE, total, progress);
    Head head = jdbi.withHandle(this::readHead);
    if (head.lastSeq() > walk.lastSeq()) {
      walkBatches(walk, head.lastSeq(), head.lastSeq(), progress);
    }
    return walk.finish(head.lastSeq(), head.lastHash());
  }

  /** The latest entries, newest first; {@code limit} at most {@link #MAX_PAGE}. */
  public List<AuditRecord> recent(int limit) {
    return recentBefore(Long.MAX_VALUE, limit);
  }

  /**
   * The entries before {@code beforeSeq}, newest first: the next page after one whose last (oldest)
   * record had that seq.
   */
  public List<AuditRecord> recentBefore(long beforeSeq, int limit) {
    checkLimit(limit);
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_log WHERE seq < :before"
                        + " ORDER BY seq DESC LIMIT :limit")
                .bind("before", beforeSeq)
                .bind("limit", limit)
                .map((row, context) -> readRecord(row))
                .list());
  }

  /** The latest entries about the record with public id {@code recordId}, newest first. */
  public List<AuditRecord> forRecord(UUID recordId, int limit) {
    return forRecordBefore(recordId, Long.MAX_VALUE, limit);
  }

  /** The entries about {@code recordId} before {@code beforeSeq}, newest first. */
  public List<AuditRecord> forRecordBefore(UUID recordId, long beforeSeq, int limit) {
    Objects.requireNonNull(recordId, "recordId");
    checkLimit(limit);
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM audit_log WHERE record_id = :record_id"
                        + " AND seq < :before ORDER BY seq DESC LIMIT :limit")
                .bindByType("record_id", recordId, UUID.class)
                .bind("before", beforeSeq)
                .bind("limit", limit)
                .map((row, context) -> readRecord(row))
                .list());
  }

  private void walkBatches(ChainWalk walk, long upToSeq, long total, Progress progress) {
    while (true) {
      long after = walk.lastSeq();
      List<StoredRow> batch =
          jdbi.withHandle(
              handle -> {
                Query query =
                    handle
                        .createQuery(
                            "SELECT "
                                + COLUMNS
                                + " FROM audit_log"
                                + " WHERE seq > :after AND seq <= :up_to ORDER BY seq LIMIT :batch")
                        .bind("after", after)
                        .bind("up_to", upToSeq)
                        .bind("batch", verifyBatch);
                return query.map((row, context) -> readStoredRow(row)).list();
              });
      batch.forEach(walk::check);
      progress.checked(walk.entries(), Math.max(total, walk.entries()));
      if (batch.size() < verifyBatch) {
        return;
      }
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "an audit page holds 1 to " + MAX_PAGE + " records, not " + limit);
    }
  }

  private Head readHead(Handle handle) {
    return handle
        .createQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .map((row, context) -> readHead(row))
        .one();
  }

  private static Head readHead(ResultSet row) throws SQLException {
    return new Head(row.getLong("last_seq"), row.getString("last_hash"));
  }

  private static AuditRecord readRecord(ResultSet row) throws SQLException {
    AuditEntry entry =
        new AuditEntry(
            row.getObject("at", OffsetDateTime.class).toInstant(),
            row.getString("actor"),
            row.getString("session_id"),
            row.getString("action"),
            row.getString("record_kind"),
            row.getObject("record_id", UUID.class),
            row.getString("detail"));
    return new AuditRecord(
        row.getLong("seq"), entry, row.getString("prev_hash"), row.getString("hash"));
  }

  private static StoredRow readStoredRow(ResultSet row) throws SQLException {
    OffsetDateTime at = row.getObject("at", OffsetDateTime.class);
    ChainHash.StoredFields fields =
        new ChainHash.StoredFields(
            at.toInstant(),
            row.getString("actor"),
            row.getString("session_id"),
            row.getString("action"),
            row.getString("record_kind"),
            row.getObject("record_id", UUID.class),
            row.getString("detail"));
    return new StoredRow(
        row.getLong("seq"), fields, row.getString("prev_hash"), row.getString("hash"));
  }

  private record Head(long lastSeq, String lastHash) {}

  /** A row as stored, read without the checks a new {@link AuditEntry} must pass. */
  private record StoredRow(long seq, ChainHash.StoredFields fields, String prevHash, String hash) {}

  /** The state of one verification as it follows the chain in seq order. */
  private static final class ChainWalk {
    private final String expectedHeadHash;
    private final List<AuditProblem> problems = new ArrayList<>();
    private long problemsNotListed;
    private long entries;
    private long lastSeq;
    private String lastHash = ChainHash.GENESIS;
    private boolean expectedHeadFound;

    ChainWalk(String expectedHeadHash) {
      this.expectedHeadHash = expectedHeadHash;
      this.expectedHeadFound = ChainHash.GENESIS.equals(expectedHeadHash);
    }

    long lastSeq() {
      return lastSeq;
    }

    long entries() {
      return entries;
    }

    void check(StoredRow record) {
      entries++;
      long seq = record.seq();
      if (seq != lastSeq + 1) {
        report(
            seq,
            AuditProblem.Kind.MISSING,
            seq - lastSeq == 2
                ? "seq " + (lastSeq + 1) + " is missing (removed): the next entry is seq " + seq
                : "seq "
                    + (lastSeq + 1)
                    + " to "
                    + (seq - 1)
                    + " are missing (removed): the next"
                    + " entry is seq "
                    + seq);
      } else if (!record.prevHash().equals(lastHash)) {
        report(
            seq,
            AuditProblem.Kind.CHAIN_BROKEN,
            "seq "
                + seq
                + ": prev_hash "
                + record.prevHash()
                + " is not the hash of "
                + (lastSeq == 0 ? "the start of the log " : "seq " + lastSeq + " ")
                + lastHash
                + " (entries removed, inserted or reordered)");
      }
      String computed = ChainHash.of(record.prevHash(), seq, record.fields());
      if (!computed.equals(record.hash())) {
        report(
            seq,
            AuditProblem.Kind.CHANGED,
            "seq "
                + seq
                + ": content changed (stored hash "
                + record.hash()
                + ", content hashes to "
                + computed
                + ")");
      }
      if (record.hash().equals(expectedHeadHash)) {
        expectedHeadFound = true;
      }
      lastSeq = seq;
      lastHash = record.hash();
    }

    VerificationReport finish(long headSeq, String headHash) {
      if (headSeq != lastSeq) {
        report(
            headSeq,
            AuditProblem.Kind.HEAD_MISMATCH,
            headSeq > lastSeq
                ? "the head names seq "
                    + headSeq
                    + " but the last entry is "
                    + (lastSeq == 0 ? "none" : "seq " + lastSeq)
                    + ": entries after it were removed (truncated)"
                : "the last entry is seq "
                    + lastSeq
                    + " but the head names seq "
                    + headSeq
                    + ": entries were added without moving the head");
      } else if (!headHash.equals(lastHash)) {
        report(
            headSeq,
            AuditProblem.Kind.HEAD_MISMATCH,
            "the head hash "
                + headHash
                + " is not the hash "
                + lastHash
                + " of the last entry,"
                + " seq "
                + lastSeq);
      }
      if (expectedHeadHash != null && !expectedHeadFound) {
        report(
            0,
            AuditProblem.Kind.EXPECTED_HEAD_NOT_FOUND,
            "no entry has the expected head hash "
                + expectedHeadHash
                + ": the log was rewritten or cut before that entry");
      }
      return new VerificationReport(entries, headHash, problems, problemsNotListed);
    }

    private void report(long seq, AuditProblem.Kind kind, String message) {
      if (problems.size() < MAX_PROBLEMS_LISTED) {
        problems.add(new AuditProblem(seq, kind, message));
      } else {
        problemsNotListed++;
      }
    }
  }
}
