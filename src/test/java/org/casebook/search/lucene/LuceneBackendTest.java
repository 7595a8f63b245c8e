package org.casebook.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.casebook.search.Access;
import org.casebook.search.IndexStats;
import org.casebook.search.RecordKind;
import org.casebook.search.RecordRef;
import org.casebook.search.SearchDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing a batch: every document of it is indexed once, whichever thread takes it; a document
 * the writer refuses fails the batch with the writer's own error, no further document of the batch
 * is taken, and the writer goes on taking batches.
 */
class LuceneBackendTest {
  @TempDir Path folder;

  private static SearchDocument document(int number, Set<String> citations) {
    UUID id = UUID.nameUUIDFromBytes(("document " + number).getBytes(StandardCharsets.UTF_8));
    String body = "Paragraph " + number + " about the detention. Абзац о задержании номер " + number + ". ";
    return new SearchDocument(
        RecordKind.SOURCE, id, 1, new Access(List.of(UUID.randomUUID()), null), "Source " + number, List.of("Name " + number),
        body.repeat(1 + number % 7), "", citations, null, null, Map.of());
  }

  private static long fingerprints(List<SearchDocument> documents) {
    return documents.stream().mapToLong(SearchDocument::fingerprint).sum();
  }

  @Test
  void everyDocumentOfABatchIsIndexedOnce() {
    List<SearchDocument> documents = IntStream.range(0, 2_000).mapToObj(number -> document(number, Set.of())).toList();
    try (LuceneBackend backend = LuceneBackend.open(folder)) {
      backend.index(documents);
      backend.index(documents.subList(0, 500));
      backend.commit("database", 1);
      IndexStats stats = backend.stats();
      assertThat(stats.total()).isEqualTo(2_000);
      assertThat(stats.fingerprints().get(RecordKind.SOURCE)).isEqualTo(fingerprints(documents));
    }
  }

  @Test
  void aDocumentTheWriterRefusesFailsTheBatchAndTheWriterGoesOn() {
    List<SearchDocument> documents = new ArrayList<>(IntStream.range(0, 1_000).mapToObj(number -> document(number, Set.of())).toList());
    // A term longer than the 32,766 bytes Lucene takes.
    SearchDocument refused = document(1_000, Set.of("x".repeat(40_000)));
    documents.add(500, refused);
    try (LuceneBackend backend = LuceneBackend.open(folder)) {
      assertThatThrownBy(() -> backend.index(documents)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("immense term");

      List<SearchDocument> accepted = documents.stream().filter(document -> document != refused).toList();
      backend.index(accepted);
      backend.delete(List.of(new RecordRef(RecordKind.SOURCE, refused.id())));
      backend.commit("database", 1);
      assertThat(backend.stats().total()).isEqualTo(1_000);
      assertThat(backend.stats().fingerprints().get(RecordKind.SOURCE)).isEqualTo(fingerprints(accepted));
    }
  }

  @Test
  void afterADocumentIsRefusedNoFurtherDocumentOfTheBatchIsTaken() {
    List<SearchDocument> documents = new ArrayList<>(IntStream.range(0, 5_000).mapToObj(number -> document(number, Set.of())).toList());
    documents.set(0, document(5_000, Set.of("x".repeat(40_000))));
    try (LuceneBackend backend = LuceneBackend.open(folder)) {
      assertThatThrownBy(() -> backend.index(documents)).isInstanceOf(IllegalArgumentException.class);
      backend.commit("database", 1);
      // The other cores stop at their next document, so only the few they were writing are in:
      // fixed shares of the batch would have been written to their ends (three quarters of it).
      assertThat(backend.stats().total()).isLessThan(2_500);
    }
  }
}
