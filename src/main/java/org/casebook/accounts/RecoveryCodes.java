package org.casebook.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes: the way in when the authenticator is lost. Each is 25 random characters from a
 * 32-letter alphabet without look-alikes (125 bits), written in five groups of five such as {@code
 * 7k2mq-...}. Being random and long, they are stored as plain SHA-256, which cannot be inverted by
 * guessing. Typing is forgiving: case, spaces and dashes do not matter, and {@code i}, {@code l}
 * and {@code o} are read as {@code 1}, {@code 1} and {@code 0}.
 */
final class RecoveryCodes {
  static final int COUNT = 10;

  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final int LENGTH = 25;
  private static final int GROUP = 5;

  private RecoveryCodes() {}

  /** {@link #COUNT} new codes, as shown to the user. */
  static List<String> generate() {
    List<String> codes = new ArrayList<>(COUNT);
    for (int index = 0; index < COUNT; index++) {
      byte[] random = Secrets.randomBytes(LENGTH);
      StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
      for (int position = 0; position < LENGTH; position++) {
        if (position > 0 && position % GROUP == 0) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(random[position] & 0x1f));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** The hash under which {@code code} is stored, or empty if it cannot be a recovery code. */
  static Optional<String> hash(String code) {
    if (code == null || code.length() > 100) {
      return Optional.empty();
    }
    String canonical =
        code.toLowerCase(Locale.ROOT)
            .replaceAll("[\\s-]", "")
            .replace('i', '1')
            .replace('l', '1')
            .replace('o', '0');
    if (canonical.length() != LENGTH
        || !canonical.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(Secrets.sha256Hex(canonical));
  }
}
