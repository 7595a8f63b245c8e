package org.casebook.cli;

import org.casebook.config.Settings;
import org.casebook.storage.Database;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code casebook migrate}: brings the database schema up to date, or shows its state. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Bring the database schema up to date (the server also does this at start).")
final class MigrateCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--info", description = "List the migrations and their state; change nothing.")
  boolean info;

  @Override
  public Integer call() {
    Settings settings = store.settings();
    try (Database database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
      if (info) {
        for (MigrationInfo migration : database.migrationInfo().all()) {
          System.out.println(migration.getVersion() + "  " + migration.getState().getDisplayName() + "  " + migration.getDescription());
        }
        return ExitCode.OK;
      }
      var result = database.migrate();
      MigrationInfo current = database.migrationInfo().current();
      System.out.println(
          "Schema of " + database.describe() + " is at version "
              + (current == null ? "none" : current.getVersion())
              + " (" + result.migrationsExecuted + " migration(s) applied now).");
      return ExitCode.OK;
    }
  }
}
