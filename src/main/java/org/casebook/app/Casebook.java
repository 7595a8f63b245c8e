package org.casebook.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.casebook.accounts.AccountPolicy;
import org.casebook.accounts.AccountRoutes;
import org.casebook.accounts.AccountService;
import org.casebook.accounts.SessionAuthenticator;
import org.casebook.accounts.TeamService;
import org.casebook.cases.CaseRoutes;
import org.casebook.cases.CaseService;
import org.casebook.catalogue.CatalogueRoutes;
import org.casebook.catalogue.CatalogueService;
import org.casebook.chronology.ChronologyRoutes;
import org.casebook.chronology.ChronologyService;
import org.casebook.communications.CalendarFeed;
import org.casebook.communications.CalendarLinkService;
import org.casebook.communications.ClaimRoutes;
import org.casebook.communications.ClaimService;
import org.casebook.communications.CommunicationRegister;
import org.casebook.communications.CommunicationRoutes;
import org.casebook.communications.CommunicationService;
import org.casebook.communications.DeadlineRoutes;
import org.casebook.communications.DeadlineService;
import org.casebook.communications.MandateService;
import org.casebook.communications.ReplyRoutes;
import org.casebook.communications.ReplyService;
import org.casebook.config.SearchSettings;
import org.casebook.config.Settings;
import org.casebook.crypto.FieldCipher;
import org.casebook.crypto.FieldProtection;
import org.casebook.crypto.Keyring;
import org.casebook.crypto.ReEncryption;
import org.casebook.crypto.SecretFile;
import org.casebook.demo.DemoSetup;
import org.casebook.events.EventRoutes;
import org.casebook.events.EventService;
import org.casebook.organizations.OrganizationRoutes;
import org.casebook.organizations.OrganizationService;
import org.casebook.pages.Messages;
import org.casebook.pages.Pages;
import org.casebook.people.PersonRoutes;
import org.casebook.people.PersonService;
import org.casebook.people.RelationshipService;
import org.casebook.proceedings.ProceedingRoutes;
import org.casebook.publication.PublicationRoutes;
import org.casebook.publication.PublicationService;
import org.casebook.proceedings.ProceedingService;
import org.casebook.search.SearchBackend;
import org.casebook.search.SearchIndexer;
import org.casebook.search.SearchRoutes;
import org.casebook.search.SearchService;
import org.casebook.search.lucene.LuceneBackend;
import org.casebook.search.opensearch.ClusterAccess;
import org.casebook.search.opensearch.OpenSearchBackend;
import org.casebook.sources.FileStore;
import org.casebook.sources.SourceRoutes;
import org.casebook.sources.SourceService;
import org.casebook.storage.Database;
import org.casebook.storage.Outbox;
import org.casebook.storage.SealedColumns;
import org.casebook.transfer.ExportService;
import org.casebook.transfer.ImportService;
import org.casebook.transfer.Progress;
import org.casebook.transfer.RecordServices;
import org.casebook.transfer.TransferRoutes;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.vocabulary.VocabularyRoutes;
import org.casebook.web.Feature;
import org.casebook.web.Json;
import org.casebook.web.Requests;
import org.casebook.web.WebServer;

/**
 * The composition root: opens the store, brings its schema up to date, and builds every service
 * once. Commands and the server take what they need from here.
 *
 * <p>Lifecycle: {@link #open} at start, {@link #close} at the end (which closes the database).
 * The services it holds are thread-safe and shared.
 */
public final class Casebook implements AutoCloseable {
  private final Settings settings;
  private final Database database;
  private final Vocabularies vocabularies;
  private final CatalogueService catalogue;
  private final RecordServices records;
  private final ChronologyService chronology;
  private final ImportService importer;
  private final ExportService exporter;
  private final Keyring keyring;
  private final Clock clock;
  private final AccountService accounts;
  private final TeamService teams;
  private final MandateService mandates;
  private final DeadlineService deadlines;
  private final CalendarLinkService calendarLinks;
  private final CommunicationRegister register;
  private SearchBackend searchBackend;
  private SearchIndexer searchIndexer;
  private SearchService search;

