package org.casebook.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The terms each analysed field makes of a text. */
class AnalysisTest {
  private static final Analyzer ANALYZER = Analysis.perField();

  private static List<String> terms(String field, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  @Test
  void kazakhLettersFoldToTheLettersWrittenWithoutThem() throws IOException {
    String kazakh = "Әлия Қасым Жаңаөзен Ғалым Үміт Ұлан Өскемен Іле Һадис";
    String plain = "Алия Касым Жанаозен Галым Умит Улан Оскемен Иле Хадис";
    assertThat(terms("body.fold", kazakh)).isEqualTo(terms("body.fold", plain));
    assertThat(terms("body.ru", kazakh)).isEqualTo(terms("body.ru", plain));
    assertThat(terms("body.fold", "Жаңаөзен")).containsExactly("zhanaozen");
  }

  @Test
  void cyrillicMeetsLatinCaseAndDiacriticsInTheFoldField() throws IOException {
    for (String spelling : List.of("Смаилова", "СМАИЛОВА", "Smailova", "SMAÏLOVA", "Smaïlova", "Смайлова")) {
      assertThat(terms("names.fold", spelling)).as(spelling).containsExactly("smailova");
    }
    assertThat(terms("title.fold", "Ильин подъезд Ёлкин")).containsExactly("ilin", "podyezd", "yelkin");
  }

  @Test
  void stemmingMeetsTheFormsOfAWord() throws IOException {
    assertThat(terms("body.en", "detained")).isEqualTo(terms("body.en", "detaining"));
    assertThat(terms("body.ru", "активистки")).isEqualTo(terms("body.ru", "активистку"));
    assertThat(terms("body.ru", "задержании")).isEqualTo(terms("body.ru", "задержание"));
  }

  @Test
  void theThreeFieldsKeepTheSamePositions() throws IOException {
    String text = "Smailova's lawyer, Сейткали — 274(2)(3) Жаңаөзен!";
    assertThat(terms("body.en", text)).hasSameSizeAs(terms("body.fold", text)).hasSameSizeAs(terms("body.ru", text));
  }

  @Test
  void prefixesAreFoldedTheSameWay() {
    assertThat(Analysis.folding().normalize("title.fold", "Смаил").utf8ToString()).isEqualTo("smail");
    assertThat(Analysis.folding().normalize("title.fold", "Жаңа").utf8ToString()).isEqualTo("zhana");
  }
}
