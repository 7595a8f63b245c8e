package org.casebook.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.casebook.search.DateSpan;
import org.casebook.search.Facet;
import org.casebook.search.QueryText;
import org.casebook.search.SearchQuery;
import org.casebook.search.Trim;

/**
 * Turns a {@link SearchQuery} into Lucene queries: the text part (scored, and what snippets mark)
 * and the filters (facets, date range, and the caller's {@link Trim}), which never score.
 *
 * <p>Each clause of the text must match (in any field). A word is looked for in every field of
 * every text group, unstemmed and stemmed, weighted by group (title above names above body) and
 * by analysis (unstemmed above stemmed); a word of five letters or more also matches with one typo
 * in the folded fields, weighted lower. The best field counts (a disjunction, not a sum), so that
 * a word found three ways is not worth three words.
 *
 * <p>Thread-safe.
 */
final class QueryTranslator {
  /** Words this long or longer may have one typo. */
  static final int FUZZY_FROM = 5;
  /** The most words a word with a typo is expanded to. */
  static final int FUZZY_EXPANSIONS = 50;
  /** The most words a word's beginning is scored by. */
  static final int PREFIX_EXPANSIONS = 50;
  private static final float TIE_BREAKER = 0.1f;

  private record Group(String name, float boost) {}

  private static final List<Group> GROUPS =
      List.of(
          new Group(IndexFields.TITLE, 3f),
          new Group(IndexFields.NAMES, 2.5f),
          new Group(IndexFields.BODY, 1f),
          new Group(IndexFields.CHARGES, 1f));
  private static final List<Group> RUNNING_TEXT = List.of(new Group(IndexFields.BODY, 1f), new Group(IndexFields.TITLE, 2f));

  private final Analyzer analyzer;
  private final Analyzer folding;
  private final QueryBuilder builder;

  QueryTranslator(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.folding = Analysis.folding();
    this.builder = new QueryBuilder(analyzer);
  }

  /** The scored query of the text, or null when the text has no clause (everything matches). */
  Query text(QueryText text) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int clauses = 0;
    for (QueryText.Clause clause : text.clauses()) {
      Query query = clause(clause);
      if (query != null) {
        all.add(query, BooleanClause.Occur.MUST);
        clauses++;
      }
    }
    return clauses == 0 ? null : all.build();
  }

  private Query clause(QueryText.Clause clause) {
    if (clause instanceof QueryText.Word word) {
      return word(word.text());
    } else if (clause instanceof QueryText.Prefix prefix) {
      return prefix(prefix.text());
    } else if (clause instanceof QueryText.Phrase phrase) {
      return phrase(phrase.text(), GROUPS);
    } else {
      return provision((QueryText.Provision) clause);
    }
  }

  /** The whole query: the text (or everything) filtered by facets, dates and the trim. */
  Query query(SearchQuery search, Query text, Trim trim) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
    Query trimming = trim(trim);
    if (trimming != null) {
      query.add(trimming, BooleanClause.Occur.FILTER);
    }
    for (Facet facet : Facet.values()) {
      Set<String> values = search.filter(facet);
      if (!values.isEmpty()) {
        query.add(new TermInSetQuery(IndexFields.facetField(facet), values.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
      }
    }
    DateSpan range = search.range();
    if (range != null) {
      query.add(LongPoint.newRangeQuery(IndexFields.TO, IndexFields.day(range.from(), Long.MIN_VALUE), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
      query.add(LongPoint.newRangeQuery(IndexFields.FROM, Long.MIN_VALUE, IndexFields.day(range.to(), Long.MAX_VALUE)), BooleanClause.Occur.FILTER);
    }
    return query.build();
  }

  /** The filter of what a caller may see, or null for a caller who sees everything. */
  static Query trim(Trim trim) {
    if (trim.everything()) {
      return null;
    }
    BooleanQuery.Builder visible = new BooleanQuery.Builder();
    boolean any = false;
    if (!trim.caseIds().isEmpty()) {
      List<BytesRef> cases = new ArrayList<>();
      for (UUID caseId : trim.caseIds()) {
        cases.add(new BytesRef(caseId.toString()));
      }
      visible.add(new TermInSetQuery(IndexFields.ACL, cases), BooleanClause.Occur.SHOULD);
      any = true;
    }
    if (trim.creator() != null) {
      visible.add(new TermQuery(new Term(IndexFields.CREATOR, trim.creator())), BooleanClause.Occur.SHOULD);
      any = true;
    }
    return any ? visible.build() : new MatchNoDocsQuery("the caller sees no case file");
  }

  private Query word(String word) {
    List<Query> alternatives = new ArrayList<>();
    for (Group group : GROUPS) {
      for (String suffix : IndexFields.SUFFIXES) {
        Query query = builder.createPhraseQuery(group.name() + suffix, word);
        if (query != null) {
          alternatives.add(new BoostQuery(query, group.boost() * (suffix.equals(Analysis.FOLD) ? 1f : 0.7f)));
        }
      }
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    List<String> folded = tokens(folding, word);
    if (folded.size() == 1 && fuzzable(folded.get(0))) {
      for (Group group : GROUPS.subList(0, 3)) {
        alternatives.add(new BoostQuery(new FuzzyQuery(new Term(group.name() + Analysis.FOLD, folded.get(0)), 1, 1, FUZZY_EXPANSIONS, true), group.boost() * 0.3f));
      }
    }
    return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  /**
   * A word's beginning. Each field is matched two ways: scored by the words it completes to (the
   * {@link #PREFIX_EXPANSIONS} most frequent of them, their frequencies blended as for a typo), so
   * that a short name such as a person's own ranks above a long text that mentions it, and by
   * every word it completes to at a small constant score, so that nothing beyond those is missed.
   */
  private Query prefix(String prefix) {
    BytesRef normalized = folding.normalize(IndexFields.TITLE + Analysis.FOLD, prefix);
    if (normalized.length == 0) {
      return null;
    }
    List<Query> alternatives = new ArrayList<>();
    for (Group group : GROUPS.subList(0, 3)) {
      Term term = new Term(group.name() + Analysis.FOLD, normalized);
      alternatives.add(new BoostQuery(new PrefixQuery(term, new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS)), group.boost()));
      alternatives.add(new BoostQuery(new PrefixQuery(term), group.boost() * 0.1f));
    }
    return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  private Query phrase(String text, List<Group> groups) {
    List<Query> alternatives = new ArrayList<>();
    for (Group group : groups) {
      for (String suffix : IndexFields.SUFFIXES) {
        Query query = builder.createPhraseQuery(group.name() + suffix, text);
        if (query != null) {
          alternatives.add(new BoostQuery(query, group.boost() * (suffix.equals(Analysis.FOLD) ? 1f : 0.7f)));
        }
      }
    }
    return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  /** A provision: charged exactly under it, or named in running text as typed. */
  private Query provision(QueryText.Provision provision) {
    List<Query> alternatives = new ArrayList<>();
    alternatives.add(new BoostQuery(new TermQuery(new Term(IndexFields.CITE, provision.key())), 4f));
    Query mentioned = phrase(provision.text(), RUNNING_TEXT);
    if (mentioned != null) {
      alternatives.add(mentioned);
    }
    return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  /** Words with a letter and at least {@link #FUZZY_FROM} characters; numbers never have typos. */
  private static boolean fuzzable(String term) {
    return term.codePointCount(0, term.length()) >= FUZZY_FROM && term.codePoints().anyMatch(Character::isLetter);
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(IndexFields.TITLE + Analysis.FOLD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse the query text", e);
    }
    return tokens;
  }
}
