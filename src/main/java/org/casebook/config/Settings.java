package org.casebook.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.casebook.common.InvalidInput;
import org.casebook.communications.CommunicationPeriods;
import org.casebook.storage.Database;

/**
 * Casebook's settings. Each is taken from the first of: a command-line option, an environment
 * variable {@code CASEBOOK_*}, the config file (a properties file named by {@code --config} or
 * {@code CASEBOOK_CONFIG}, else {@code ./casebook.properties} if present), the default.
 *
 * @param host the address to listen on
 * @param port the HTTP port
 * @param dataDir the folder for the embedded database, index and file store
 * @param dbUrl the JDBC URL of the record store; by default the embedded H2 file under dataDir
 * @param dbUser the database user, if the URL needs one
 * @param dbPassword the database password, if the URL needs one
 * @param keyFile the file of the keys that encrypt restricted fields; by default under dataDir
 * @param communications the periods of a communication's deadlines and the zone of its days
 * @param search which search index: the embedded one, or an OpenSearch cluster
 */
public record Settings(
    String host,
    int port,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Path keyFile,
    CommunicationPeriods communications,
    SearchSettings search) {

  /** Every setting: its name in the config file, its environment variable, default and meaning. */
  public enum Key {
    HOST("host", "127.0.0.1", "address to listen on; 0.0.0.0 for every interface"),
    PORT("port", "7070", "HTTP port; 0 picks a free one"),
    DATA_DIR("data-dir", "./data", "folder of the embedded database, index and stored files"),
    DB_URL("db-url", "", "JDBC URL of the record store; empty means the embedded H2 file in data-dir"),
    DB_USER("db-user", "", "database user"),
    DB_PASSWORD("db-password", "", "database password"),
    KEY_FILE(
        "key-file",
        "",
        "file of the keys that encrypt restricted fields (owner-only); empty means"
            + " <data-dir>/keys/casebook.keyset.json"),
    COMMUNICATION_CONFIDENTIAL_DAYS(
        "communication-confidential-days",
        "60",
        "days a sent communication stays confidential; its public date is the day it was sent plus these"),
    COMMUNICATION_REPLY_DAYS(
        "communication-reply-days", "60", "days after sending by which a reply to a communication is expected"),
    COMMUNICATION_FOLLOW_UP_DAYS(
        "communication-follow-up-days",
        "30",
        "days after a reply came (or, without one, was expected) by which a follow-up is due"),
    COMMUNICATION_TIME_ZONE(
        "communication-time-zone", "UTC", "time zone whose midnight starts the days of communications and deadlines"),
    SEARCH_BACKEND("search-backend", "lucene", "search index: lucene (embedded, in <data-dir>/index) or opensearch"),
    SEARCH_OPENSEARCH_URLS(
        "search-opensearch-urls", "", "for search-backend=opensearch: the cluster's HTTP addresses, comma-separated"),
    SEARCH_OPENSEARCH_INDEX("search-opensearch-index", "casebook", "for search-backend=opensearch: the index's name (an alias)"),
    SEARCH_OPENSEARCH_REPLICAS(
        "search-opensearch-replicas", "1", "for search-backend=opensearch: copies of each shard besides the primary"),
    SEARCH_OPENSEARCH_USER("search-opensearch-user", "", "for search-backend=opensearch: the user name for HTTP basic authentication"),
    SEARCH_OPENSEARCH_PASSWORD_FILE(
        "search-opensearch-password-file", "", "for search-backend=opensearch: the file holding that user's password (https addresses only)"),
    SEARCH_OPENSEARCH_CA_CERTIFICATE(
        "search-opensearch-ca-certificate",
        "",
        "for search-backend=opensearch: PEM file of the CA certificates the cluster's certificate must chain to; the only ones trusted");

    private final String property;
    private final String fallback;
    private final String meaning;

    Key(String property, String fallback, String meaning) {
      this.property = property;
      this.fallback = fallback;
      this.meaning = meaning;
    }

    public String property() {
      return property;
    }

    public String environmentVariable() {
      return "CASEBOOK_" + name();
    }

    public String fallback() {
      return fallback;
    }

    public String meaning() {
      return meaning;
    }
  }

  /**
   * Resolves the settings.
   *
   * @param options values given on the command line, by key; absent keys are not set there
   * @param environment the process environment
   * @param configFile the config file named on the command line, or null
   */
  public static Settings resolve(Map<Key, String> options, Map<String, String> environment, Path configFile) {
    Path file = configFile;
    if (file == null && environment.get("CASEBOOK_CONFIG") != null) {
      file = Path.of(environment.get("CASEBOOK_CONFIG"));
    }
    Properties properties = new Properties();
    if (file == null && Files.isRegularFile(Path.of("casebook.properties"))) {
      file = Path.of("casebook.properties");
    }
    if (file != null) {
      properties = read(file);
    }
    Map<Key, String> values = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      if (java.util.Arrays.stream(Key.values()).noneMatch(key -> key.property().equals(name))) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInput(String.valueOf(file), "unknown settings " + unknown + "; known: " + java.util.Arrays.stream(Key.values()).map(Key::property).toList());
    }
    for (Key key : Key.values()) {
      String value = options.get(key);
      if (value == null) {
        value = environment.get(key.environmentVariable());
      }
      if (value == null) {
        value = properties.getProperty(key.property());
      }
      values.put(key, value == null ? key.fallback() : value.trim());
    }
    Path dataDir = Path.of(values.get(Key.DATA_DIR));
    String url = values.get(Key.DB_URL);
    return new Settings(
        values.get(Key.HOST),
        port(values.get(Key.PORT)),
        dataDir,
        url.isEmpty() ? Database.embeddedUrl(dataDir) : url,
        emptyToNull(values.get(Key.DB_USER)),
        emptyToNull(values.get(Key.DB_PASSWORD)),
        values.get(Key.KEY_FILE).isEmpty()
            ? dataDir.resolve("keys").resolve("casebook.keyset.json")
            : Path.of(values.get(Key.KEY_FILE)),
        new CommunicationPeriods(
            days(Key.COMMUNICATION_CONFIDENTIAL_DAYS, values),
            days(Key.COMMUNICATION_REPLY_DAYS, values),
            days(Key.COMMUNICATION_FOLLOW_UP_DAYS, values),
            zone(values.get(Key.COMMUNICATION_TIME_ZONE))),
        SearchSettings.parse(values));
  }

  public static Settings fromEnvironment() {
    return resolve(Map.of(), System.getenv(), null);
  }

  /** These settings with another data folder (and its embedded database, unless one is named). */
  public Settings withDataDir(Path folder) {
    boolean embedded = dbUrl.equals(Database.embeddedUrl(dataDir));
    boolean defaultKeys = keyFile.equals(dataDir.resolve("keys").resolve("casebook.keyset.json"));
    return new Settings(
        host, port, folder, embedded ? Database.embeddedUrl(folder) : dbUrl, dbUser, dbPassword,
        defaultKeys ? folder.resolve("keys").resolve("casebook.keyset.json") : keyFile,
        communications, search);
  }

  public Settings withPort(int newPort) {
    return new Settings(host, newPort, dataDir, dbUrl, dbUser, dbPassword, keyFile, communications, search);
  }

  /** These settings with other communication periods. */
  public Settings withCommunications(CommunicationPeriods periods) {
    return new Settings(host, port, dataDir, dbUrl, dbUser, dbPassword, keyFile, periods, search);
  }

  /** These settings with another search index. */
  public Settings withSearch(SearchSettings index) {
    return new Settings(host, port, dataDir, dbUrl, dbUser, dbPassword, keyFile, communications, index);
  }

  public boolean embeddedDatabase() {
    return dbUrl.startsWith("jdbc:h2:");
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new InvalidInput("port", "\"" + text + "\" is not a port; expected a number from 0 to 65535");
    }
  }

  private static int days(Key key, Map<Key, String> values) {
    String text = values.get(key);
    try {
      int days = Integer.parseInt(text);
      if (days < 0 || days > 3660) {
        throw new NumberFormatException();
      }
      return days;
    } catch (NumberFormatException e) {
      throw new InvalidInput(key.property(), "\"" + text + "\" is not a number of days; expected a whole number from 0 to 3660");
    }
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new InvalidInput(
          Key.COMMUNICATION_TIME_ZONE.property(), "\"" + text + "\" is not a time zone; expected a name such as UTC or Europe/Zurich");
    }
  }

  /** The settings as text for logs and messages: the database password is never written out. */
  @Override
  public String toString() {
    return "Settings[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
        + ", dbPassword=" + (dbPassword == null || dbPassword.isEmpty() ? "(none)" : "(set)") + ", keyFile=" + keyFile
        + ", communications=" + communications + ", search=" + search + "]";
  }

  static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new InvalidInput(file.toString(), "cannot read the config file: " + e.getMessage());
    }
    return properties;
  }
}
