package org.casebook.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.common.InvalidInput;
import org.casebook.config.SearchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the password file and the CA certificate file, and refusing them by the setting's name. */
class ClusterAccessTest {
  private static final List<URI> CLUSTER = List.of(URI.create("https://search.example.org:9200"));

  @TempDir Path folder;

  private static SearchSettings withPassword(Path file) {
    return SearchSettings.openSearch(CLUSTER, "casebook", 1).withCredentials("casebook", file);
  }

  private static SearchSettings withCa(Path file) {
    return SearchSettings.openSearch(CLUSTER, "casebook", 1).withCaCertificate(file);
  }

  private static String field(Throwable refusal) {
    return ((InvalidInput) refusal).errors().get(0).field();
  }

  @Test
  void thePasswordIsTheFilesTextWithoutItsTrailingLineBreak() throws IOException {
    assertThat(ClusterAccess.password(Files.writeString(folder.resolve("unix"), "s3cret pass\n"))).containsExactly("s3cret pass".toCharArray());
    assertThat(ClusterAccess.password(Files.writeString(folder.resolve("windows"), "s3cret pass\r\n"))).containsExactly("s3cret pass".toCharArray());
    assertThat(ClusterAccess.password(Files.writeString(folder.resolve("bare"), "пароль 2024"))).containsExactly("пароль 2024".toCharArray());
  }

  @Test
  void aMissingEmptyOrUnreadablePasswordFileIsRefusedByName() throws IOException {
    Path missing = folder.resolve("missing");
    assertThatThrownBy(() -> ClusterAccess.of(withPassword(missing)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such file")
        .satisfies(refusal -> assertThat(field(refusal)).isEqualTo("search-opensearch-password-file"));
    Path empty = Files.writeString(folder.resolve("empty"), "\n");
    assertThatThrownBy(() -> ClusterAccess.of(withPassword(empty)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("empty")
        .satisfies(refusal -> assertThat(field(refusal)).isEqualTo("search-opensearch-password-file"));
    Path folderInstead = Files.createDirectory(folder.resolve("a-folder"));
    assertThatThrownBy(() -> ClusterAccess.of(withPassword(folderInstead)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("cannot read")
        .satisfies(refusal -> assertThat(field(refusal)).isEqualTo("search-opensearch-password-file"));
    Path notText = Files.write(folder.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    assertThatThrownBy(() -> ClusterAccess.of(withPassword(notText)))
        .isInstanceOf(InvalidInput.class)
        .satisfies(refusal -> assertThat(field(refusal)).isEqualTo("search-opensearch-password-file"));
  }

  @Test
  void thePasswordIsInNoTextOfTheAccess() throws IOException {
    Path file = Files.writeString(folder.resolve("password"), "do-not-print-me\n");
    ClusterAccess access = ClusterAccess.of(withPassword(file));
    assertThat(access.toString()).contains("casebook").contains("search.example.org").doesNotContain("do-not-print-me");
  }

  @Test
  void aCaFileOfPemCertificatesIsReadAndAnythingElseRefusedByName() throws IOException {
    TestCertificates.Issued first = TestCertificates.authority("First test CA");
    TestCertificates.Issued second = TestCertificates.authority("Second test CA");
    Path both = Files.writeString(folder.resolve("both.pem"), "Two CAs\n" + first.pem() + second.pem());
    assertThat(ClusterAccess.certificates(both)).containsExactly(first.certificate(), second.certificate());
    assertThat(ClusterAccess.of(withCa(both)).toString()).contains(both.toString());

    Path der;
    try {
      der = Files.write(folder.resolve("ca.der"), first.certificate().getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    Path key = Files.writeString(folder.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n");
    Path broken = Files.writeString(folder.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
    Path missing = folder.resolve("missing.pem");
    for (Path bad : List.of(der, key, broken, missing)) {
      assertThatThrownBy(() -> ClusterAccess.of(withCa(bad)))
          .as(bad.toString())
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining(bad.toString())
          .satisfies(refusal -> assertThat(field(refusal)).isEqualTo("search-opensearch-ca-certificate"));
    }
  }
}
