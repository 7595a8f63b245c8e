package org.casebook.audit;

/**
 * One thing {@link AuditLog#verify()} found wrong with the log.
 *
 * @param seq the seq of the entry where the problem shows; for {@link Kind#HEAD_MISMATCH} the seq
 *     the head names; 0 for {@link Kind#EXPECTED_HEAD_NOT_FOUND}
 * @param kind what sort of problem it is
 * @param message what was found, naming the seq and the values that disagree
 */
public record AuditProblem(long seq, Kind kind, String message) {

  /** The sorts of problem. */
  public enum Kind {
    /** An entry's content no longer hashes to its stored hash: it was changed. */
    CHANGED,
    /** Seq numbers are missing: entries were removed (or the first entry is not seq 1). */
    MISSING,
    /**
     * An entry's prev_hash is not the hash of the entry before it: entries were removed, inserted
     * or reordered, with the gap in the seq numbers hidden.
     */
    CHAIN_BROKEN,
    /**
     * The head does not match the last entry: entries were cut from the end, or added past it
     * without going through {@link AuditLog}.
     */
    HEAD_MISMATCH,
    /** A head hash noted outside the database is not in the chain: the log was rewritten. */
    EXPECTED_HEAD_NOT_FOUND
  }

  @Override
  public String toString() {
    return message;
  }
}
