package org.casebook.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an encrypted value lives: its table, the public id of its record and its field (the column
 * name). It is authenticated with the value as associated data, so a ciphertext copied to another
 * record, field or table no longer decrypts.
 *
 * @param table the table, a lower-case SQL identifier such as {@code persons}
 * @param recordId the record's public UUID, which never changes (unlike the internal id, which an
 *     export and import into another store may change, the public id travels with the record)
 * @param field the column, a lower-case SQL identifier such as {@code notes}
 */
public record Binding(String table, UUID recordId, String field) {
  private static final byte[] CONTEXT = "casebook field v1".getBytes(StandardCharsets.US_ASCII);

  public Binding {
    SqlName.require(table, "table");
    Objects.requireNonNull(recordId, "recordId");
    SqlName.require(field, "field");
  }

  /**
   * The associated data: a fixed context label, then each part preceded by its length, so that no
   * two different bindings give the same bytes.
   */
  byte[] associatedData() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    writePart(out, CONTEXT);
    writePart(out, table.getBytes(StandardCharsets.US_ASCII));
    writePart(
        out,
        ByteBuffer.allocate(16)
            .putLong(recordId.getMostSignificantBits())
            .putLong(recordId.getLeastSignificantBits())
            .array());
    writePart(out, field.getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static void writePart(ByteArrayOutputStream out, byte[] part) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(part.length).array());
    out.writeBytes(part);
  }
}
