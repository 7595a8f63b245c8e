package org.casebook.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.casebook.search.QueryText;
import org.casebook.search.Snippet;

/**
 * Casebook's text analysis for a search backend that is not this package's index (the OpenSearch
 * backend), so that every backend finds the same records for the same text and marks the same
 * words:
 *
 * <ul>
 *   <li>{@link #terms}: the terms of a text in each field, as the Lucene index holds them ({@link
 *       Analysis}: Unicode word breaking, ICU folding, Kazakh letters, Cyrillic written in Latin,
 *       English and Russian stems);
 *   <li>{@link #textQuery}: the scored query of what was typed, as a Lucene query over those
 *       fields (built by the one {@link QueryTranslator}), for the backend to write in its own
 *       query language;
 *   <li>{@link #snippets}: the snippets of a page of hits, cut from their stored texts as the
 *       Lucene backend cuts them ({@link Snippets}), over a small index made of those texts alone.
 * </ul>
 *
 * <p>Field names are Lucene's: {@code <group>.fold}, {@code <group>.en}, {@code <group>.ru} for the
 * groups {@link #GROUPS}. Thread-safe.
 */
public final class TextAnalysis {
  /** The text groups of a document, as {@link org.casebook.search.SearchDocument} names them. */
  public static final List<String> GROUPS = IndexFields.TEXT_GROUPS;
  /** The field of a word with a typo or a prefix: the folded, unstemmed one of its group. */
  public static final String FOLD = Analysis.FOLD;
  /** The most words a word with a typo is expanded to. */
  public static final int FUZZY_EXPANSIONS = QueryTranslator.FUZZY_EXPANSIONS;

  private final Analyzer analyzer = Analysis.perField();
  private final QueryTranslator translator = new QueryTranslator(analyzer);
  private final Snippets snippets = new Snippets(analyzer);

  /**
   * The fields written for one text of {@code group}, each with its terms in order: the folded
   * field always, the English and Russian ones for a text in their script (as {@link IndexFields}
   * writes them). A term never holds white space.
   */
  public Map<String, List<String>> terms(String group, String text) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put(group + Analysis.FOLD, tokens(group + Analysis.FOLD, text));
    for (String suffix : IndexFields.stemmed(text)) {
      fields.put(group + suffix, tokens(group + suffix, text));
    }
    return fields;
  }

  private List<String> tokens(String field, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String token = term.toString().replaceAll("\\s", "");
        if (!token.isEmpty()) {
          tokens.add(token);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse a text", e);
    }
    return tokens;
  }

  /**
   * The scored query of {@code text}, or null when it has no clause: a tree of {@code
   * BooleanQuery} (every clause must match), {@code DisjunctionMaxQuery}, {@code BoostQuery}, and
   * at its leaves {@code TermQuery}, {@code PhraseQuery}, {@code FuzzyQuery} and {@code
   * PrefixQuery} over the fields of {@link #terms} and the {@code cite} keys.
   */
  public Query textQuery(QueryText text) {
    return translator.text(text);
  }

  /** The stored texts of a hit that snippets are cut from: its names and its body. */
  public record Texts(List<String> names, String body) {}

  /**
   * The snippet of each of {@code hits} (in that order) for {@code text}: the body's passages that
   * matched, else the names', else the start of the body; empty when there is none.
   */
  public List<Snippet> snippets(QueryText text, List<Texts> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Texts hit : hits) {
          writer.addDocument(IndexFields.snippetSource(hit.names(), hit.body() == null ? "" : hit.body()));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int[] docs = new int[hits.size()];
        for (int index = 0; index < docs.length; index++) {
          docs[index] = index;
        }
        Query query = translator.text(text);
        return List.of(snippets.of(searcher, query == null ? null : searcher.rewrite(query), docs));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cut snippets", e);
    }
  }
}
