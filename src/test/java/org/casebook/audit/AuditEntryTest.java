package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
  private static final Instant AT = Instant.parse("2024-03-01T09:15:00Z");

  @Test
  void acceptsTheUsualActions() {
    for (String action :
        new String[] {
          "create",
          "update",
          "void",
          "read-restricted",
          "import",
          "export",
          "sign-in",
          "sign-in-failed",
          "sign-out"
        }) {
      assertThat(new AuditEntry(AT, "editor", null, action, null, null, null).action())
          .isEqualTo(action);
    }
  }

  @Test
  void refusesAnActionThatIsNotACode() {
    assertThatThrownBy(() -> new AuditEntry(AT, "editor", null, "Sign In", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Sign In\"");
    assertThatThrownBy(() -> new AuditEntry(AT, "editor", null, "a".repeat(31), null, null, null))
        .hasMessageContaining("31 characters, more than 30");
  }

  @Test
  void refusesWhatTheDatabaseCouldNotStoreAsGiven() {
    assertThatThrownBy(() -> new AuditEntry(AT, "x".repeat(101), null, "create", null, null, null))
        .hasMessageContaining("actor has 101 characters");
    assertThatThrownBy(() -> new AuditEntry(AT, "editor", null, "create", null, null, "a\0b"))
        .hasMessageContaining("detail contains a NUL");
    assertThatThrownBy(
            () ->
                new AuditEntry(
                    Instant.parse("+10000-01-01T00:00:00Z"),
                    "editor",
                    null,
                    "create",
                    null,
                    null,
                    null))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> new AuditEntry(AT, "", null, "create", null, null, null))
        .hasMessageContaining("actor is empty");
  }
}
