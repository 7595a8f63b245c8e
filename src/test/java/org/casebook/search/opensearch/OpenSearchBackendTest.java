package org.casebook.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.casebook.dates.PartialDate;
import org.casebook.search.Access;
import org.casebook.search.DateSpan;
import org.casebook.search.IndexStats;
import org.casebook.search.RecordKind;
import org.casebook.search.SearchDocument;
import org.casebook.search.SearchHit;
import org.casebook.search.SearchQuery;
import org.casebook.search.Trim;
import org.casebook.storage.StorageUnavailable;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch backend's own contract, beyond what the behaviour suite searches: writes become
 * visible at the commit and not before, a rebuild is switched in whole at its commit, the stats
 * and the index survive reopening, and text typed into a document comes back as stored.
 */
class OpenSearchBackendTest {
  private static final Trim ALL = Trim.unrestricted();

  private static OpenSearchBackend open(String index) {
    return OpenSearchBackend.open(TestOpenSearch.urls().stream().map(URI::create).toList(), index, TestOpenSearch.NODES - 1);
  }

  private static SearchDocument person(String name, String body) {
    return document(RecordKind.PERSON, UUID.randomUUID(), 1, name, body);
  }

  private static SearchDocument document(RecordKind kind, UUID id, int version, String name, String body) {
    PartialDate date = PartialDate.parse("2016-12");
    return new SearchDocument(
        kind, id, version, new Access(List.of(UUID.randomUUID()), null), name, List.of(name), body, "",
        Set.of(), date, DateSpan.of(date), Map.of());
  }