  private Casebook(Settings settings, Database database, Clock clock) {
    this.settings = settings;
    this.database = database;
    this.clock = clock;
    var jdbi = database.jdbi();
    jdbi.getConfig(Outbox.Signal.class);
    this.keyring = keyring(settings);
    jdbi.getConfig(FieldProtection.class).use(new FieldCipher(keyring));
    this.accounts =
        new AccountService(
            jdbi, clock, AccountPolicy.defaults(),
            SecretFile.readOrCreate(keyFolder(settings).resolve("sign-in-pseudonym.key")));
    this.teams = new TeamService(jdbi, clock);
    this.vocabularies = new Vocabularies(jdbi, clock);
    this.catalogue = new CatalogueService(jdbi, clock);
    FileStore files = new FileStore(settings.dataDir().resolve("files"));
    CommunicationService communications = new CommunicationService(jdbi, clock, settings.communications());
    ReplyService replies = new ReplyService(jdbi, clock, communications);
    this.records =
        new RecordServices(
            new CaseService(jdbi, vocabularies, clock),
            new PersonService(jdbi, vocabularies, clock),
            new OrganizationService(jdbi, vocabularies, clock),
            new RelationshipService(jdbi, vocabularies, clock),
            new SourceService(jdbi, vocabularies, files, clock),
            new EventService(jdbi, vocabularies, clock),
            new ProceedingService(jdbi, vocabularies, catalogue, clock),
            communications,
            replies,
            new ClaimService(jdbi, clock, communications, replies));
    this.mandates = new MandateService(jdbi, clock);
    this.deadlines = new DeadlineService(jdbi, communications, records.proceedings());
    this.calendarLinks = new CalendarLinkService(jdbi, clock);
    this.register = new CommunicationRegister(jdbi, clock, communications, replies, records.claims());
    this.chronology = new ChronologyService(jdbi, records.events(), records.proceedings(), vocabularies, clock);
    this.importer = new ImportService(jdbi, records, catalogue);
    this.exporter = new ExportService(jdbi, records, clock);
  }

