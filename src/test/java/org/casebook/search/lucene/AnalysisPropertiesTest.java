package org.casebook.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;

/**
 * The analyzers remember what their chains made of each word ({@link RememberedTermsFilter}); these
 * properties check that this changes nothing: for generated texts in Latin, Cyrillic and Kazakh
 * letters, with diacritics, digits, apostrophes, punctuation and words too long for the tokenizer,
 * every field's terms, positions and offsets, and the position and offset a stream ends on, are
 * those of the chain's filters applied to every word. Words are drawn from a small stock, so most
 * are seen again, in other cases and places, by the same remembering analyzer.
 *
 * <p>When a property fails, jqwik prints the seed of the run; {@code @Property(seed = "...")}
 * replays it.
 */
class AnalysisPropertiesTest {
  private static final Analyzer REMEMBERING = Analysis.perField();

  private record Token(String term, int start, int end, int increment) {}

  @Property(tries = 300)
  void foldTermsAreThoseOfTheFilters(@ForAll("texts") String text) throws IOException {
    assertThat(tokens(REMEMBERING, "body.fold", text)).isEqualTo(tokens(Analysis.Chain.FOLD.ofText(), "body.fold", text));
  }

  @Property(tries = 300)
  void englishTermsAreThoseOfTheFilters(@ForAll("texts") String text) throws IOException {
    assertThat(tokens(REMEMBERING, "body.en", text)).isEqualTo(tokens(Analysis.Chain.ENGLISH.ofText(), "body.en", text));
  }

  @Property(tries = 300)
  void russianTermsAreThoseOfTheFilters(@ForAll("texts") String text) throws IOException {
    assertThat(tokens(REMEMBERING, "body.ru", text)).isEqualTo(tokens(Analysis.Chain.RUSSIAN.ofText(), "body.ru", text));
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> stock =
        Arbitraries.of(
            "Smailova", "SMAÏLOVA", "smaïlova's", "Смаилова", "СМАИЛОВА", "Смайлова", "Жаңаөзен", "Қасым", "Ёлкин",
            "подъезд", "активистки", "задержании", "detained", "detaining", "lawyer’s", "O'Brien", "274(2)(3)",
            "ч.2", "ст.274", "2024-03-01", "Ştefan", "Łódź", "straße", "ＦＵＬＬ", "naïve", "İstanbul", "ß", "ǅemal",
            // Longer than the tokenizer's longest word (255 characters): cut into several.
            "Ж".repeat(300) + "x".repeat(300));
    Arbitrary<String> invented = Arbitraries.strings().withChars("aбcдeёйқңөүіьъ'’-.Å0123").ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> word = Arbitraries.oneOf(stock, stock, invented);
    Arbitrary<String> gap = Arbitraries.of(" ", "  ", ", ", ". ", " — ", "\n", "; ", "(", ") ", "\"", " «", "» ");
    return Arbitraries.lazy(() -> word.list().ofMinSize(0).ofMaxSize(30))
        .flatMap(words -> gap.list().ofSize(words.size()).map(gaps -> join(words, gaps)));
  }

  private static String join(List<String> words, List<String> gaps) {
    StringBuilder text = new StringBuilder();
    for (int index = 0; index < words.size(); index++) {
      text.append(words.get(index)).append(gaps.get(index));
    }
    return text.toString();
  }

  private static List<Token> tokens(Analyzer analyzer, String field, String text) throws IOException {
    return tokens(analyzer.tokenStream(field, text));
  }

  /** The tokens of {@code stream}, then the position increment and offset it ends on. */
  private static List<Token> tokens(TokenStream stream) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (stream) {
      OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      TermToBytesRefAttribute term = stream.getAttribute(TermToBytesRefAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.getBytesRef().utf8ToString(), offsets.startOffset(), offsets.endOffset(), increment.getPositionIncrement()));
      }
      stream.end();
      tokens.add(new Token("(end)", offsets.startOffset(), offsets.endOffset(), increment.getPositionIncrement()));
    }
    return tokens;
  }
}
