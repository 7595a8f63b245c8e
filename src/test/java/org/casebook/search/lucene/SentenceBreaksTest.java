package org.casebook.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  private static List<Integer> boundaries(BreakIterator breaks) {
    List<Integer> found = new ArrayList<>();
    for (int boundary = breaks.first(); boundary != BreakIterator.DONE; boundary = breaks.next()) {
      found.add(boundary);
    }
    return found;
  }

  @Test
  void sentencesAndLinesStartPassagesButAbbreviationsDoNot() {
    String text = "She was detained. Her lawyer, e.g. Mr. Ivanov, came! По ст. 274 ч. 2 обвинили? Да…\nNext line";
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText(text);
    List<Integer> starts = new ArrayList<>();
    for (int boundary : boundaries(breaks)) {
      starts.add(boundary);
    }
    assertThat(starts)
        .containsExactly(
            0, text.indexOf("Her"), text.indexOf("Mr."), text.indexOf("Ivanov"), text.indexOf("По"), text.indexOf("Да"), text.indexOf("Next"),
            text.length());
  }

  @Test
  void followingAndPrecedingAnswerLikeTheJdksIterators() {
    String text = "One. Two. Three.";
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText(text);
    assertThat(breaks.following(0)).isEqualTo(5);
    assertThat(breaks.current()).isEqualTo(5);
    assertThat(breaks.following(5)).isEqualTo(10);
    assertThat(breaks.following(text.length())).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.current()).isEqualTo(text.length());
    assertThat(breaks.preceding(7)).isEqualTo(5);
    assertThat(breaks.preceding(5)).isEqualTo(0);
    assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.current()).isEqualTo(0);
    assertThat(breaks.isBoundary(10)).isTrue();
    assertThat(breaks.isBoundary(11)).isFalse();
    breaks.first();
    assertThat(breaks.next(2)).isEqualTo(10);
    assertThat(breaks.next(-1)).isEqualTo(5);
    assertThat(breaks.previous()).isEqualTo(0);
    assertThat(breaks.previous()).isEqualTo(BreakIterator.DONE);
    assertThatThrownBy(() -> breaks.following(text.length() + 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void offsetsAreThoseOfATextThatDoesNotBeginAtZero() {
    String whole = "Names; One. Two";
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText(new StringCharacterIterator(whole, 7, whole.length(), 7));
    assertThat(boundaries(breaks)).containsExactly(7, 12, whole.length());
    assertThat(breaks.following(8)).isEqualTo(12);
  }

  @Test
  void anEmptyTextHasOneBoundary() {
    SentenceBreaks breaks = new SentenceBreaks();
    breaks.setText("");
    assertThat(boundaries(breaks)).containsExactly(0);
    assertThat(breaks.following(0)).isEqualTo(BreakIterator.DONE);
  }
}
