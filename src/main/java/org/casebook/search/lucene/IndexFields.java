package org.casebook.search.lucene;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.casebook.dates.PartialDate;
import org.casebook.search.DateSpan;
import org.casebook.search.Facet;
import org.casebook.search.RecordKind;
import org.casebook.search.RecordRef;
import org.casebook.search.SearchDocument;
import org.casebook.search.SearchHit;
import org.casebook.search.Snippet;

/**
 * The layout of a document in the Lucene index. Changing it (fields, analysis) means raising
 * {@link #LAYOUT}, which makes every server rebuild its index at its next start.
 *
 * <ul>
 *   <li>{@code key}: kind and id, the term by which a document is replaced or removed;
 *   <li>stored for hits: {@code kind}, {@code id}, {@code cases}, {@code title}, {@code date}
 *       (EDTF);
 *   <li>searched: {@code <group>.fold|en|ru} for the groups {@link #TEXT_GROUPS} (see {@link
 *       Analysis}); for {@code names} and {@code body} with offsets, and the text stored in the
 *       {@code .fold} field, for snippets; {@code cite} the citation keys;
 *   <li>trimming: {@code acl} the case files through which a document is seen, {@code creator};
 *   <li>facets: {@code f.<facet>} as terms (for filters) and sorted-set doc values (for counts);
 *   <li>dates: {@code from} and {@code to} as points (epoch days, open ends at the extremes) for
 *       the range filter, {@code sort_date} the partial date's sort key, {@code fingerprint} (see
 *       {@link SearchDocument#fingerprint()}).
 * </ul>
 */
final class IndexFields {
  /** The layout version, kept in every commit. */
  static final String LAYOUT = "3";

  static final String KEY = "key";
  static final String KIND = "kind";
  static final String ID = "id";
  static final String CASES = "cases";
  static final String TITLE = "title";
  static final String NAMES = "names";
  static final String BODY = "body";
  static final String CHARGES = "charges";
  static final String DATE = "date";
  static final String CITE = "cite";
  static final String ACL = "acl";
  static final String CREATOR = "creator";
  static final String FROM = "from";
  static final String TO = "to";
  static final String SORT_DATE = "sort_date";
  static final String FINGERPRINT = "fingerprint";

  /** The stored fields a hit is made of ({@link #hit}): not the texts snippets are cut from. */
  static final Set<String> HIT_FIELDS = Set.of(KIND, ID, CASES, TITLE, DATE);

  static final List<String> TEXT_GROUPS = List.of(TITLE, NAMES, BODY, CHARGES);
  static final List<String> SUFFIXES = List.of(Analysis.FOLD, Analysis.ENGLISH, Analysis.RUSSIAN);

  /** Text searched by phrase and term, without offsets. */
  private static final FieldType SEARCHED = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
  /** Text whose matches snippets mark: offsets in the postings. */
  private static final FieldType HIGHLIGHTED = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
  /** The text snippets are cut from ({@code <group>.fold}): stored, with offsets in the postings. */
  private static final FieldType HIGHLIGHTED_STORED = storedTextType();

  private IndexFields() {}

