package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainHashTest {
  private static final Instant AT = Instant.parse("2024-03-01T09:15:00.123456Z");

  /** Every stored hash depends on this value: a change to the encoding needs a new version tag. */
  @Test
  void theEncodingIsPinned() {
    AuditEntry entry =
        new AuditEntry(
            AT,
            "editor",
            "session-1",
            "update",
            "person",
            UUID.fromString("6f1c1b9e-8d2a-4f4e-9a51-0c3e2b7d4a10"),
            "version=2 Ω");

    assertThat(ChainHash.of(ChainHash.GENESIS, 1, entry))
        .isEqualTo("583add4f04b4207165848a86074dafd29af69fe96a2fd4aa9e8ffc34ac25d053");
  }

  @Test
  void valuesCannotMoveBetweenFields() {
    AuditEntry actorAb = new AuditEntry(AT, "ab", null, "create", null, null, "c");
    AuditEntry actorA = new AuditEntry(AT, "a", "b", "create", null, null, "c");
    AuditEntry noDetail = new AuditEntry(AT, "a", null, "create", null, null, null);
    AuditEntry tildeDetail = new AuditEntry(AT, "a", null, "create", null, null, "~");

    assertThat(ChainHash.of(ChainHash.GENESIS, 1, actorAb))
        .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, actorA));
    assertThat(ChainHash.of(ChainHash.GENESIS, 1, noDetail))
        .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, tildeDetail));
  }

  @Test
  void theSeqAndThePreviousHashAreHashed() {
    AuditEntry entry = new AuditEntry(AT, "a", null, "create", null, null, null);

    assertThat(ChainHash.of(ChainHash.GENESIS, 1, entry))
        .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 2, entry))
        .isNotEqualTo(ChainHash.of("1".repeat(64), 1, entry));
  }

  @Test
  void timeIsHashedToTheMicrosecond() {
    AuditEntry exact = new AuditEntry(AT, "a", null, "create", null, null, null);
    AuditEntry withNanos = new AuditEntry(AT.plusNanos(999), "a", null, "create", null, null, null);
    AuditEntry later = new AuditEntry(AT.plusNanos(1000), "a", null, "create", null, null, null);

    assertThat(withNanos.at()).isEqualTo(AT);
    assertThat(ChainHash.of(ChainHash.GENESIS, 1, withNanos))
        .isEqualTo(ChainHash.of(ChainHash.GENESIS, 1, exact))
        .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, later));
  }
}
