package org.casebook.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.casebook.config.Settings;
import picocli.CommandLine.Option;

/** The options that say where the data is, shared by every command. */
final class StoreOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Config file (properties). Default: $CASEBOOK_CONFIG, else ./casebook.properties if present.")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder ($CASEBOOK_DATA_DIR; default ./data).")
  String dataDir;

  @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database ($CASEBOOK_DB_URL; default the embedded H2 file in the data folder).")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user ($CASEBOOK_DB_USER).")
  String dbUser;

  /** The settings, with the given command-specific options added. */
  Settings settings(Map<Settings.Key, String> more) {
    Map<Settings.Key, String> options = new EnumMap<>(Settings.Key.class);
    put(options, Settings.Key.DATA_DIR, dataDir);
    put(options, Settings.Key.DB_URL, dbUrl);
    put(options, Settings.Key.DB_USER, dbUser);
    options.putAll(more);
    return Settings.resolve(options, System.getenv(), config);
  }

  Settings settings() {
    return settings(Map.of());
  }

  static void put(Map<Settings.Key, String> options, Settings.Key key, String value) {
    if (value != null) {
      options.put(key, value);
    }
  }
}