  /** Opens the store named by {@code settings} and migrates its schema. */
  public static Casebook open(Settings settings, Clock clock) {
    Database database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    try {
      return on(database, settings, clock);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Builds Casebook over an open database (migrating it), with files under the settings' data
   * folder. Closing the result closes the database.
   */
  public static Casebook on(Database database, Settings settings, Clock clock) {
    database.migrate();
    return new Casebook(settings, database, clock);
  }

  /** Starts the HTTP server on the settings' host and port. */
  public WebServer serve() {
    return serve(settings.host(), settings.port());
  }

  public WebServer serve(String host, int port) {
    return serve(host, port, false);
  }

  /** Starts the server; a demo server marks every answer as a demo. */
  public WebServer serve(String host, int port, boolean demo) {
    SearchService searchService = search();
    searchIndexer().start();
    ObjectMapper mapper = Json.mapper();
    Requests requests = new Requests(mapper);
    PublicationService publication = new PublicationService(database.jdbi(), records);
    Pages pages =
        Pages.create(
            accounts, database.jdbi(), clock, records, chronology, vocabularies, publication,
            importer, exporter, teams, catalogue, deadlines(), mandates, register, searchService, demo || DemoSetup.isDemo(this));
    List<Feature> features = new ArrayList<>();
    features.addAll(
        List.of(
            new AccountRoutes(accounts, teams, requests, database.jdbi(), clock),
            new CaseRoutes(records.cases(), requests),
            new PersonRoutes(records.persons(), records.relationships(), requests),
            new OrganizationRoutes(records.organizations(), requests),
            new SourceRoutes(records.sources(), requests),
            new EventRoutes(records.events(), requests),
            new ProceedingRoutes(records.proceedings(), requests),
            new ChronologyRoutes(chronology),
            new VocabularyRoutes(vocabularies, requests),
            new CatalogueRoutes(catalogue, requests),
            new TransferRoutes(importer, exporter),
            new CommunicationRoutes(records.communications(), records.replies(), records.claims(), requests),
            new ReplyRoutes(records.replies(), requests),
            new ClaimRoutes(records.claims(), requests),
            new DeadlineRoutes(
                mandates, deadlines, calendarLinks, requests, clock,
                locale -> CalendarFeed.labels(Messages.of(locale)::get)),
            new PublicationRoutes(publication),
            new SearchRoutes(searchService)));
    features.addAll(pages.features());
    return WebServer.start(
        host, port, mapper, new SessionAuthenticator(accounts), features, demo, pages.errorPages());
  }

  /**
   * The keys that encrypt restricted fields: the JSON keyset in {@code CASEBOOK_KEYSET} if set (for
   * deployments that hand secrets in through the environment), else the key file, made on first
   * use with owner-only permissions.
   */
  private static Keyring keyring(Settings settings) {
    String keyset = System.getenv("CASEBOOK_KEYSET");
    if (keyset != null && !keyset.isBlank()) {
      return Keyring.fromJson(keyset, "CASEBOOK_KEYSET");
    }
    return Keyring.fromFile(settings.keyFile());
  }

  private static java.nio.file.Path keyFolder(Settings settings) {
    return settings.keyFile().toAbsolutePath().getParent();
  }

  /**
   * Starts re-encrypting, in a background thread, whatever is still sealed under an older key
   * (after {@code keys rotate}, or a rotation interrupted before its re-encryption finished). It
   * resumes where an earlier run stopped and skips columns already done, so a start with nothing
   * to do costs one query per column. Stop the returned run before closing.
   */
  public ReEncryption.Run startReEncryption() {
    return new ReEncryption(database.jdbi(), new FieldCipher(keyring), SealedColumns.ALL, Progress.NONE).start();
  }

  /**
   * The search service, opening the search index on first use: the embedded Lucene index under
   * {@code <data-dir>/index/}, or the OpenSearch cluster of the settings ({@link
   * org.casebook.config.SearchSettings}). Only the server and the commands that work on the index open it, so
   * that other commands can run beside a server.
   */
  public synchronized SearchService search() {
    openSearch();
    return search;
  }

  /** The indexer that keeps the search index following the database (opening the index). */
  public synchronized SearchIndexer searchIndexer() {
    openSearch();
    return searchIndexer;
  }

  private void openSearch() {
    if (searchBackend == null) {
      searchBackend = openSearchBackend(settings);
      searchIndexer = new SearchIndexer(database.jdbi(), searchBackend);
      search = new SearchService(database.jdbi(), searchBackend);
    }
  }

  /** The search index the settings choose. */
  static SearchBackend openSearchBackend(Settings settings) {
    SearchSettings search = settings.search();
    return switch (search.backend()) {
      case LUCENE -> LuceneBackend.open(settings.dataDir().resolve("index"));
      case OPENSEARCH -> OpenSearchBackend.open(ClusterAccess.of(search), search.openSearchIndex(), search.openSearchReplicas());
    };
  }

  public AccountService accounts() {
    return accounts;
  }

  public TeamService teams() {
    return teams;
  }

  public MandateService mandates() {
    return mandates;
  }

  public DeadlineService deadlines() {
    return deadlines;
  }

  public CalendarLinkService calendarLinks() {
    return calendarLinks;
  }

  /** The public register of communications. */
  public CommunicationRegister register() {
    return register;
  }

  public Keyring keyring() {
    return keyring;
  }

  public Settings settings() {
    return settings;
  }

  public Database database() {
    return database;
  }

  public RecordServices records() {
    return records;
  }

  public ChronologyService chronology() {
    return chronology;
  }

  public ImportService importer() {
    return importer;
  }

  public ExportService exporter() {
    return exporter;
  }

  public Vocabularies vocabularies() {
    return vocabularies;
  }

  public Path dataDir() {
    return settings.dataDir();
  }

  /** Stops the search indexer, closes the index, then the database. */
  @Override
  public void close() {
    synchronized (this) {
      if (searchIndexer != null) {
        searchIndexer.close();
        searchBackend.close();
      }
    }
    database.close();
  }
}
