package org.casebook.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.config.SearchSettings;
import org.casebook.dates.PartialDate;
import org.casebook.search.Access;
import org.casebook.search.DateSpan;
import org.casebook.search.RecordKind;
import org.casebook.search.SearchDocument;
import org.casebook.search.SearchHit;
import org.casebook.search.SearchQuery;
import org.casebook.search.Trim;
import org.casebook.storage.StorageUnavailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Casebook against a cluster secured as the OpenSearch security plugin secures it: HTTPS under the
 * cluster's own CA, and basic authentication. The test cluster's node sits behind a {@link
 * TlsProxy} with a certificate for {@code localhost} signed by a CA made here. With the right user,
 * password and CA, documents are indexed and found; a wrong password, another CA, or a certificate
 * for another host name are refused with a message that says so, and the password is in no message.
 */
class OpenSearchSecuredClusterTest {
  private static final String USER = "casebook";
  private static final String PASSWORD = "correct horse battery staple 7";

  private static TestCertificates.Issued clusterAuthority;
  private static TlsProxy proxy;
  private static TlsProxy misnamedProxy;

  @TempDir static Path folder;

  @BeforeAll
  static void startProxies() throws IOException {
    URI node = URI.create(TestOpenSearch.urls().get(0));
    clusterAuthority = TestCertificates.authority("Test cluster CA");
    proxy = new TlsProxy(TestCertificates.server(clusterAuthority, "localhost").serverContext(), USER, PASSWORD, node);
    misnamedProxy = new TlsProxy(TestCertificates.server(clusterAuthority, "search.example.org").serverContext(), USER, PASSWORD, node);
  }

  @AfterAll
  static void stopProxies() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    if (misnamedProxy != null) {
      misnamedProxy.close();
    }
  }

  private static Path file(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }

  private static SearchSettings settings(TlsProxy to, String index) {
    return SearchSettings.openSearch(List.of(URI.create("https://localhost:" + to.port())), index, TestOpenSearch.NODES - 1);
  }

  private static OpenSearchBackend open(SearchSettings settings) {
    return OpenSearchBackend.open(ClusterAccess.of(settings), settings.openSearchIndex(), settings.openSearchReplicas());
  }

  private static SearchDocument person(String name, String body) {
    PartialDate date = PartialDate.parse("2019-03");
    return new SearchDocument(
        RecordKind.PERSON, UUID.randomUUID(), 1, new Access(List.of(UUID.randomUUID()), null), name, List.of(name), body, "",
        Set.of(), date, DateSpan.of(date), Map.of());
  }

  @Test
  void theRightUserPasswordAndCaIndexAndSearch() throws IOException {
    SearchSettings settings =
        settings(proxy, "casebook-secured")
            .withCredentials(USER, file("password", PASSWORD + "\n"))
            .withCaCertificate(file("cluster-ca.pem", clusterAuthority.pem()));
    int forwardedBefore = proxy.forwarded();
    try (OpenSearchBackend backend = open(settings)) {
      SearchDocument document = person("Saule Temirbekova", "Questioned in Taraz");
      backend.index(List.of(document));
      backend.commit("database-secured", 3);
      List<SearchHit> hits = backend.search(SearchQuery.of("Temirbekova"), Trim.unrestricted()).hits();
      assertThat(hits).extracting(SearchHit::title).containsExactly("Saule Temirbekova");
      assertThat(backend.stats().counts()).containsEntry(RecordKind.PERSON, 1L);
      assertThat(backend.stats().fingerprints()).containsEntry(RecordKind.PERSON, document.fingerprint());
    }
    assertThat(proxy.forwarded() - forwardedBefore).as("requests that reached the node through the proxy").isGreaterThan(5);
  }

  @Test
  void aWrongPasswordIsRefusedClearlyAndNeverShown() throws IOException {
    String wrong = "not the password 42";
    SearchSettings settings =
        settings(proxy, "casebook-secured-wrong")
            .withCredentials(USER, file("wrong-password", wrong))
            .withCaCertificate(file("cluster-ca.pem", clusterAuthority.pem()));
    ClusterAccess access = ClusterAccess.of(settings);
    assertThat(access.toString()).contains(USER).doesNotContain(wrong);
    assertThatThrownBy(() -> OpenSearchBackend.open(access, "casebook-secured-wrong", 0))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageContaining("refused the user name " + USER)
        .hasMessageContaining("401")
        .satisfies(refusal -> assertThat(stackOf(refusal)).doesNotContain(wrong));
  }

  @Test
  void noCredentialsAreRefusedNamingTheSettings() throws IOException {
    SearchSettings settings = settings(proxy, "casebook-secured-anonymous").withCaCertificate(file("cluster-ca.pem", clusterAuthority.pem()));
    assertThatThrownBy(() -> open(settings))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageContaining("401")
        .hasMessageContaining("search-opensearch-user");
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedNotTrusted() throws IOException {
    TestCertificates.Issued otherAuthority = TestCertificates.authority("Some other CA");
    SearchSettings settings =
        settings(proxy, "casebook-secured-other-ca")
            .withCredentials(USER, file("password", PASSWORD))
            .withCaCertificate(file("other-ca.pem", otherAuthority.pem()));
    int refusedBefore = proxy.refused();
    int forwardedBefore = proxy.forwarded();
    assertThatThrownBy(() -> open(settings))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageContaining("TLS")
        .hasMessageContaining("not signed by the CA in " + settings.openSearchCaCertificate());
    assertThat(proxy.refused() + proxy.forwarded()).as("no request got through the handshake").isEqualTo(refusedBefore + forwardedBefore);
  }

  @Test
  void theDefaultAuthoritiesDoNotTrustTheClusterCa() throws IOException {
    SearchSettings settings = settings(proxy, "casebook-secured-default-ca").withCredentials(USER, file("password", PASSWORD));
    assertThatThrownBy(() -> open(settings))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageContaining("TLS")
        .hasMessageContaining("search-opensearch-ca-certificate");
  }

  @Test
  void aCertificateForAnotherHostNameIsRefused() throws IOException {
    SearchSettings settings =
        settings(misnamedProxy, "casebook-secured-misnamed")
            .withCredentials(USER, file("password", PASSWORD))
            .withCaCertificate(file("cluster-ca.pem", clusterAuthority.pem()));
    assertThatThrownBy(() -> open(settings))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessageContaining("not for the host name")
        .hasMessageContaining("search.example.org");
    assertThat(misnamedProxy.forwarded()).isZero();
    assertThat(misnamedProxy.refused()).as("not even asked without credentials").isZero();
  }

  @Test
  void theHostNameIsCheckedUnderTheDefaultAuthoritiesToo() throws Exception {
    SearchSettings settings = settings(misnamedProxy, "casebook-secured-misnamed-default").withCredentials(USER, file("password", PASSWORD));
    javax.net.ssl.SSLContext before = javax.net.ssl.SSLContext.getDefault();
    javax.net.ssl.SSLContext.setDefault(ClusterAccess.trusting(List.of(clusterAuthority.certificate())));
    try {
      assertThatThrownBy(() -> open(settings))
          .isInstanceOf(StorageUnavailable.class)
          .hasMessageContaining("not for the host name")
          .hasMessageContaining("search.example.org");
    } finally {
      javax.net.ssl.SSLContext.setDefault(before);
    }
    assertThat(misnamedProxy.forwarded()).isZero();
  }

  private static String stackOf(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      text.append(cause).append('\n');
    }
    return text.toString();
  }
}
