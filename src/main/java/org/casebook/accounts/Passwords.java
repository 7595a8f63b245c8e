package org.casebook.accounts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.casebook.common.InvalidInput;

/**
 * Password hashing with Argon2id (RFC 9106), encoded in the PHC string format ({@code
 * $argon2id$v=19$m=65536,t=3,p=1$salt$hash}, unpadded standard Base64), and the password policy.
 *
 * <p>Parameters: 64 MiB of memory, 3 passes, 1 lane, a 16-byte salt and a 32-byte hash. Argon2id is
 * memory-hard, so each guess costs an attacker who holds a copy of the database 64 MiB of memory as
 * well as time, which blunts GPU and ASIC cracking. OWASP's Password Storage Cheat Sheet (2024 and
 * later) gives m=19 MiB, t=2, p=1 as the minimum; RFC 9106 section 4 recommends 64 MiB with t=3
 * where 2 GiB is too much. We take the RFC's second recommendation, which is more than three times
 * the OWASP minimum and takes 0.2 to 0.4 seconds on one core of a small 2-core server (printed by
 * {@code PasswordsTest}), an acceptable pause once per sign-in. One lane (p=1) because the Java
 * implementation computes lanes one after the other: more lanes would add time for us, not for an
 * attacker.
 *
 * <p>Passwords are normalized to Unicode NFKC before hashing (NIST SP 800-63B), so that the same
 * password typed on different keyboards and systems gives the same hash.
 *
 * <p>Thread safety: all methods are thread-safe. At most {@link #MAX_CONCURRENT_HASHES} hashes are
 * computed at once (the others wait), which bounds the memory a flood of sign-in attempts can take
 * to {@code MAX_CONCURRENT_HASHES * 64 MiB}.
 */
public final class Passwords {
  /** Memory cost in KiB: 64 MiB. */
  public static final int MEMORY_KIB = 64 * 1024;

  /** Number of passes over the memory. */
  public static final int ITERATIONS = 3;

  /** Degree of parallelism (lanes). */
  public static final int PARALLELISM = 1;

  public static final int SALT_BYTES = 16;
  public static final int HASH_BYTES = 32;

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1000;

  /** How many hashes may be computed at the same time. */
  public static final int MAX_CONCURRENT_HASHES =
      Math.max(2, Runtime.getRuntime().availableProcessors());

  /** The longest password the policy allows, in UTF-16 units (a code point takes at most 2). */
  private static final int MAX_UTF16_LENGTH = 2 * MAX_LENGTH;

  /** The shortest user name that a password may not contain. */
  private static final int MIN_NAME_LENGTH_CHECKED = 3;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})"
              + "\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");

  /** Bounds on parameters read from a stored hash, so that a tampered row cannot exhaust memory. */
  private static final int MAX_MEMORY_KIB = 1024 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Semaphore HASHING = new Semaphore(MAX_CONCURRENT_HASHES, true);

  private Passwords() {}

  /** A new PHC-encoded Argon2id hash of {@code password} with a fresh random salt. */
  public static String hash(CharSequence password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2id(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return encode(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, hash);
  }

  /**
   * Whether {@code password} matches {@code encoded}. The comparison of the hashes takes the same
   * time wherever they differ. A malformed or unsupported {@code encoded} value never matches.
   */
  public static boolean verify(CharSequence password, String encoded) {
    Matcher parts = encoded == null ? null : PHC.matcher(encoded);
    if (parts == null || !parts.matches()) {
      return false;
    }
    int memory = Integer.parseInt(parts.group(1));
    int iterations = Integer.parseInt(parts.group(2));
    int parallelism = Integer.parseInt(parts.group(3));
    if (memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1 || parallelism < 1) {
      return false;
    }
    byte[] salt;
    byte[] expected;
    try {
      salt = Base64.getDecoder().decode(parts.group(4));
      expected = Base64.getDecoder().decode(parts.group(5));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    if (salt.length < 8 || expected.length < 16) {
      return false;
    }
    // No password the policy allows is this long; hash a prefix so the time taken stays the same.
    boolean tooLong = password != null && password.length() > MAX_UTF16_LENGTH;
    CharSequence checked = tooLong ? password.subSequence(0, MAX_UTF16_LENGTH) : password;
    byte[] actual = argon2id(checked, salt, memory, iterations, parallelism, expected.length);
    return MessageDigest.isEqual(actual, expected) && !tooLong;
  }

  /**
   * Verifies {@code password} against a fixed hash computed with the current parameters, and
   * returns false. Used when there is no user by the name given, so that the time taken does not
   * tell an attacker which names exist.
   */
  public static boolean verifyAgainstDummy(CharSequence password) {
    verify(password, DummyHash.VALUE);
    return false;
  }

  /** Whether {@code encoded} was made with other parameters than the current ones. */
  public static boolean needsRehash(String encoded) {
    Matcher parts = encoded == null ? null : PHC.matcher(encoded);
    if (parts == null || !parts.matches()) {
      return true;
    }
    return Integer.parseInt(parts.group(1)) != MEMORY_KIB
        || Integer.parseInt(parts.group(2)) != ITERATIONS
        || Integer.parseInt(parts.group(3)) != PARALLELISM
        || Base64.getDecoder().decode(parts.group(4)).length != SALT_BYTES
        || Base64.getDecoder().decode(parts.group(5)).length != HASH_BYTES;
  }

  /**
   * Checks {@code password} against the policy for the user {@code userName}: at least {@value
   * #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters (Unicode code points, after
   * normalization), not one character repeated, and not containing the user name. No composition
   * rules (NIST SP 800-63B): length is what makes a password strong.
   *
   * @throws InvalidInput naming what is wrong; the message never contains the password
   */
  public static void checkPolicy(String userName, CharSequence password) {
    String normalized = normalize(password == null ? "" : password);
    int length = normalized.codePointCount(0, normalized.length());
    if (length < MIN_LENGTH) {
      throw new InvalidInput(
          "password", "is " + length + " characters long; at least " + MIN_LENGTH + " are needed");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidInput("password", "is longer than " + MAX_LENGTH + " characters");
    }
    if (normalized.codePoints().distinct().count() == 1) {
      throw new InvalidInput("password", "is one character repeated");
    }
    if (userName != null && userName.length() >= MIN_NAME_LENGTH_CHECKED) {
      String lowerPassword = normalized.toLowerCase(Locale.ROOT);
      if (lowerPassword.contains(userName.toLowerCase(Locale.ROOT))) {
        throw new InvalidInput("password", "contains the user name");
      }
    }
  }

  private static byte[] argon2id(
      CharSequence password,
      byte[] salt,
      int memoryKib,
      int iterations,
      int parallelism,
      int hashLength) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    byte[] passwordBytes = utf8(normalize(password == null ? "" : password));
    byte[] hash = new byte[hashLength];
    HASHING.acquireUninterruptibly();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters);
      generator.generateBytes(passwordBytes, hash);
      return hash;
    } finally {
      HASHING.release();
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  private static String normalize(CharSequence password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }

  private static byte[] utf8(String text) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  private static String encode(
      int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  /** Computed on first use, so that loading the class costs nothing. */
  private static final class DummyHash {
    static final String VALUE = hash("casebook dummy password for unknown names");
  }
}
