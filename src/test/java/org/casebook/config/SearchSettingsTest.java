package org.casebook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.casebook.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings of a secured OpenSearch cluster: user, password file and CA certificate, from the
 * environment and the config file, and the combinations refused by name.
 */
class SearchSettingsTest {
  @TempDir Path folder;

  private static Map<String, String> cluster(String urls, String... more) {
    Map<String, String> environment = new HashMap<>();
    environment.put("CASEBOOK_SEARCH_BACKEND", "opensearch");
    environment.put("CASEBOOK_SEARCH_OPENSEARCH_URLS", urls);
    for (int index = 0; index < more.length; index += 2) {
      environment.put(more[index], more[index + 1]);
    }
    return environment;
  }

  private static SearchSettings resolve(Map<String, String> environment) {
    return Settings.resolve(Map.of(), environment, null).search();
  }

  @Test
  void userPasswordFileAndCaCertificateAreReadFromTheEnvironmentAndTheConfigFile() throws Exception {
    SearchSettings fromEnvironment =
        resolve(cluster(
            "https://search1.example.org:9200,https://search2.example.org:9200",
            "CASEBOOK_SEARCH_OPENSEARCH_USER", "casebook",
            "CASEBOOK_SEARCH_OPENSEARCH_PASSWORD_FILE", "/run/secrets/opensearch-password",
            "CASEBOOK_SEARCH_OPENSEARCH_CA_CERTIFICATE", "/etc/casebook/opensearch-ca.pem"));
    assertThat(fromEnvironment.openSearchUser()).isEqualTo("casebook");
    assertThat(fromEnvironment.openSearchPasswordFile()).isEqualTo(Path.of("/run/secrets/opensearch-password"));
    assertThat(fromEnvironment.openSearchCaCertificate()).isEqualTo(Path.of("/etc/casebook/opensearch-ca.pem"));

    Path file = folder.resolve("casebook.properties");
    Files.writeString(
        file,
        "search-backend=opensearch\nsearch-opensearch-urls=https://search1.example.org:9200\nsearch-opensearch-user=indexer\n"
            + "search-opensearch-password-file=/srv/casebook/opensearch-password\n");
    SearchSettings fromFile = Settings.resolve(Map.of(), Map.of(), file).search();
    assertThat(fromFile.openSearchUser()).isEqualTo("indexer");
    assertThat(fromFile.openSearchPasswordFile()).isEqualTo(Path.of("/srv/casebook/opensearch-password"));
    assertThat(fromFile.openSearchCaCertificate()).as("the JDK's authorities").isNull();
  }

  @Test
  void withoutThemTheClusterIsReachedAsBefore() {
    SearchSettings plain = resolve(cluster("http://localhost:9200"));
    assertThat(plain.openSearchUser()).isNull();
    assertThat(plain.openSearchPasswordFile()).isNull();
    assertThat(plain.openSearchCaCertificate()).isNull();
  }

  @Test
  void aUserWithoutAPasswordFileOrTheReverseIsRefusedByName() {
    assertThatThrownBy(() -> resolve(cluster("https://localhost:9200", "CASEBOOK_SEARCH_OPENSEARCH_USER", "casebook")))
        .isInstanceOf(InvalidInput.class)
        .satisfies(refusal -> assertThat(((InvalidInput) refusal).errors().get(0).field()).isEqualTo("search-opensearch-password-file"));
    assertThatThrownBy(() -> resolve(cluster("https://localhost:9200", "CASEBOOK_SEARCH_OPENSEARCH_PASSWORD_FILE", "/run/secrets/password")))
        .isInstanceOf(InvalidInput.class)
        .satisfies(refusal -> assertThat(((InvalidInput) refusal).errors().get(0).field()).isEqualTo("search-opensearch-user"));
    assertThatThrownBy(() -> resolve(cluster(
            "https://localhost:9200", "CASEBOOK_SEARCH_OPENSEARCH_USER", "case:book", "CASEBOOK_SEARCH_OPENSEARCH_PASSWORD_FILE", "/run/secrets/password")))
        .isInstanceOf(InvalidInput.class)
        .satisfies(refusal -> assertThat(((InvalidInput) refusal).errors().get(0).field()).isEqualTo("search-opensearch-user"));
  }

  @Test
  void aPasswordIsRefusedWithAnyPlainHttpAddress() {
    assertThatThrownBy(() -> resolve(cluster(
            "https://search1.example.org:9200,http://search2.example.org:9200",
            "CASEBOOK_SEARCH_OPENSEARCH_USER", "casebook",
            "CASEBOOK_SEARCH_OPENSEARCH_PASSWORD_FILE", "/run/secrets/password")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("http://search2.example.org:9200")
        .hasMessageContaining("in clear")
        .satisfies(refusal -> assertThat(((InvalidInput) refusal).errors().get(0).field()).isEqualTo("search-opensearch-password-file"));
  }

  @Test
  void aCaCertificateIsRefusedWithPlainHttpAddresses() {
    assertThatThrownBy(() -> resolve(cluster("http://localhost:9200", "CASEBOOK_SEARCH_OPENSEARCH_CA_CERTIFICATE", "/etc/casebook/ca.pem")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("http://localhost:9200")
        .satisfies(refusal -> assertThat(((InvalidInput) refusal).errors().get(0).field()).isEqualTo("search-opensearch-ca-certificate"));
  }

  @Test
  void theSettingsNameThePasswordFileNeverThePassword() {
    SearchSettings settings =
        resolve(cluster("https://localhost:9200", "CASEBOOK_SEARCH_OPENSEARCH_USER", "casebook", "CASEBOOK_SEARCH_OPENSEARCH_PASSWORD_FILE", "/run/secrets/password"));
    assertThat(settings.toString()).contains("/run/secrets/password").contains("casebook");
  }
}
