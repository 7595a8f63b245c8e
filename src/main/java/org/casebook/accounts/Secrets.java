package org.casebook.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random tokens and the hashes they are stored under. Thread-safe: {@link SecureRandom} is, and
 * every digest and MAC is a new instance.
 */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Secrets() {}

  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** {@code length} random bytes in unpadded base64url. */
  static String randomToken(int length) {
    return BASE64URL.encodeToString(randomBytes(length));
  }

  /** The lower-case hex SHA-256 of the UTF-8 bytes of {@code text}: how tokens are stored. */
  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** HMAC-SHA256 of the UTF-8 bytes of {@code text} under {@code key}. */
  static byte[] hmacSha256(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  static String hmacSha256Hex(byte[] key, String text) {
    return HexFormat.of().formatHex(hmacSha256(key, text));
  }

  static String base64Url(byte[] bytes) {
    return BASE64URL.encodeToString(bytes);
  }

  /** Whether two texts are equal, in a time that does not depend on where they differ. */
  static boolean constantTimeEquals(String expected, String presented) {
    if (expected == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
