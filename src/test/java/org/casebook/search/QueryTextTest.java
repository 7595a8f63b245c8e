package org.casebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the search box's text is read into clauses. */
class QueryTextTest {
  private static List<QueryText.Clause> clauses(String text) {
    return QueryText.parse(text).clauses();
  }

  @Test
  void wordsPrefixesAndPhrases() {
    assertThat(clauses("Smailova  Tansari")).containsExactly(new QueryText.Word("Smailova"), new QueryText.Word("Tansari"));
    assertThat(clauses("Смаил*")).containsExactly(new QueryText.Prefix("Смаил"));
    assertThat(clauses("a*")).as("too short for a prefix").containsExactly(new QueryText.Word("a"));
    assertThat(clauses("\"knowingly false information\" Almaty"))
        .containsExactly(new QueryText.Phrase("knowingly false information"), new QueryText.Word("Almaty"));
    assertThat(clauses("«заведомо ложной информации»")).containsExactly(new QueryText.Phrase("заведомо ложной информации"));
    assertThat(clauses("\"unbalanced quote")).containsExactly(new QueryText.Word("unbalanced"), new QueryText.Word("quote"));
    assertThat(clauses("   ")).isEmpty();
    assertThat(clauses(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "KZ-CC 274(2)(3)|kz-cc 274(2)(3)",
        "kz-cc 190(4)|kz-cc 190(4)",
        "274(2)|274(2)",
        "274(2)(3)|274(2)(3)",
        "article 274 part 2|274(2)",
        "Article 274, Part 2|274(2)",
        "art. 274 part 2 clause 3|274(2)(3)",
        "part 2 of article 274|274(2)",
        "статья 274 часть 2|274(2)",
        "статьи 274 части 2|274(2)",
        "ст. 274 ч. 2|274(2)",
        "ч. 2 ст. 274|274(2)",
        "п. 3 ч. 2 ст. 274|274(2)(3)",
        "ст.274|274",
        "статья 24-1|24-1",
      })
  void provisionsAreReadAsLawyersWriteThem(String text, String key) {
    List<QueryText.Clause> read = clauses(text);
    assertThat(read).hasSize(1);
    assertThat(read.get(0)).isInstanceOf(QueryText.Provision.class);
    assertThat(((QueryText.Provision) read.get(0)).key()).isEqualTo(key);
  }

  @Test
  void aProvisionAmongWordsLeavesTheWords() {
    assertThat(clauses("Smailova article 274 part 2 dismissed"))
        .containsExactly(new QueryText.Provision("274(2)", "article 274 part 2"), new QueryText.Word("Smailova"), new QueryText.Word("dismissed"));
    assertThat(clauses("part 2")).as("a part without an article is words")
        .containsExactly(new QueryText.Word("part"), new QueryText.Word("2"));
    assertThat(clauses("274")).containsExactly(new QueryText.Word("274"));
  }

  @Test
  void theTextIsBounded() {
    String many = "word ".repeat(100);
    assertThat(clauses(many)).hasSize(QueryText.MAX_CLAUSES);
    assertThat(QueryText.parse("x".repeat(10_000)).clauses().get(0)).isEqualTo(new QueryText.Word("x".repeat(QueryText.MAX_LENGTH)));
  }

  /** Any text at all is read without failing, into at most the clause limit, none of them empty. */
  @Test
  void anyTextIsReadWithoutFailing() {
    long seed = Long.getLong("casebook.querySeed", new Random().nextLong());
    System.out.println("QueryTextTest seed: " + seed + " (replay with -Dcasebook.querySeed=" + seed + ")");
    Random random = new Random(seed);
    String alphabet = "aZ Жә019*\"«»“”„()-.,:;/\\'ст.ч.п.article part KZ-CC \t\n\u0000\uD83D\uDE00";
    for (int run = 0; run < 5_000; run++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int index = 0; index < length; index++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      List<QueryText.Clause> read = QueryText.parse(text.toString()).clauses();
      assertThat(read).as("seed %d, text %s", seed, text).hasSizeLessThanOrEqualTo(QueryText.MAX_CLAUSES);
      for (QueryText.Clause clause : read) {
        String value =
            clause instanceof QueryText.Word word ? word.text()
                : clause instanceof QueryText.Prefix prefix ? prefix.text()
                : clause instanceof QueryText.Phrase phrase ? phrase.text()
                : ((QueryText.Provision) clause).key();
        assertThat(value).as("seed %d, text %s", seed, text).isNotNull();
      }
    }
  }
}
