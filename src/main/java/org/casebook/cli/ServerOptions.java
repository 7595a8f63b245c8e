package org.casebook.cli;

import java.util.EnumMap;
import java.util.Map;
import org.casebook.config.Settings;
import picocli.CommandLine.Option;

/** Where the server listens. */
final class ServerOptions {
  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port ($CASEBOOK_PORT; default 7070; 0 picks a free port).")
  String port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on ($CASEBOOK_HOST; default 127.0.0.1).")
  String host;

  Map<Settings.Key, String> options() {
    Map<Settings.Key, String> options = new EnumMap<>(Settings.Key.class);
    StoreOptions.put(options, Settings.Key.PORT, port);
    StoreOptions.put(options, Settings.Key.HOST, host);
    return options;
  }
}
