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
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * How text is cut into terms. Every text of a document is indexed three ways, in fields named
 * {@code <group>.fold}, {@code <group>.en} and {@code <group>.ru}, and a query word is looked for
 * in all three. All three cut words by the Unicode rules (UAX #29, Lucene's standard tokenizer,
 * several times faster than ICU's and as good for Latin and Cyrillic), then change each word on its
 * own by a chain of filters ({@link Chain}):
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
 * <p>Since every filter of a chain changes a word without regard to its neighbours, a word comes
 * out the same wherever it stands, and each thread remembers what its chains made of the words it
 * has seen ({@link RememberedTermsFilter}): words repeat, and the filters (ICU normalisation,
 * transliteration, stemming) cost more than looking a word up. {@code AnalysisTest} checks that
 * this gives exactly the terms of the filters applied to every word. What a thread remembers lives
 * as long as its token streams, which analyzers keep in thread locals: the index is written on
 * threads of its own for that reason ({@link LuceneBackend#index}).
 *
 * <p>All three keep the same positions and offsets, so that a snippet can mark matches of any of
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
    Analyzer english = new RememberingAnalyzer(Chain.ENGLISH);
    Analyzer russian = new RememberingAnalyzer(Chain.RUSSIAN);
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

  /**
   * The filters that make a word into the term of a field. Each changes every word on its own, so
   * a chain may be applied to one word at a time ({@link #ofWord}) or to a text's words in turn
   * ({@link #ofText}) with the same terms.
   */
  enum Chain {
    FOLD {
      @Override
      TokenStream filters(TokenStream words) {
        TokenStream stream = new EnglishPossessiveFilter(words);
        stream = new KazakhLettersFilter(stream);
        stream = new ICUFoldingFilter(stream);
        return new CyrillicToLatinFilter(stream);
      }
    },
    ENGLISH {
      @Override
      TokenStream filters(TokenStream words) {
        TokenStream stream = new EnglishPossessiveFilter(words);
        stream = new ICUFoldingFilter(stream);
        return new PorterStemFilter(stream);
      }
    },
    RUSSIAN {
      @Override
      TokenStream filters(TokenStream words) {
        TokenStream stream = new LowerCaseFilter(words);
        stream = new KazakhLettersFilter(stream);
        stream = new SnowballFilter(stream, new RussianStemmer());
        return new ICUFoldingFilter(stream);
      }
    };

    abstract TokenStream filters(TokenStream words);

    /** The chain applied to a whole value taken as one word. */
    Analyzer ofWord() {
      return new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer word = new KeywordTokenizer();
          return new TokenStreamComponents(word, filters(word));
        }
      };
    }

    /** The chain applied to every word of a text in turn, without remembering: the reference. */
    Analyzer ofText() {
      return new TextAnalyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer tokenizer = new StandardTokenizer();
          return new TokenStreamComponents(tokenizer, filters(tokenizer));
        }
      };
    }
  }

  /** Names and texts of a multi-valued field stay apart: no phrase spans two of them. */
  private abstract static class TextAnalyzer extends Analyzer {
    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100;
    }
  }

  /** A text's words, each made into its term by a chain, remembered per thread. */
  private static class RememberingAnalyzer extends TextAnalyzer {
    private final Analyzer word;

    RememberingAnalyzer(Chain chain) {
      this.word = chain.ofWord();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new StandardTokenizer();
      return new TokenStreamComponents(tokenizer, new RememberedTermsFilter(tokenizer, word));
    }
  }

  private static final class FoldingAnalyzer extends RememberingAnalyzer {
    FoldingAnalyzer() {
      super(Chain.FOLD);
    }

    /** A prefix or a fuzzy word is folded as a whole, without word breaking. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new CyrillicToLatinFilter(new ICUFoldingFilter(new KazakhLettersFilter(in)));
    }
  }
}
