package org.casebook.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFitTest {
  private static final double FONT_SIZE = 10;

  @Test
  void breaksAtSpacesAndEndsWhatDoesNotFitWithAnEllipsis() {
    double twentyLatinCharacters = 20 * 0.56 * FONT_SIZE;

    assertThat(
            TextFit.wrap(
                "Private prosecution for slander and insult brought by a former member",
                twentyLatinCharacters,
                FONT_SIZE,
                2))
        .containsExactly("Private prosecution", "for slander and…");
  }

  @Test
  void keepsShortTextWholeAndCutsAWordLongerThanALine() {
    assertThat(TextFit.wrap("  Short   title ", 100, FONT_SIZE, 3)).containsExactly("Short title");
    assertThat(TextFit.wrap("Extraordinarily", 5 * 0.56 * FONT_SIZE, FONT_SIZE, 2))
        .containsExactly("Extra", "ord…");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDCDC";

    assertThat(TextFit.wrap(emoji.repeat(6), 2 * 0.64 * FONT_SIZE, FONT_SIZE, 1))
        .containsExactly(emoji + "…");
  }

  @Test
  void givesAnEmptyListForNoText() {
    assertThat(TextFit.wrap(null, 100, FONT_SIZE, 2)).isEmpty();
    assertThat(TextFit.wrap("   ", 100, FONT_SIZE, 2)).isEmpty();
  }
}
