package org.casebook.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.dates.PartialDate;
import org.casebook.search.Facet;
import org.casebook.search.FacetCount;
import org.casebook.search.IndexStats;
import org.casebook.search.RecordKind;
import org.casebook.search.RecordRef;
import org.casebook.search.SearchBackend;
import org.casebook.search.SearchDocument;
import org.casebook.search.SearchHit;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchResult;
import org.casebook.search.Snippet;
import org.casebook.search.SortOrder;
import org.casebook.search.Trim;
import org.casebook.search.lucene.TextAnalysis;
import org.casebook.storage.StorageUnavailable;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch._types.aggregations.ScriptedMetricAggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.indices.GetAliasResponse;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The search index in an OpenSearch cluster, chosen with {@code search.backend=opensearch}: the
 * same behaviour as the embedded Lucene index (the shared behaviour tests run against both),
 * through the OpenSearch Java client over HTTP.
 *
 * <p><b>Analysis</b> is Casebook's own ({@link TextAnalysis}): each text is analysed here, by the
 * same analyzers as the Lucene index (ICU folding, Cyrillic in Latin letters, Kazakh letters,
 * English and Russian stems), and sent as its terms, which the index cuts at white space only.
 * OpenSearch has no transliteration without the ICU plugin, and no Kazakh folding at all; doing
 * it here needs no plugin in the cluster and lets both backends hold the same terms. The query of
 * what was typed is built by the Lucene translator and written in OpenSearch's query language
 * ({@link Queries}); snippets are cut here from the hits' stored texts, as the Lucene backend cuts
 * them. Trimming, facet filters and the date range are filters inside the query; facets are terms
 * aggregations, so totals, counts and hits hold only what the caller may see.
 *
 * <p><b>Indices</b>: searches go to the alias {@code <name>}, which points at one index {@code
 * <name>-<layout>-<time>} ({@link Layout}); {@code <name>-state} holds the database and outbox
 * position of the last commit. Indices are created with {@code refresh_interval: -1}: writes are
 * sent at once (in bulk) but become visible only at {@link #commit}, which refreshes the index and
 * then records the state. {@link #deleteAll} (before a rebuild) starts a new index, written while
 * searches still see the old one; the commit moves the alias to it in one step and deletes the
 * old one. Unlike the Lucene index, writes not yet committed may survive a crash of Casebook
 * (OpenSearch keeps its own translog): they are the outbox's rows, which are applied again.
 *
 * <p>Searches of one backend ask the same copies of the shards every time ({@code preference}),
 * so that pages of one search follow each other when scores tie. Thread-safe.
 */
public final class OpenSearchBackend implements SearchBackend {
  private static final String STATE_ID = "state";
  private static final String PREFERENCE = "casebook";
  /** The most values of one facet counted. */
  private static final int FACET_VALUES = 10_000;
  /** The most kinds counted by {@link #stats}: far more than there are. */
  private static final int STATS_KINDS = 100;
  private static final String KINDS = "kinds";
  private static final String FINGERPRINT_SUM = "fingerprint_sum";
  /**
   * The sum of the fingerprints of a kind's documents, in Painless: Java's long arithmetic, which
   * wraps around as {@link IndexStats} requires, in the map, combine and reduce steps alike; the
   * total is returned as text, so that it reaches Casebook as the exact long.
   */
  private static final ScriptedMetricAggregation FINGERPRINT_SUM_SCRIPTS =
      ScriptedMetricAggregation.of(
          metric -> metric
              .initScript(painless("state.sum = 0L"))
              .mapScript(painless("if (doc['" + Layout.FINGERPRINT + "'].size() > 0) { state.sum += doc['" + Layout.FINGERPRINT + "'].value }"))
              .combineScript(painless("return state.sum"))
              .reduceScript(painless("long sum = 0L; for (def shard : states) { if (shard != null) { sum += (long) shard } } return Long.toString(sum)")));

  private final OpenSearchTransport transport;
  private final OpenSearchClient client;
  private final String alias;
  private final String stateIndex;
  private final int replicas;
  private final TextAnalysis analysis = new TextAnalysis();
  private final Queries queries = new Queries();
  private final ObjectMapper json = new ObjectMapper();

  /** The index the alias points at, or null before the first one is made. */
  private volatile String current;
  /** The index a rebuild writes, until its commit; null when none is under way. */
  private String next;

  private OpenSearchBackend(OpenSearchTransport transport, String alias, int replicas) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
    this.alias = alias;
    this.stateIndex = alias + "-state";
    this.replicas = replicas;
  }

  /**
   * Connects to the cluster at {@code urls} without credentials and opens the index {@code name};
   * see {@link #open(ClusterAccess, String, int)}.
   */
  public static OpenSearchBackend open(List<URI> urls, String name, int replicas) {
    return open(ClusterAccess.open(urls), name, replicas);
  }

  /**
   * Connects to the cluster as {@code access} says and opens the index {@code name} (a lower-case
   * OpenSearch index name), creating it when absent, with {@code replicas} copies of each shard
   * besides the primary. Refused with {@link StorageUnavailable}, saying why, when the cluster
   * cannot be reached, its certificate is not trusted, or it refuses the credentials.
   */
  public static OpenSearchBackend open(ClusterAccess access, String name, int replicas) {
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,100}")) {
      throw new IllegalArgumentException("not an OpenSearch index name: " + name);
    }
    OpenSearchTransport transport = access.transport(new JacksonJsonpMapper(new ObjectMapper()));
    OpenSearchBackend backend = new OpenSearchBackend(transport, name, replicas);
    try {
      backend.start();
    } catch (IOException | OpenSearchException | UncheckedIOException e) {
      backend.close();
      throw new StorageUnavailable("cannot open the search index " + name + " at " + access + ": " + access.explain(e), e);
    }
    return backend;
  }

  /**
   * Finds the index the alias points at (making the first one), and drops those of this alias
   * left by a rebuild that never committed, once they are a day old (younger ones may be another
   * server's rebuild under way).
   */
  private void start() throws IOException {
    if (!client.indices().exists(request -> request.index(stateIndex)).value()) {
      client.indices().create(request -> request.index(stateIndex).settings(settings -> settings.numberOfShards("1").numberOfReplicas(Integer.toString(replicas)))
          .mappings(mapping -> mapping.dynamic(DynamicMapping.False)));
    }
    if (client.indices().existsAlias(request -> request.name(alias)).value()) {
      GetAliasResponse aliases = client.indices().getAlias(request -> request.name(alias));
      current = aliases.result().keySet().iterator().next();
    } else {
      current = create();
      String made = current;
      client.indices().updateAliases(request -> request.actions(action -> action.add(add -> add.index(made).alias(alias))));
    }
    long dayAgo = Instant.now().minus(Duration.ofDays(1)).toEpochMilli();
    for (String left : client.indices().get(request -> request.index(alias + "-*").ignoreUnavailable(true).allowNoIndices(true)).result().keySet()) {
      Long made = Layout.madeAt(alias, left);
      if (!left.equals(current) && made != null && made < dayAgo) {
        client.indices().delete(request -> request.index(left));
      }
    }
  }

  /** Creates a new, empty index in the current {@link Layout}, returning its name. */
  private String create() throws IOException {
    String name = alias + "-" + Layout.VERSION + "-" + Instant.now().toEpochMilli();
    client.indices().create(request -> request.index(name).settings(Layout.settings(replicas)).mappings(Layout.mapping()));
    client.cluster().health(request -> request.index(name).waitForStatus(org.opensearch.client.opensearch._types.HealthStatus.Yellow));
    return name;
  }

  private synchronized String writing() {
    return next != null ? next : current;
  }

  @Override
  public void index(Collection<SearchDocument> documents) {
    if (documents.isEmpty()) {
      return;
    }
    String target = writing();
    List<BulkOperation> operations = new ArrayList<>();
    for (SearchDocument document : documents) {
      ObjectNode source = Layout.source(document, analysis, json);
      operations.add(BulkOperation.of(operation -> operation.index(index -> index.index(target).id(Layout.key(document.ref())).document(source))));
    }
    bulk(operations);
  }

  @Override
  public void delete(Collection<RecordRef> records) {
    if (records.isEmpty()) {
      return;
    }
    String target = writing();
    List<BulkOperation> operations = new ArrayList<>();
    for (RecordRef record : records) {
      operations.add(BulkOperation.of(operation -> operation.delete(delete -> delete.index(target).id(Layout.key(record)))));
    }
    bulk(operations);
  }

  private void bulk(List<BulkOperation> operations) {
    try {
      BulkResponse response = client.bulk(BulkRequest.of(request -> request.operations(operations)));
      if (response.errors()) {
        String reasons =
            response.items().stream().filter(item -> item.error() != null && item.status() != 404)
                .map(item -> item.id() + ": " + item.error().reason()).limit(5).reduce((a, b) -> a + "; " + b).orElse(null);
        if (reasons != null) {
          throw new UncheckedIOException(new IOException("OpenSearch refused writes to the search index: " + reasons));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the search index", e);
    }
  }

  /** Starts a new, empty index for a rebuild; searches see the old one until the commit. */
  @Override
  public synchronized void deleteAll() {
    try {
      if (next != null) {
        String abandoned = next;
        client.indices().delete(request -> request.index(abandoned));
      }
      next = create();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the search index", e);
    }
  }

  @Override
  public synchronized void commit(String databaseId, long position) {
    try {
      String written = writing();
      client.indices().refresh(request -> request.index(written));
      if (next != null) {
        String old = current;
        String made = next;
        client.indices().updateAliases(request -> request
            .actions(action -> action.remove(remove -> remove.index(old).alias(alias)))
            .actions(action -> action.add(add -> add.index(made).alias(alias))));
        current = made;
        next = null;
        client.indices().delete(request -> request.index(old));
      }
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("database", databaseId);
      state.put("position", position);
      state.put("index", current);
      client.index(request -> request.index(stateIndex).id(STATE_ID).document(state).refresh(Refresh.True));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the search index", e);
    }
  }

  @Override
  public SearchResult search(SearchQuery search, Trim trim) {
    org.apache.lucene.search.Query text = analysis.textQuery(search.parsed());
    Query query = queries.query(search, text == null ? null : queries.text(text), trim);
    int from = (search.page() - 1) * search.size();
    boolean full = search.detail() == SearchQuery.Detail.FULL;
    SearchRequest.Builder request =
        new SearchRequest.Builder()
            .index(alias)
            .preference(PREFERENCE)
            .query(query)
            .from(from)
            .size(search.size())
            // Without an exact total and facets, the nodes may skip matches that cannot make the page.
            .trackTotalHits(total -> full ? total.enabled(true) : total.count(from + search.size()))
            .source(source -> source.filter(filter -> filter.includes(Layout.STORED)));
    if (search.sort() == SortOrder.DATE) {
      request.sort(sort -> sort.field(field -> field.field(Layout.SORT_DATE).order(org.opensearch.client.opensearch._types.SortOrder.Desc).missing(FieldValue.of("_last"))));
      request.sort(sort -> sort.score(score -> score.order(org.opensearch.client.opensearch._types.SortOrder.Desc)));
    }
    if (full) {
      for (Facet facet : Facet.values()) {
        request.aggregations(facet.parameter(), aggregation -> aggregation.terms(terms -> terms.field(Layout.facetField(facet)).size(FACET_VALUES)));
      }
    }
    SearchResponse<ObjectNode> response;
    try {
      response = client.search(request.build(), ObjectNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
    List<ObjectNode> stored = new ArrayList<>();
    for (Hit<ObjectNode> hit : response.hits().hits()) {
      stored.add((ObjectNode) hit.source().get(Layout.STORED));
    }
    List<Snippet> snippets = full ? analysis.snippets(search.parsed(), texts(stored)) : Collections.nCopies(stored.size(), Snippet.EMPTY);
    List<SearchHit> hits = new ArrayList<>();
    for (int index = 0; index < stored.size(); index++) {
      hits.add(hit(stored.get(index), snippets.get(index)));
    }
    return new SearchResult(hits, response.hits().total().value(), search.page(), search.size(), full ? facets(response.aggregations()) : Map.of());
  }

  /** The texts snippets are cut from, of each hit's stored part. */
  private static List<TextAnalysis.Texts> texts(List<ObjectNode> stored) {
    List<TextAnalysis.Texts> texts = new ArrayList<>();
    for (JsonNode shown : stored) {
      List<String> names = new ArrayList<>();
      shown.path("names").forEach(name -> names.add(name.asText()));
      texts.add(new TextAnalysis.Texts(names, shown.path("body").asText("")));
    }
    return texts;
  }

  private static SearchHit hit(ObjectNode shown, Snippet snippet) {
    List<UUID> cases = new ArrayList<>();
    shown.path("cases").forEach(caseId -> cases.add(UUID.fromString(caseId.asText())));
    String date = shown.path("date").asText(null);
    return new SearchHit(
        RecordKind.byCode(shown.path("kind").asText()).orElseThrow(),
        UUID.fromString(shown.path("id").asText()),
        cases,
        shown.path("title").asText(""),
        snippet,
        date == null ? null : PartialDate.parse(date));
  }

  /** Every value of every facet with a match, most frequent first, then by value. */
  private static Map<Facet, List<FacetCount>> facets(Map<String, Aggregate> aggregations) {
    Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      Aggregate aggregate = aggregations.get(facet.parameter());
      if (aggregate == null || !aggregate.isSterms()) {
        continue;
      }
      List<FacetCount> counts = new ArrayList<>();
      for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
        counts.add(new FacetCount(bucket.key(), bucket.docCount()));
      }
      counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
      if (!counts.isEmpty()) {
        facets.put(facet, counts);
      }
    }
    return facets;
  }

  /**
   * What the last commit holds: the state document, and per kind the documents and the sum of
   * their fingerprints, in one search of no hits. A terms aggregation on the kind counts the
   * documents; under it, a scripted metric sums the fingerprints as Java longs, with wrap-around, on
   * each shard and again across shards ({@link #FINGERPRINT_SUM_SCRIPTS}). It returns the sum as
   * text: a number in the answer's JSON would be read back as a double, which holds 53 bits.
   */
  @Override
  public IndexStats stats() {
    try {
      String searched = current;
      GetResponse<ObjectNode> state = client.get(request -> request.index(stateIndex).id(STATE_ID), ObjectNode.class);
      if (!state.found() || state.source() == null || !Layout.VERSION.equals(Layout.versionOf(alias, searched)) || !searched.equals(state.source().path("index").asText())) {
        return IndexStats.unusable();
      }
      SearchResponse<ObjectNode> response =
          client.search(
              request -> request.index(searched).size(0).query(all -> all.matchAll(match -> match))
                  .aggregations(KINDS, kinds -> kinds
                      .terms(terms -> terms.field(Layout.KIND).size(STATS_KINDS))
                      .aggregations(FINGERPRINT_SUM, sum -> sum.scriptedMetric(FINGERPRINT_SUM_SCRIPTS))),
              ObjectNode.class);
      Aggregate kinds = response.aggregations().get(KINDS);
      Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
      Map<RecordKind, Long> fingerprints = new EnumMap<>(RecordKind.class);
      for (StringTermsBucket bucket : kinds.sterms().buckets().array()) {
        RecordKind kind = RecordKind.byCode(bucket.key()).orElseThrow(() -> new IllegalStateException("unknown kind in the search index: " + bucket.key()));
        counts.put(kind, bucket.docCount());
        fingerprints.put(kind, Long.parseLong(bucket.aggregations().get(FINGERPRINT_SUM).scriptedMetric().value().to(String.class)));
      }
      return new IndexStats(state.source().path("database").asText(), state.source().path("position").asLong(), counts, fingerprints);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index", e);
    }
  }

  private static Script painless(String source) {
    return Script.of(script -> script.inline(inline -> inline.lang("painless").source(source)));
  }

  /** Closes the connection; a rebuild's index not yet committed is dropped at the next open. */
  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the connection to OpenSearch", e);
    }
  }

  /** The alias searches go to, for tests and diagnostics. */
  public String alias() {
    return alias;
  }
}
