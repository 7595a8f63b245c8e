package org.casebook.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash that links an audit entry to the one before it: the lower-case hex SHA-256 of a
 * canonical encoding of the previous entry's hash, the entry's seq and each of its fields, in a
 * fixed order.
 *
 * <p>The encoding is unambiguous: it starts with a version tag, and each value is written as its
 * UTF-8 byte length, a colon and its bytes, or as a single {@code ~} when absent, so no two
 * different entries share an encoding. The time is written in UTC to the microsecond ({@code
 * 2024-03-01T09:15:00.123456Z}), the seq in decimal, the record id in lower-case hex with hyphens.
 * Changing any of this invalidates every stored hash: a new encoding needs a new version tag, and
 * the verifier must know both.
 */
final class ChainHash {
  /** The prev_hash of the first entry, and the head hash of an empty log. */
  static final String GENESIS = "0".repeat(64);

  private static final String VERSION_TAG = "casebook-audit-v1";
  private static final DateTimeFormatter UTC_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ChainHash() {}

  static String of(String prevHash, long seq, AuditEntry entry) {
    return of(
        prevHash,
        seq,
        new StoredFields(
            entry.at(),
            entry.actor(),
            entry.sessionId(),
            entry.action(),
            entry.recordKind(),
            entry.recordId(),
            entry.detail()));
  }

  /**
   * The hash of fields as they are stored, whether or not they would pass as a new {@link
   * AuditEntry}, so that verification judges a row by its hash alone.
   */
  static String of(String prevHash, long seq, StoredFields fields) {
    ByteArrayOutputStream encoding = new ByteArrayOutputStream(256);
    write(encoding, VERSION_TAG);
    write(encoding, prevHash);
    write(encoding, Long.toString(seq));
    write(encoding, UTC_MICROS.format(fields.at()));
    write(encoding, fields.actor());
    write(encoding, fields.sessionId());
    write(encoding, fields.action());
    write(encoding, fields.recordKind());
    write(encoding, uuidText(fields.recordId()));
    write(encoding, fields.detail());
    return HexFormat.of().formatHex(sha256().digest(encoding.toByteArray()));
  }

  /** The hashed fields of one audit_log row, as read. */
  record StoredFields(
      Instant at,
      String actor,
      String sessionId,
      String action,
      String recordKind,
      UUID recordId,
      String detail) {}

  private static void write(ByteArrayOutputStream encoding, String value) {
    if (value == null) {
      encoding.write('~');
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    encoding.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    encoding.write(':');
    encoding.writeBytes(bytes);
  }

  private static String uuidText(UUID id) {
    return id == null ? null : id.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }
}
