package org.casebook.search.opensearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.casebook.common.InvalidInput;
import org.casebook.config.SearchSettings;
import org.casebook.config.Settings;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * How Casebook reaches an OpenSearch cluster: the nodes' addresses, the user and password of HTTP
 * basic authentication, and the certificate authorities trusted for HTTPS.
 *
 * <p>The password is read from its file ({@code search-opensearch-password-file}, a trailing line
 * break dropped) when this is made, and kept only in the HTTP client's credentials, which are
 * offered to the configured nodes alone; it is in no message and no {@link #toString}. With a CA
 * certificate ({@code search-opensearch-ca-certificate}), that CA and no other is trusted; the
 * host name in the address is checked against the node's certificate either way. Immutable.
 */
public final class ClusterAccess {
  private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

  private final List<URI> urls;
  private final String user;
  private final char[] password;
  private final Path caCertificate;
  private final SSLContext tls;

  private ClusterAccess(List<URI> urls, String user, char[] password, Path caCertificate, SSLContext tls) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch address given");
    }
    this.urls = List.copyOf(urls);
    this.user = user;
    this.password = password;
    this.caCertificate = caCertificate;
    this.tls = tls;
  }

  /** The cluster at {@code urls}, reached without credentials and trusting the JDK's certificate authorities. */
  public static ClusterAccess open(List<URI> urls) {
    return new ClusterAccess(urls, null, null, null, null);
  }

  /**
   * The cluster of the settings, reading the password file and the CA certificates now. Refused
   * with {@link InvalidInput} naming the setting when the password file is missing, unreadable or
   * empty, or the CA file holds no PEM certificates.
   */
  public static ClusterAccess of(SearchSettings settings) {
    char[] password = settings.openSearchPasswordFile() == null ? null : password(settings.openSearchPasswordFile());
    SSLContext tls = settings.openSearchCaCertificate() == null ? null : trusting(certificates(settings.openSearchCaCertificate()));
    return new ClusterAccess(settings.openSearchUrls(), settings.openSearchUser(), password, settings.openSearchCaCertificate(), tls);
  }

  /** The nodes' addresses. */
  public List<URI> urls() {
    return urls;
  }

  /** The user name of basic authentication, or null without credentials. */
  public String user() {
    return user;
  }

  /**
   * A transport to the cluster, its JSON read and written by {@code mapper}; the caller closes it.
   * Over HTTPS the client checks the host name of each address against the node's certificate
   * itself, after the handshake, whichever CA is trusted: HttpClient 5.4's default leaves that check
   * to the JDK, and on the asynchronous connections the transport uses, a certificate for another
   * host name then went through.
   */
  OpenSearchTransport transport(JsonpMapper mapper) {
    HttpHost[] hosts = urls.stream().map(ClusterAccess::host).toArray(HttpHost[]::new);
    boolean secure = urls.stream().anyMatch(url -> "https".equals(url.getScheme()));
    ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts).setMapper(mapper);
    if (user != null || secure) {
      SSLContext context = secure ? (tls != null ? tls : defaultTls()) : null;
      builder.setHttpClientConfigCallback(
          client -> {
            if (user != null) {
              BasicCredentialsProvider credentials = new BasicCredentialsProvider();
              for (HttpHost host : hosts) {
                credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(user, password.clone()));
              }
              client.setDefaultCredentialsProvider(credentials);
            }
            if (context != null) {
              client.setConnectionManager(
                  PoolingAsyncClientConnectionManagerBuilder.create()
                      .setMaxConnPerRoute(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_PER_ROUTE)
                      .setMaxConnTotal(ApacheHttpClient5TransportBuilder.DEFAULT_MAX_CONN_TOTAL)
                      .setDefaultConnectionConfig(
                          ConnectionConfig.custom()
                              .setConnectTimeout(Timeout.ofMilliseconds(ApacheHttpClient5TransportBuilder.DEFAULT_CONNECT_TIMEOUT_MILLIS))
                              .setSocketTimeout(Timeout.ofMilliseconds(ApacheHttpClient5TransportBuilder.DEFAULT_RESPONSE_TIMEOUT_MILLIS))
                              .build())
                      .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(context).setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier()).build())
                      .build());
            }
            return client;
          });
    }
    return builder.build();
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }

  private static HttpHost host(URI url) {
    return new HttpHost(url.getScheme(), url.getHost(), url.getPort());
  }

  /** The password in {@code file}: its text in UTF-8, without the line breaks that end it. */
  static char[] password(Path file) {
    String setting = Settings.Key.SEARCH_OPENSEARCH_PASSWORD_FILE.property();
    byte[] bytes = read(file, setting, "the password file");
    CharBuffer text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new InvalidInput(setting, "the password file " + file + " is not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    int length = text.limit();
    while (length > 0 && (text.get(length - 1) == '\n' || text.get(length - 1) == '\r')) {
      length--;
    }
    char[] password = new char[length];
    text.get(password, 0, length);
    Arrays.fill(text.array(), '\0');
    if (length == 0) {
      throw new InvalidInput(setting, "the password file " + file + " is empty");
    }
    return password;
  }

  /** The certificates of the PEM file {@code file}, at least one. */
  static List<Certificate> certificates(Path file) {
    String setting = Settings.Key.SEARCH_OPENSEARCH_CA_CERTIFICATE.property();
    byte[] bytes = read(file, setting, "the CA certificate file");
    if (!new String(bytes, StandardCharsets.ISO_8859_1).contains(BEGIN_CERTIFICATE)) {
      throw new InvalidInput(setting, file + " holds no PEM certificate (a block beginning " + BEGIN_CERTIFICATE + ")");
    }
    Collection<? extends Certificate> read;
    try {
      read = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
    } catch (CertificateException e) {
      throw new InvalidInput(setting, file + " does not hold PEM certificates: " + e.getMessage());
    }
    if (read.isEmpty()) {
      throw new InvalidInput(setting, file + " holds no PEM certificate");
    }
    return List.copyOf(read);
  }

  /** A TLS context trusting {@code authorities} and nothing else. */
  static SSLContext trusting(List<Certificate> authorities) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      List<String> aliases = new ArrayList<>();
      for (Certificate authority : authorities) {
        String alias = "ca-" + aliases.size();
        trusted.setCertificateEntry(alias, authority);
        aliases.add(alias);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a TLS context trusting the CA certificates", e);
    }
  }

  /**
   * Why the cluster could not be used, in words that name the setting to look at: a certificate
   * not signed by a trusted CA, or not for the host name; credentials missing or refused.
   */
  String explain(Throwable failure) {
    List<Throwable> causes = new ArrayList<>();
    for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
      causes.add(cause);
    }
    for (Throwable cause : causes) {
      if (cause instanceof SSLPeerUnverifiedException) {
        return "the node's certificate is not for the host name in search-opensearch-urls (" + String.valueOf(cause.getMessage()).strip() + ")";
      }
      if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
        return "the TLS connection failed: the node's certificate is not signed by "
            + (caCertificate == null ? "a certificate authority the JDK trusts; name the cluster's CA in search-opensearch-ca-certificate" : "the CA in " + caCertificate);
      }
    }
    for (Throwable cause : causes) {
      if (cause instanceof SSLException) {
        return "the TLS connection failed (" + String.valueOf(cause.getMessage()).strip() + ")";
      }
      int status = cause instanceof ResponseException response ? response.status() : cause instanceof OpenSearchException refused ? refused.status() : 0;
      if (status == 401) {
        return user == null
            ? "the cluster asks for credentials (HTTP 401); set search-opensearch-user and search-opensearch-password-file"
            : "the cluster refused the user name " + user + " or its password (HTTP 401)";
      }
      if (status == 403) {
        return "the cluster does not let " + (user == null ? "an anonymous user" : "the user " + user) + " do this (HTTP 403)";
      }
    }
    return String.valueOf(failure.getMessage());
  }

  /** The bytes of {@code file}, named by {@code setting}; refused, saying why, when it cannot be read. */
  private static byte[] read(Path file, String setting, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInput(setting, "cannot read " + what + " " + file + ": " + why(e));
    }
  }

  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage();
  }

  /** The addresses, the user and the CA file; never the password. */
  @Override
  public String toString() {
    return urls + (user == null ? "" : " as " + user) + (caCertificate == null ? "" : " trusting " + caCertificate);
  }
}
