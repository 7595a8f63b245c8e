package org.casebook.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * The record store: a pooled data source, its Flyway migrations and the {@link Jdbi} that every
 * repository works through. The same migrations serve the embedded H2 file database and
 * PostgreSQL.
 *
 * <p>Lifecycle: open once at start with {@link #open}, share the instance, {@link #close} at
 * shutdown. Thread-safe: {@link #jdbi()} may be used from any number of threads; each unit of work
 * takes its own connection through {@code jdbi.inTransaction(...)} or {@code withHandle(...)}.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final String url;

  private Database(HikariDataSource dataSource, String url) {
    this.dataSource = dataSource;
    this.url = url;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Connects to {@code url} (creating the H2 file's folder if needed) without touching the schema.
   */
  public static Database open(String url, String user, String password) {
    createH2Folder(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("casebook");
    config.setMaximumPoolSize(10);
    config.setAutoCommit(true);
    return new Database(new HikariDataSource(config), url);
  }

  /** The JDBC URL of the embedded H2 database kept under {@code dataDir}. */
  public static String embeddedUrl(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve("casebook");
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
  }

  /** Brings the schema up to date; safe to call on every start. */
  public MigrateResult migrate() {
    return flyway().migrate();
  }

  /** The migrations applied and pending, for the {@code migrate --info} command. */
  public org.flywaydb.core.api.MigrationInfoService migrationInfo() {
    return flyway().info();
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL with any password parameter removed, fit for logs. */
  public String describe() {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static void createH2Folder(String url) {
    String prefix = "jdbc:h2:file:";
    if (!url.startsWith(prefix)) {
      return;
    }
    String file = url.substring(prefix.length()).split(";", 2)[0];
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new StorageUnavailable("cannot create the data folder " + parent, e);
    }
  }
}
