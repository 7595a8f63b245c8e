package org.casebook.search.lucene;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * How text is cut into terms. Every text of a document is indexed three ways, in fields named
 * {@code <group>.fold}, {@code <group>.en} and {@code <group>.ru}, and a query word is looked for
 * in all three. All three cut words by the Unicode rules (UAX #29, Lucene's standard tokenizer,
 * several times faster than ICU's and as good for Latin and Cyrillic), then:
 *
 * <ul>
 *   <li><b>fold</b>: English possessives dropped, Kazakh letters folded ({@link
 *       KazakhLettersFilter}), ICU folding (case, diacritics, width: "Smaïlova" is "smailova", "й"
 *       is "и"), then Cyrillic written in Latin ({@link CyrillicToLatinFilter}): "Смаилова",
 *       "СМАИЛОВА", "Smailova" and "Smaïlova" are one term. No stemming; prefixes and typos are
 *       matched here.
 *   <li><b>en</b>: English possessives dropped, ICU folding, Porter stemming: "detained" meets
 *       "detain" and "detaining".
 *   <li><b>ru</b>: lower case, Kazakh letters and ё folded, Snowball Russian stemming, then ICU
 *       folding: "активистки" meets "активистку" and "активистка".
 * </ul>
 *
 * All three keep the same positions and offsets, so that a snippet can mark matches of any of
 * them in the one stored text. The stemmed fields are written only for a text in their script
 * (see {@link IndexFields}). Thread-safe: analyzers hand each thread its own token streams.
 */
final class Analysis {
  static final String FOLD = ".fold";
  static final String ENGLISH = ".en";
  static final String RUSSIAN = ".ru";

  private Analysis() {}

  /** The analyzer of every field: by the suffix of its name, else the value as one term. */
  static Analyzer perField() {
    Analyzer fold = new FoldingAnalyzer();
    Analyzer english = new EnglishAnalyzer();
    Analyzer russian = new RussianAnalyzer();
    Map<String, Analyzer> analyzers = new HashMap<>();
    for (String group : IndexFields.TEXT_GROUPS) {
      analyzers.put(group + FOLD, fold);
      analyzers.put(group + ENGLISH, english);
      analyzers.put(group + RUSSIAN, russian);
    }
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers);
  }

  /** The analyzer of the fold fields, for the normalisation of prefixes and typos. */
  static Analyzer folding() {
    return new FoldingAnalyzer();
  }

  /** Names and texts of a multi-valued field stay apart: no phrase spans two of them. */
  private abstract static class TextAnalyzer extends Analyzer {
    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100;
    }
  }

  private static final class FoldingAnalyzer extends TextAnalyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(tokenizer);
      stream = new KazakhLettersFilter(stream);
      stream = new ICUFoldingFilter(stream);
      stream = new CyrillicToLatinFilter(stream);
      return new TokenStreamComponents(tokenizer, stream);
    }

    /** A prefix or a fuzzy word is folded as a whole, without word breaking. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new CyrillicToLatinFilter(new ICUFoldingFilter(new KazakhLettersFilter(in)));
    }
  }

  private static final class EnglishAnalyzer extends TextAnalyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(tokenizer);
      stream = new ICUFoldingFilter(stream);
      stream = new PorterStemFilter(stream);
      return new TokenStreamComponents(tokenizer, stream);
    }
  }

  private static final class RussianAnalyzer extends TextAnalyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(tokenizer);
      stream = new KazakhLettersFilter(stream);
      stream = new SnowballFilter(stream, new RussianStemmer());
      stream = new ICUFoldingFilter(stream);
      return new TokenStreamComponents(tokenizer, stream);
    }
  }
}
