package org.casebook.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casebook.common.InvalidInput;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void hashesInThePhcFormatAndVerifies() {
    String hash = Passwords.hash(PASSWORD);

    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=65536,t=3,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(Passwords.verify(PASSWORD, hash)).isTrue();
    assertThat(Passwords.verify("correct horse battery stapler", hash)).isFalse();
    assertThat(Passwords.verify("", hash)).isFalse();
    assertThat(Passwords.needsRehash(hash)).isFalse();
  }

  @Test
  void neverMatchesAPasswordLongerThanThePolicyAllows() {
    String tooLong = "x".repeat(2001);
    String hash = Passwords.hash(tooLong.substring(0, 2000));

    assertThat(Passwords.verify(tooLong, hash)).isFalse();
    assertThat(Passwords.verify(null, hash)).isFalse();
  }

  @Test
  void saltsEveryHash() {
    assertThat(Passwords.hash(PASSWORD)).isNotEqualTo(Passwords.hash(PASSWORD));
  }

  @Test
  void verifiesTheReferenceImplementationsOutput() {
    // phc-winner-argon2, src/test.c: argon2id, t=2, m=2^16 KiB, p=1, "password", salt "somesalt".
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertThat(Passwords.verify("password", reference)).isTrue();
    assertThat(Passwords.verify("passwore", reference)).isFalse();
    assertThat(Passwords.needsRehash(reference)).isTrue();
  }

  @Test
  void neverMatchesMalformedOrOutrageousHashes() {
    assertThat(Passwords.verify(PASSWORD, null)).isFalse();
    assertThat(Passwords.verify(PASSWORD, "")).isFalse();
    assertThat(Passwords.verify(PASSWORD, "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    assertThat(
            Passwords.verify(
                PASSWORD,
                "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"))
        .isFalse();
    assertThat(
            Passwords.verify(
                PASSWORD,
                "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))
        .isFalse();
    assertThat(Passwords.needsRehash("not a hash")).isTrue();
  }

  @Test
  void normalizesUnicodeSoTheSamePasswordTypedDifferentlyMatches() {
    String composed = "пароль-для-Ёлки-2024";
    String decomposed = "пароль-для-Е\u0308лки-2024";
    assertThat(Passwords.verify(decomposed, Passwords.hash(composed))).isTrue();
  }

  @Test
  void verifyingAgainstTheDummyTakesAsLongAsARealVerificationAndNeverMatches() {
    String hash = Passwords.hash(PASSWORD);
    Passwords.verifyAgainstDummy("warm up");
    long realStart = System.nanoTime();
    Passwords.verify("wrong password here", hash);
    long real = System.nanoTime() - realStart;
    long dummyStart = System.nanoTime();
    boolean matched = Passwords.verifyAgainstDummy(PASSWORD);
    long dummy = System.nanoTime() - dummyStart;

    System.out.printf(java.util.Locale.ROOT, 
        "Argon2id m=%d KiB t=%d p=%d: %.0f ms per verification (dummy %.0f ms)%n",
        Passwords.MEMORY_KIB, Passwords.ITERATIONS, Passwords.PARALLELISM, real / 1e6, dummy / 1e6);
    assertThat(matched).isFalse();
    assertThat((double) dummy).isBetween(real * 0.3, real * 3.0);
  }

  @Test
  void acceptsALongPassphraseInAnyScript() {
    Passwords.checkPolicy("dinara", "Свобода слова 2024");
    Passwords.checkPolicy("dinara", "twelve chars");
  }

  @Test
  void refusesShortLongRepeatedAndNameContainingPasswords() {
    assertRefused("dinara", "short pass", "is 10 characters long; at least 12 are needed");
    assertRefused("dinara", "x".repeat(1001), "is longer than 1000 characters");
    assertRefused("dinara", "aaaaaaaaaaaaaaaa", "is one character repeated");
    assertRefused("dinara", "my name is DINARA!", "contains the user name");
    assertRefused("dinara", null, "is 0 characters long; at least 12 are needed");
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // Eleven emoji are 22 UTF-16 units but only 11 characters.
    assertRefused(
        "dinara", "🔒🔑🔒🔑🔒🔑🔒🔑🔒🔑🔒", "is 11 characters long; at least 12 are needed");
  }

  private static void assertRefused(String name, String password, String message) {
    assertThatThrownBy(() -> Passwords.checkPolicy(name, password))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> {
              assertThat(invalid.errors())
                  .singleElement()
                  .satisfies(
                      error -> {
                        assertThat(error.field()).isEqualTo("password");
                        assertThat(error.message()).isEqualTo(message);
                      });
              if (password != null && password.length() > 3) {
                assertThat(invalid.getMessage()).doesNotContain(password);
              }
            });
  }
}