  /** A document of {@code kind} whose fingerprint {@code wanted} accepts, its id drawn from {@code random}. */
  private static SearchDocument withFingerprint(RecordKind kind, Random random, LongPredicate wanted) {
    while (true) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      int version = 1 + random.nextInt(5);
      if (wanted.test(SearchDocument.fingerprint(id, version))) {
        return document(kind, id, version, "Record " + id, "Invented text");
      }
    }
  }

  @Test
  void statsCountEachKindAndSumItsFingerprintsWithWrapAroundInOneSearch() {
    long seed = Long.getLong("casebook.statsSeed", new Random().nextLong());
    System.out.println("OpenSearchBackendTest seed: " + seed + " (replay with -Dcasebook.statsSeed=" + seed + ")");
    Random random = new Random(seed);
    LongPredicate nearMax = fingerprint -> fingerprint > Long.MAX_VALUE - (1L << 55);
    LongPredicate nearMin = fingerprint -> fingerprint < Long.MIN_VALUE + (1L << 55);
    LongPredicate any = fingerprint -> true;
    List<SearchDocument> documents = new ArrayList<>();
    for (int index = 0; index < 7; index++) {
      documents.add(withFingerprint(RecordKind.PERSON, random, nearMax));
      documents.add(withFingerprint(RecordKind.EVENT, random, nearMin));
    }
    for (int index = 0; index < 5; index++) {
      documents.add(withFingerprint(RecordKind.SOURCE, random, nearMax));
      documents.add(withFingerprint(RecordKind.SOURCE, random, nearMin));
      documents.add(withFingerprint(RecordKind.SOURCE, random, any));
      documents.add(withFingerprint(RecordKind.COMMUNICATION, random, any));
    }
    documents.add(document(RecordKind.ORGANIZATION, UUID.randomUUID(), 1, "Organization", "Invented text"));

    try (OpenSearchBackend backend = open("casebook-stats"); PagedStats paged = new PagedStats(TestOpenSearch.urls())) {
      backend.index(documents);
      backend.commit("database-stats", 42);
      assertStats(backend, paged, documents);
      java.math.BigInteger exactPersons =
          documents.stream().filter(document -> document.kind() == RecordKind.PERSON)
              .map(document -> java.math.BigInteger.valueOf(document.fingerprint())).reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add);
      assertThat(exactPersons).as("the persons' sum wraps around").isGreaterThan(java.math.BigInteger.valueOf(Long.MAX_VALUE));

      List<SearchDocument> removed = List.of(documents.get(0), documents.get(1), documents.get(documents.size() - 1));
      backend.delete(removed.stream().map(SearchDocument::ref).toList());
      backend.commit("database-stats", 43);
      List<SearchDocument> left = new ArrayList<>(documents);
      left.removeAll(removed);
      assertStats(backend, paged, left);
      assertThat(backend.stats().counts()).containsEntry(RecordKind.ORGANIZATION, 0L);
    }
  }

  private static void assertStats(OpenSearchBackend backend, PagedStats paged, List<SearchDocument> documents) {
    Map<RecordKind, Long> counts = new java.util.EnumMap<>(RecordKind.class);
    Map<RecordKind, Long> sums = new java.util.EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      counts.put(kind, 0L);
      sums.put(kind, 0L);
    }
    for (SearchDocument document : documents) {
      counts.merge(document.kind(), 1L, Long::sum);
      sums.merge(document.kind(), document.fingerprint(), Long::sum);
    }
    IndexStats stats = backend.stats();
    assertThat(stats.databaseId()).isEqualTo("database-stats");
    assertThat(stats.counts()).isEqualTo(counts);
    assertThat(stats.fingerprints()).isEqualTo(sums);
    IndexStats pagedStats = new IndexStats("database-stats", stats.position(), paged.read(backend.alias()).counts(), paged.read(backend.alias()).fingerprints());
    assertThat(stats).as("the same as read page by page").isEqualTo(pagedStats);
  }

  private static List<String> titles(OpenSearchBackend backend, String text) {
    return backend.search(SearchQuery.of(text), ALL).hits().stream().map(SearchHit::title).toList();
  }

  @Test
  void writesAreSeenFromTheCommitOnAndARebuildIsSwitchedInWhole() {
    try (OpenSearchBackend backend = open("casebook-contract")) {
      SearchDocument first = person("Aigerim Nurlanova", "Detained in Almaty");
      backend.index(List.of(first));
      assertThat(titles(backend, "Nurlanova")).as("before the commit").isEmpty();
      backend.commit("database-1", 7);
      assertThat(titles(backend, "Нурланова")).containsExactly("Aigerim Nurlanova");

      IndexStats stats = backend.stats();
      assertThat(stats.databaseId()).isEqualTo("database-1");
      assertThat(stats.position()).isEqualTo(7);
      assertThat(stats.counts()).containsEntry(RecordKind.PERSON, 1L);
      assertThat(stats.fingerprints()).containsEntry(RecordKind.PERSON, first.fingerprint());

      backend.delete(List.of(first.ref()));
      assertThat(titles(backend, "Nurlanova")).as("a delete before the commit").hasSize(1);
      backend.commit("database-1", 8);
      assertThat(titles(backend, "Nurlanova")).isEmpty();

      backend.index(List.of(first));
      backend.commit("database-1", 9);
      backend.deleteAll();
      SearchDocument second = person("Yerlan Kassymov", "Sentenced in Shymkent");
      backend.index(List.of(second));
      assertThat(titles(backend, "Nurlanova")).as("the old index, while the rebuild runs").hasSize(1);
      assertThat(titles(backend, "Kassymov")).isEmpty();
      backend.commit("database-2", 10);
      assertThat(titles(backend, "Nurlanova")).isEmpty();
      assertThat(titles(backend, "Kassymov")).containsExactly("Yerlan Kassymov");
    }
    try (OpenSearchBackend reopened = open("casebook-contract")) {
      assertThat(reopened.stats().databaseId()).isEqualTo("database-2");
      assertThat(reopened.stats().total()).isEqualTo(1);
      assertThat(titles(reopened, "Kassymov")).containsExactly("Yerlan Kassymov");
    }
  }

  @Test
  void markupAndQuerySyntaxAreStoredAndReturnedVerbatim() {
    String hostile = "<b onmouseover=\"alert(1)\">Robert'); DROP TABLE persons;--</b> & {\"query\":{\"match_all\":{}}}";
    try (OpenSearchBackend backend = open("casebook-verbatim")) {
      backend.index(List.of(person(hostile, hostile)));
      backend.commit("database", 1);
      List<SearchHit> hits = backend.search(SearchQuery.of("onmouseover"), ALL).hits();
      assertThat(hits).singleElement().satisfies(hit -> {
        assertThat(hit.title()).isEqualTo(hostile);
        assertThat(hit.snippet().text()).isEqualTo(hostile);
        assertThat(hit.snippet().html()).contains("&lt;b <mark>onmouseover</mark>=&quot;alert(1)&quot;&gt;").doesNotContain("<b");
      });
      assertThat(backend.search(SearchQuery.of("{\"match_all\":{}}"), new Trim(false, Set.of(), null)).total()).isZero();
    }
  }

  @Test
  void aClusterThatCannotBeReachedIsRefusedByName() {
    assertThatThrownBy(() -> OpenSearchBackend.open(List.of(URI.create("http://127.0.0.1:9")), "casebook-nowhere", 0))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageContaining("casebook-nowhere");
  }
}
