package org.casebook.communications;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A communication's allegations against the replies' responses, at a glance: one row per claim
 * in order, one column per reply in the order they came, and in each cell the reply's stance on
 * the claim (none where it has not been assessed), with the count of each stance.
 */
public record ClaimMatrix(
    UUID communication,
    String reference,
    String subject,
    List<ReplyColumn> replies,
    List<ClaimRow> rows,
    List<StanceCount> tally,
    int notAssessed) {

  /** A reply as a column: when it came and under what reference. */
  public record ReplyColumn(UUID reply, LocalDate received, String senderReference) {}

  /** A claim and its cells, one per column. */
  public record ClaimRow(Claim claim, List<ClaimCell> cells) {}

  /** A reply's response to a claim; {@code stance} null where nobody has assessed it yet. */
  public record ClaimCell(UUID reply, Stance stance, String quote, List<UUID> sources) {}

  /** How many cells hold a stance. */
  public record StanceCount(Stance stance, int count) {}
}