  private static FieldType storedTextType() {
    FieldType type = new FieldType(textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS));
    type.setStored(true);
    type.freeze();
    return type;
  }

  private static FieldType textType(IndexOptions options) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(false);
    type.setIndexOptions(options);
    type.freeze();
    return type;
  }

  /** The doc-values and term field of a facet. */
  static String facetField(Facet facet) {
    return "f." + facet.parameter();
  }

  static Term key(RecordRef ref) {
    return new Term(KEY, ref.kind().code() + ":" + ref.id());
  }

  /** The Lucene document of {@code document}. */
  static Document toLucene(SearchDocument document) {
    Document lucene = new Document();
    lucene.add(new StringField(KEY, key(document.ref()).text(), Field.Store.NO));
    lucene.add(new StoredField(KIND, document.kind().code()));
    lucene.add(new StoredField(ID, document.id().toString()));
    for (UUID caseId : document.access().caseIds()) {
      lucene.add(new StoredField(CASES, caseId.toString()));
      lucene.add(new StringField(ACL, caseId.toString(), Field.Store.NO));
    }
    if (document.access().creator() != null) {
      lucene.add(new StringField(CREATOR, document.access().creator(), Field.Store.NO));
    }
    lucene.add(new StoredField(TITLE, document.title()));
    text(lucene, TITLE, document.title(), SEARCHED);
    for (String name : document.names()) {
      highlighted(lucene, NAMES, name);
    }
    if (!document.body().isEmpty()) {
      highlighted(lucene, BODY, document.body());
    }
    if (!document.charges().isEmpty()) {
      text(lucene, CHARGES, document.charges(), SEARCHED);
    }
    for (String citation : document.citations()) {
      lucene.add(new StringField(CITE, citation, Field.Store.NO));
    }
    for (Map.Entry<Facet, Set<String>> facet : document.facets().entrySet()) {
      for (String value : facet.getValue()) {
        lucene.add(new StringField(facetField(facet.getKey()), value, Field.Store.NO));
        lucene.add(new SortedSetDocValuesField(facetField(facet.getKey()), new BytesRef(value)));
      }
    }
    if (document.date() != null) {
      lucene.add(new StoredField(DATE, document.date().toEdtf()));
      lucene.add(new SortedDocValuesField(SORT_DATE, new BytesRef(document.date().sortKey())));
    }
    DateSpan span = document.span();
    if (span != null) {
      lucene.add(new LongPoint(FROM, day(span.from(), Long.MIN_VALUE)));
      lucene.add(new LongPoint(TO, day(span.to(), Long.MAX_VALUE)));
    }
    lucene.add(new NumericDocValuesField(FINGERPRINT, document.fingerprint()));
    return lucene;
  }

  private static void text(Document lucene, String group, String text, FieldType type) {
    lucene.add(new Field(group + Analysis.FOLD, text, type));
    addStemmed(lucene, group, text, type);
  }

  /**
   * The stemmed fields of a text, each only for a text in its script: English stems for a text
   * with Latin letters, Russian stems for one with Cyrillic letters. The other would hold the same
   * terms as the fold field and only cost time (analysis is most of the cost of indexing).
   */
  private static void addStemmed(Document lucene, String group, String text, FieldType type) {
    for (String suffix : stemmed(text)) {
      lucene.add(new Field(group + suffix, text, type));
    }
  }

  /** The suffixes of the stemmed fields written for {@code text}: see {@link #addStemmed}. */
  static List<String> stemmed(String text) {
    boolean latin = false;
    boolean cyrillic = false;
    for (int index = 0; index < text.length() && !(latin && cyrillic); index++) {
      char character = text.charAt(index);
      latin |= (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') || (character >= '\u00C0' && character <= '\u024F');
      cyrillic |= character >= '\u0400' && character <= '\u04FF';
    }
    if (latin && cyrillic) {
      return List.of(Analysis.ENGLISH, Analysis.RUSSIAN);
    }
    return latin ? List.of(Analysis.ENGLISH) : cyrillic ? List.of(Analysis.RUSSIAN) : List.of();
  }

  /** A document of only the texts snippets are cut from, for {@link TextAnalysis#snippets}. */
  static Document snippetSource(List<String> names, String body) {
    Document lucene = new Document();
    for (String name : names) {
      highlighted(lucene, NAMES, name);
    }
    if (!body.isEmpty()) {
      highlighted(lucene, BODY, body);
    }
    return lucene;
  }

  /** The text of a group that snippets are cut from: stored once, in its fold field. */
  private static void highlighted(Document lucene, String group, String text) {
    lucene.add(new Field(group + Analysis.FOLD, text, HIGHLIGHTED_STORED));
    addStemmed(lucene, group, text, HIGHLIGHTED);
  }

  /** The stored field of a group's text, which snippets are cut from. */
  static String snippetField(String group) {
    return group + Analysis.FOLD;
  }

  static long day(LocalDate day, long open) {
    return day == null ? open : day.toEpochDay();
  }

  /** A hit from a stored document, with its snippet. */
  static SearchHit hit(Document stored, Snippet snippet) {
    List<UUID> cases = new ArrayList<>();
    for (String caseId : stored.getValues(CASES)) {
      cases.add(UUID.fromString(caseId));
    }
    String date = stored.get(DATE);
    return new SearchHit(
        RecordKind.byCode(stored.get(KIND)).orElseThrow(),
        UUID.fromString(stored.get(ID)),
        cases,
        stored.get(TITLE),
        snippet,
        date == null ? null : PartialDate.parse(date));
  }
}
