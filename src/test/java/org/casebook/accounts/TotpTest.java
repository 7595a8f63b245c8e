package org.casebook.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** The SHA-1 seed of RFC 6238 Appendix B: the ASCII text "12345678901234567890". */
  private static final String RFC_SECRET =
      Base32.toBase32String(
          "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private record Vector(long unixSeconds, String eightDigits) {}

  /** RFC 6238 Appendix B, the SHA1 column. */
  private static final List<Vector> RFC_VECTORS =
      List.of(
          new Vector(59L, "94287082"),
          new Vector(1111111109L, "07081804"),
          new Vector(1111111111L, "14050471"),
          new Vector(1234567890L, "89005924"),
          new Vector(2000000000L, "69279037"),
          new Vector(20000000000L, "65353130"));

  @Test
  void computesTheRfc6238Vectors() {
    for (Vector vector : RFC_VECTORS) {
      long step = Totp.step(Instant.ofEpochSecond(vector.unixSeconds()));
      assertThat(Totp.code(RFC_SECRET, step, 8))
          .as("at %d", vector.unixSeconds())
          .isEqualTo(vector.eightDigits());
      // Six digits are the same truncation modulo 10^6: the last six of the eight.
      assertThat(Totp.code(RFC_SECRET, step, 6)).isEqualTo(vector.eightDigits().substring(2));
    }
  }

  @Test
  void acceptsOneStepEitherSideAndNoMore() {
    Instant now = Instant.ofEpochSecond(1111111111L);
    long current = Totp.step(now);

    assertThat(Totp.matchingStep(RFC_SECRET, "050471", now)).hasValue(current);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current - 1, 6), now))
        .hasValue(current - 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current + 1, 6), now))
        .hasValue(current + 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current - 2, 6), now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, current + 2, 6), now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, "05047", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, "o50471", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
  }

  @Test
  void makesAnOtpauthUriForAuthenticatorApps() {
    String secret = Totp.newSecret();

    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(Totp.uri(secret, "dinara.s"))
        .isEqualTo(
            "otpauth://totp/Casebook:dinara.s?secret="
                + secret
                + "&issuer=Casebook&algorithm=SHA1&digits=6&period=30");
  }
}
