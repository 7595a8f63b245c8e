package org.casebook.communications;

import org.jdbi.v3.core.Handle;

/**
 * The counters that number communications, one row per State and year. A number is taken inside
 * the sending transaction by raising the row's counter, which holds the row until the transaction
 * ends: a concurrent sender to the same State waits, then takes the next number; a sender whose
 * transaction rolls back gives its number back with it. So the numbers of a State's year have no
 * gap and no repeat, and a number once committed is never given again (voiding a letter keeps
 * it), as the UNIQUE constraints on the reference also guarantee.
 */
final class ReferenceCounter {
  private ReferenceCounter() {}

  /** Takes the next number of {@code state} in {@code year}, inside the caller's transaction. */
  static int take(Handle handle, String state, int year) {
    ensure(handle, state, year);
    int changed =
        handle
            .createUpdate(
                "UPDATE communication_sequences SET next_number = next_number + 1"
                    + " WHERE ref_state = :state AND ref_year = :year")
            .bind("state", state)
            .bind("year", year)
            .execute();
    if (changed != 1) {
      throw new IllegalStateException("no reference counter for " + state + " " + year);
    }
    return current(handle, state, year) - 1;
  }

  /** Makes sure the next number taken is above {@code number}, which an import assigned. */
  static void passed(Handle handle, String state, int year, int number) {
    ensure(handle, state, year);
    handle
        .createUpdate(
            "UPDATE communication_sequences SET next_number = :after WHERE ref_state = :state"
                + " AND ref_year = :year AND next_number <= :number")
        .bind("state", state)
        .bind("year", year)
        .bind("number", number)
        .bind("after", number + 1)
        .execute();
  }

  private static int current(Handle handle, String state, int year) {
    return handle
        .createQuery("SELECT next_number FROM communication_sequences WHERE ref_state = :state AND ref_year = :year")
        .bind("state", state)
        .bind("year", year)
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Creates the counter of a State's year if it is missing, in the caller's transaction. Two first
   * senders racing to create it do not fail each other: the second insert waits for the first and
   * then does nothing (ON CONFLICT DO NOTHING), and the UPDATE that follows takes its turn on the
   * row. A counter row is never removed.
   */
  private static void ensure(Handle handle, String state, int year) {
    handle
        .createUpdate(
            "INSERT INTO communication_sequences (ref_state, ref_year, next_number) VALUES (:state, :year, 1)"
                + " ON CONFLICT DO NOTHING")
        .bind("state", state)
        .bind("year", year)
        .execute();
  }
}
