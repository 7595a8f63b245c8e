package org.casebook.search.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.casebook.search.DateSpan;
import org.casebook.search.Facet;
import org.casebook.search.RecordRef;
import org.casebook.search.SearchDocument;
import org.casebook.search.lucene.TextAnalysis;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * The layout of a document in the OpenSearch index. Changing it (fields, analysis) means raising
 * {@link #VERSION}, which is part of the index's name: a server whose alias points at an index of
 * another version finds its {@code stats} unusable and rebuilds into a new index.
 *
 * <ul>
 *   <li>{@code _id} and {@code key}: kind and id ({@code person:<uuid>}), {@code key} for paging
 *       through the index in order;
 *   <li>{@code stored}: what hits and snippets are made of (kind, id, cases, title, names, body,
 *       date), kept in the source and not indexed;
 *   <li>searched: {@code <group>_fold|en|ru} for the text groups, holding the terms Casebook's
 *       analysis made ({@link TextAnalysis#terms}) separated by spaces, cut again at white space
 *       only ({@link #TERMS}); {@code cite} the citation keys;
 *   <li>trimming: {@code acl} the case files through which a document is seen, {@code creator};
 *   <li>facets: {@code f_<facet>} keywords, filtered on and counted;
 *   <li>dates: {@code from} and {@code to} (epoch days, open ends at the extremes of a long) for
 *       the range filter, {@code sort_date} the partial date's sort key; {@code kind} and {@code
 *       fingerprint} for the stats.
 * </ul>
 */
final class Layout {
  /** The layout version, part of every index's name. */
  static final String VERSION = "1";

  /** The analyzer of the searched text fields: terms already made by Casebook, cut at white space. */
  static final String TERMS = "casebook_terms";

  static final String KEY = "key";
  static final String STORED = "stored";
  static final String KIND = "kind";
  static final String FINGERPRINT = "fingerprint";
  static final String CITE = "cite";
  static final String ACL = "acl";
  static final String CREATOR = "creator";
  static final String FROM = "from";
  static final String TO = "to";
  static final String SORT_DATE = "sort_date";

  private static final List<String> SUFFIXES = List.of("fold", "en", "ru");

  private Layout() {}

  /** The OpenSearch field of a field of Casebook's analysis ({@code title.fold} is {@code title_fold}). */
  static String field(String luceneField) {
    return luceneField.replace('.', '_');
  }

  static String facetField(Facet facet) {
    return "f_" + facet.parameter();
  }

  static String key(RecordRef ref) {
    return ref.kind().code() + ":" + ref.id();
  }

  static long day(LocalDate day, long open) {
    return day == null ? open : day.toEpochDay();
  }

  /** The layout version of an index named {@code <alias>-<version>-<time>}, or null for another name. */
  static String versionOf(String alias, String index) {
    String[] parts = parts(alias, index);
    return parts == null ? null : parts[0];
  }

  /** When an index named {@code <alias>-<version>-<time>} was made (epoch milliseconds), or null for another name. */
  static Long madeAt(String alias, String index) {
    String[] parts = parts(alias, index);
    return parts == null ? null : Long.valueOf(parts[1]);
  }

  private static String[] parts(String alias, String index) {
    if (index == null || !index.startsWith(alias + "-") || !index.substring(alias.length() + 1).matches("[0-9]{1,9}-[0-9]{1,18}")) {
      return null;
    }
    return index.substring(alias.length() + 1).split("-");
  }

  /**
   * One primary shard (the index is small: a shard scores with the statistics of the whole index,
   * as the Lucene index does), {@code replicas} replicas, and no periodic refresh: writes become
   * visible at the backend's commit.
   */
  static IndexSettings settings(int replicas) {
    return IndexSettings.of(
        settings ->
            settings
                .numberOfShards("1")
                .numberOfReplicas(Integer.toString(replicas))
                .refreshInterval(time -> time.time("-1"))
                .analysis(
                    analysis ->
                        analysis
                            .tokenizer(TERMS, tokenizer -> tokenizer.definition(definition -> definition.whitespace(whitespace -> whitespace.maxTokenLength(4096))))
                            .analyzer(TERMS, analyzer -> analyzer.custom(custom -> custom.tokenizer(TERMS)))));
  }

  static TypeMapping mapping() {
    TypeMapping.Builder mapping = new TypeMapping.Builder().dynamic(DynamicMapping.Strict).meta("casebook_layout", JsonData.of(VERSION));
    mapping.properties(KEY, property -> property.keyword(keyword -> keyword));
    mapping.properties(KIND, property -> property.keyword(keyword -> keyword));
    mapping.properties(FINGERPRINT, property -> property.long_(number -> number.index(false)));
    mapping.properties(STORED, property -> property.object(object -> object.enabled(false)));
    for (String group : TextAnalysis.GROUPS) {
      for (String suffix : SUFFIXES) {
        mapping.properties(group + "_" + suffix, property -> property.text(text -> text.analyzer(TERMS)));
      }
    }
    for (String keyword : List.of(CITE, ACL, CREATOR, SORT_DATE)) {
      mapping.properties(keyword, property -> property.keyword(field -> field));
    }
    for (Facet facet : Facet.values()) {
      mapping.properties(facetField(facet), property -> property.keyword(field -> field));
    }
    mapping.properties(FROM, property -> property.long_(number -> number));
    mapping.properties(TO, property -> property.long_(number -> number));
    return mapping.build();
  }

  /** The source of {@code document} in the index. */
  static ObjectNode source(SearchDocument document, TextAnalysis analysis, ObjectMapper json) {
    ObjectNode source = json.createObjectNode();
    source.put(KEY, key(document.ref()));
    source.put(KIND, document.kind().code());
    source.put(FINGERPRINT, document.fingerprint());

    ObjectNode stored = source.putObject(STORED);
    stored.put("kind", document.kind().code());
    stored.put("id", document.id().toString());
    ArrayNode cases = stored.putArray("cases");
    document.access().caseIds().forEach(caseId -> cases.add(caseId.toString()));
    stored.put("title", document.title());
    ArrayNode names = stored.putArray("names");
    document.names().forEach(names::add);
    stored.put("body", document.body());
    if (document.date() != null) {
      stored.put("date", document.date().toEdtf());
      source.put(SORT_DATE, document.date().sortKey());
    }

    text(source, analysis, "title", List.of(document.title()));
    text(source, analysis, "names", document.names());
    text(source, analysis, "body", document.body().isEmpty() ? List.of() : List.of(document.body()));
    text(source, analysis, "charges", document.charges().isEmpty() ? List.of() : List.of(document.charges()));

    strings(source, CITE, new TreeSet<>(document.citations()));
    ArrayNode acl = source.putArray(ACL);
    for (UUID caseId : document.access().caseIds()) {
      acl.add(caseId.toString());
    }
    if (document.access().creator() != null) {
      source.put(CREATOR, document.access().creator());
    }
    for (Map.Entry<Facet, Set<String>> facet : document.facets().entrySet()) {
      strings(source, facetField(facet.getKey()), new TreeSet<>(facet.getValue()));
    }
    DateSpan span = document.span();
    if (span != null) {
      source.put(FROM, day(span.from(), Long.MIN_VALUE));
      source.put(TO, day(span.to(), Long.MAX_VALUE));
    }
    return source;
  }

  /** The analysed fields of a group's texts, one value per text (a name, the body). */
  private static void text(ObjectNode source, TextAnalysis analysis, String group, List<String> texts) {
    for (String text : texts) {
      for (Map.Entry<String, List<String>> field : analysis.terms(group, text).entrySet()) {
        ArrayNode values = source.has(field(field.getKey())) ? (ArrayNode) source.get(field(field.getKey())) : source.putArray(field(field.getKey()));
        values.add(String.join(" ", field.getValue()));
      }
    }
  }

  private static void strings(ObjectNode source, String field, Set<String> values) {
    ArrayNode array = source.putArray(field);
    values.forEach(array::add);
  }
}
