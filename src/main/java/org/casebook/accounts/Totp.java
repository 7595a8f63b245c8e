package org.casebook.accounts;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HMAC-SHA1, 6 digits,
 * 30-second steps from the Unix epoch, and a window of one step either side for clock drift. This
 * class only computes and matches codes; that each step is accepted at most once per user is kept
 * by {@link AccountService}, which stores the last step used.
 *
 * <p>Thread-safe: stateless.
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final long STEP_SECONDS = 30;

  /** Steps accepted either side of the current one. */
  public static final int WINDOW = 1;

  /** 160 bits, the length of an HMAC-SHA1 key as RFC 4226 recommends. */
  public static final int SECRET_BYTES = 20;

  private static final String ISSUER = "Casebook";

  private Totp() {}

  /** A new random secret in Base32 (RFC 4648, as authenticator apps take it). */
  public static String newSecret() {
    return Base32.toBase32String(Secrets.randomBytes(SECRET_BYTES));
  }

  /** The RFC 6238 time step of {@code time}. */
  public static long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of {@code digits} digits for time step {@code step}. */
  public static String code(String base32Secret, long step, int digits) {
    byte[] key = Base32.decode(base32Secret.toUpperCase(Locale.ROOT));
    byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    long modulus = (long) Math.pow(10, digits);
    return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
  }

  /**
   * The time step whose code equals {@code presented}, among the steps within {@link #WINDOW} of
   * {@code now}, preferring the latest. Every candidate is computed and compared in constant time.
   */
  public static OptionalLong matchingStep(String base32Secret, String presented, Instant now) {
    if (presented == null || !presented.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    long matched = Long.MIN_VALUE;
    for (long candidate = current - WINDOW; candidate <= current + WINDOW; candidate++) {
      if (Secrets.constantTimeEquals(code(base32Secret, candidate, DIGITS), presented)) {
        matched = candidate;
      }
    }
    return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /**
   * The {@code otpauth://} URI an authenticator app reads from a QR code (Key Uri Format), with the
   * issuer "Casebook" and the account {@code accountName}.
   */
  public static String uri(String base32Secret, String accountName) {
    String label = encode(ISSUER) + ":" + encode(accountName);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret.replace("=", "")
        + "&issuer="
        + encode(ISSUER)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] hmacSha1(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA1", e);
    }
  }
}
