package org.casebook.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.casebook.common.InvalidInput;
import org.casebook.config.SearchSettings;
import org.casebook.config.Settings;
import org.casebook.search.SearchBackend;
import org.casebook.search.SearchQuery;
import org.casebook.search.lucene.LuceneBackend;
import org.casebook.search.opensearch.OpenSearchBackend;
import org.casebook.search.opensearch.TestOpenSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings choose the search index: the embedded Lucene one by default, or OpenSearch. */
class SearchBackendChoiceTest {
  @TempDir Path folder;

  private Settings settings(Map<String, String> environment) {
    return Settings.resolve(Map.of(Settings.Key.DATA_DIR, folder.toString()), environment, null);
  }

  @Test
  void theEmbeddedLuceneIndexIsTheDefault() {
    Settings settings = settings(Map.of());
    assertThat(settings.search().backend()).isEqualTo(SearchSettings.Backend.LUCENE);
    try (SearchBackend backend = Casebook.openSearchBackend(settings)) {
      assertThat(backend).isInstanceOf(LuceneBackend.class);
      assertThat(((LuceneBackend) backend).folder()).isEqualTo(folder.resolve("index"));
    }
  }

  @Test
  void searchBackendOpensearchOpensTheClusterAtTheUrls() {
    String urls = String.join(",", TestOpenSearch.urls());
    Settings settings =
        settings(Map.of("CASEBOOK_SEARCH_BACKEND", "opensearch", "CASEBOOK_SEARCH_OPENSEARCH_URLS", urls, "CASEBOOK_SEARCH_OPENSEARCH_INDEX", "casebook-choice", "CASEBOOK_SEARCH_OPENSEARCH_REPLICAS", "1"));
    assertThat(settings.search().openSearchUrls()).extracting(URI::toString).containsExactlyElementsOf(TestOpenSearch.urls());
    try (SearchBackend backend = Casebook.openSearchBackend(settings)) {
      assertThat(backend).isInstanceOf(OpenSearchBackend.class);
      assertThat(((OpenSearchBackend) backend).alias()).isEqualTo("casebook-choice");
      assertThat(backend.stats().databaseId()).as("a new index is rebuilt at start").isNull();
      assertThat(backend.search(SearchQuery.of("anything"), org.casebook.search.Trim.unrestricted()).total()).isZero();
    }
  }

  @Test
  void aBadChoiceIsRefusedByName() {
    assertThatThrownBy(() -> settings(Map.of("CASEBOOK_SEARCH_BACKEND", "solr")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("solr");
    assertThatThrownBy(() -> settings(Map.of("CASEBOOK_SEARCH_BACKEND", "opensearch")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("search-opensearch-urls");
    assertThatThrownBy(() -> settings(Map.of("CASEBOOK_SEARCH_BACKEND", "opensearch", "CASEBOOK_SEARCH_OPENSEARCH_URLS", "localhost:9200")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("localhost:9200");
    assertThatThrownBy(() -> settings(Map.of("CASEBOOK_SEARCH_OPENSEARCH_INDEX", "Casebook")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("Casebook");
  }
}
