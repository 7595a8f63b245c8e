package org.casebook.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.casebook.search.Snippet;

/**
 * Cuts snippets from the {@code body} (else the {@code names}) of hits, as stored in {@code
 * body.fold}, with Lucene's unified highlighter, marking the words that matched in any of the
 * fields analysed from that text ({@code body.fold}, {@code body.en}, {@code body.ru}: their
 * offsets are in the postings, so nothing is analysed again). A hit whose body and names did not
 * match shows the start of its body.
 *
 * <p>Names are marked by their folded field alone: a record's names are several values, and the
 * stemmed fields hold only the names in their script ({@link IndexFields#stemmed}), so their
 * offsets do not fall on the same names in the stored text. The names of one passage are shown
 * separated by {@link #NAME_SEPARATOR}.
 */
final class Snippets {
  /** Passages per snippet. */
  private static final int PASSAGES = 2;
  /** About how long a passage is, in characters. */
  private static final int PASSAGE_LENGTH = 160;
  /** The longest passage kept, in characters, around its first match. */
  private static final int LONGEST_PASSAGE = 320;
  private static final String GAP = " … ";
  /** Between two names of a passage. */
  static final String NAME_SEPARATOR = "; ";
  /** What the highlighter puts between the values of a field (its offset gap is one character). */
  private static final char VALUE_BREAK = '\u0000';

  private static final String BODY = IndexFields.snippetField(IndexFields.BODY);
  private static final String NAMES = IndexFields.snippetField(IndexFields.NAMES);

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * One snippet per document of {@code docs} (in that order), empty where there is none. {@code
   * text} must be rewritten by {@code searcher} ({@link IndexSearcher#rewrite}), so that a word with
   * a typo is marked by the words it matched (a fuzzy query left whole would be compiled again for
   * every hit).
   */
  Snippet[] of(IndexSearcher searcher, Query text, int[] docs) throws IOException {
    Snippet[] snippets = new Snippet[docs.length];
    Arrays.fill(snippets, Snippet.EMPTY);
    if (docs.length == 0) {
      return snippets;
    }
    if (text != null) {
      Map<String, Object[]> marked =
          highlighter(searcher, 0).highlight(new String[] {BODY, NAMES}, text, docs, new int[] {PASSAGES, PASSAGES});
      for (int index = 0; index < docs.length; index++) {
        Snippet body = (Snippet) marked.get(BODY)[index];
        Snippet names = (Snippet) marked.get(NAMES)[index];
        snippets[index] = body != null ? body : names != null ? names : Snippet.EMPTY;
      }
    }
    List<Integer> plain = new ArrayList<>();
    for (int index = 0; index < docs.length; index++) {
      if (snippets[index].isEmpty()) {
        plain.add(index);
      }
    }
    if (!plain.isEmpty()) {
      int[] plainDocs = plain.stream().mapToInt(index -> docs[index]).toArray();
      Map<String, Object[]> starts =
          highlighter(searcher, 1).highlight(new String[] {BODY}, new org.apache.lucene.search.MatchNoDocsQuery(), plainDocs, new int[] {1});
      for (int index = 0; index < plain.size(); index++) {
        Snippet start = (Snippet) starts.get(BODY)[index];
        snippets[plain.get(index)] = start == null ? Snippet.EMPTY : start;
      }
    }
    return snippets;
  }

  private Highlighter highlighter(IndexSearcher searcher, int passagesWithoutMatch) {
    return new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
        .withMaskedFieldsFunc(
            field ->
                field.equals(BODY)
                    ? Set.of(field, field.replace(Analysis.FOLD, Analysis.ENGLISH), field.replace(Analysis.FOLD, Analysis.RUSSIAN))
                    : Set.of())
        .withWeightMatches(false)
        .withHandleMultiTermQuery(true)
        .withHighlightPhrasesStrictly(true)
        .withMaxLength(200_000)
        .withMaxNoHighlightPassages(passagesWithoutMatch)
        .withBreakIterator(
            () -> LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), PASSAGE_LENGTH, 0.3f))
        .withFormatter(new Formatter()));
  }

  /** The unified highlighter, with its snippets as objects (ours: {@link Snippet}s). */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(UnifiedHighlighter.Builder builder) {
      super(builder);
    }

    Map<String, Object[]> highlight(String[] fields, Query query, int[] docs, int[] passages) throws IOException {
      return highlightFieldsAsObjects(fields, query, docs, passages);
    }
  }

  /** Makes a {@link Snippet} of the best passages, in the order they stand in the text. */
  private static final class Formatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Passage> ordered = new ArrayList<>(Arrays.asList(passages));
      ordered.sort(Comparator.comparingInt(Passage::getStartOffset));
      List<Snippet.Part> parts = new ArrayList<>();
      for (Passage passage : ordered) {
        if (!parts.isEmpty()) {
          parts.add(new Snippet.Part(GAP, false));
        }
        addPassage(parts, passage, content);
      }
      return parts.isEmpty() ? null : new Snippet(parts);
    }

    private static void addPassage(List<Snippet.Part> parts, Passage passage, String content) {
      int start = passage.getStartOffset();
      int end = Math.min(passage.getEndOffset(), content.length());
      while (start < end && content.charAt(start) == VALUE_BREAK) {
        start++;
      }
      while (end > start && content.charAt(end - 1) == VALUE_BREAK) {
        end--;
      }
      if (end - start > LONGEST_PASSAGE) {
        int firstMatch = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : start;
        start = Math.max(start, firstMatch - LONGEST_PASSAGE / 3);
        end = Math.min(end, start + LONGEST_PASSAGE);
      }
      int at = start;
      for (int match = 0; match < passage.getNumMatches(); match++) {
        int matchStart = Math.max(passage.getMatchStarts()[match], at);
        int matchEnd = Math.min(passage.getMatchEnds()[match], end);
        if (matchStart >= matchEnd) {
          continue;
        }
        if (matchStart > at) {
          parts.add(new Snippet.Part(shown(content.substring(at, matchStart)), false));
        }
        parts.add(new Snippet.Part(shown(content.substring(matchStart, matchEnd)), true));
        at = matchEnd;
      }
      if (at < end) {
        parts.add(new Snippet.Part(shown(content.substring(at, end)).stripTrailing(), false));
      }
    }

    /** Text of a passage as shown: the breaks between names written as {@link #NAME_SEPARATOR}. */
    private static String shown(String text) {
      return text.indexOf(VALUE_BREAK) < 0 ? text : text.replace(String.valueOf(VALUE_BREAK), NAME_SEPARATOR);
    }
  }
}
