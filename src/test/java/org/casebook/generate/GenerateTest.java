package org.casebook.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.audit.AuditLog;
import org.casebook.audit.VerificationReport;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseStore;
import org.casebook.catalogue.CatalogueService;
import org.casebook.chronology.ChronologyItem;
import org.casebook.chronology.ChronologyService;
import org.casebook.cli.Main;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.Confidentiality;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.crypto.FieldCipher;
import org.casebook.events.Event;
import org.casebook.events.EventStore;
import org.casebook.organizations.Organization;
import org.casebook.organizations.OrganizationStore;
import org.casebook.people.Person;
import org.casebook.people.PersonStore;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.sources.Source;
import org.casebook.sources.SourceStore;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.casebook.transfer.RecordServices;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The corpus generator on both stores: the number of records asked for, an intact audit log, the
 * same rows for the same seed, the very rows the stores write, records the services read, and
 * restricted text sealed on disk.
 */
class GenerateTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
  private static final long SEED = 20250701L;

  /** Every table a generation writes records or their parts to, and the audit log. */
  private static final List<String> TABLES =
      List.of(
          "persons", "person_names", "organizations", "organization_names", "organization_registrations",
          "organization_memberships", "sources", "case_files", "case_persons", "case_organizations",
          "case_sources", "proceedings", "proceeding_charges", "proceeding_parties",
          "proceeding_status_changes", "proceeding_status_sources", "events", "event_participants",
          "event_sources", "event_links", "audit_log");

  @TempDir Path folder;

  private static GenerationReport generate(Casebook casebook, long records, long seed) {
    return new CorpusGenerator(casebook.database().jdbi(), casebook.accounts(), CLOCK, "the test store")
        .generate(records, seed, Progress.NONE);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void writesExactlyTheRecordsAskedForEachWithAnAuditEntry(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, folder)) {
      GenerationReport report = generate(casebook, 2_345, SEED);

      Map<String, Long> rows = recordCounts(casebook);
      assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_345);
      assertThat(report.records()).isEqualTo(2_345);
      assertThat(rows.get("case_files")).isEqualTo(report.caseFiles()).isBetween(2_345L / 40, 2_345L / 10 + 1);
      assertThat(rows.get("persons")).isEqualTo(report.byKind().get("person"));
      assertThat(rows.get("events")).isEqualTo(report.byKind().get("event"));
      VerificationReport audit = new AuditLog(casebook.database().jdbi()).verify();
      assertThat(audit.problems()).isEmpty();
      assertThat(audit.entries()).as("one per record, and one per benchmark account created").isEqualTo(2_345 + BenchUsers.ACCOUNTS.size());
      assertThat(report.teamCaseFiles())
          .containsEntry(BenchUsers.VIEWER, (report.caseFiles() + 99) / 100)
          .containsEntry(BenchUsers.EDITOR, (report.caseFiles() + 9) / 10);
      assertThatThrownBy(() -> generate(casebook, 10, SEED))
          .isInstanceOf(StoreNotEmpty.class)
          .hasMessageContaining("already holds " + report.caseFiles() + " case files");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theSameSeedMakesTheSameRowsAndAnotherSeedOthers(TestStore store) {
    try (Casebook first = TestCasebook.open(store, folder.resolve("first"));
        Casebook second = TestCasebook.open(store, folder.resolve("second"));
        Casebook third = TestCasebook.open(store, folder.resolve("third"))) {
      generate(first, 1_200, SEED);
      generate(second, 1_200, SEED);
      generate(third, 1_200, SEED + 1);

      Map<String, String> rows = dump(first);
      assertThat(dump(second)).isEqualTo(rows);
      assertThat(dump(third).get("persons")).isNotEqualTo(rows.get("persons"));
    }
  }

  /**
   * The generator writes in batches what the stores write one record at a time: the same rows,
   * sealed where the stores seal, with the same audit chain; and every record passes its
   * service's checks, so the services would have accepted it.
   */
  @ParameterizedTest
  @EnumSource(TestStore.class)
  void writesTheRowsTheStoresWriteForRecordsTheServicesAccept(TestStore store) {
    try (Casebook generated = TestCasebook.open(store, folder.resolve("generated"));
        Casebook stored = TestCasebook.open(store, folder.resolve("stored"))) {
      generate(generated, 1_500, SEED);

      writeThroughTheStores(stored, 1_500, SEED);

      Map<String, String> expected = dump(stored);
      Map<String, String> actual = dump(generated);
      for (String table : TABLES) {
        assertThat(actual.get(table)).as(table).isEqualTo(expected.get(table));
      }
      assertThat(actual.get("persons")).contains("<sealed>");
      assertThat(actual.get("sources")).contains("<sealed>");
    }
  }

  private static void writeThroughTheStores(Casebook casebook, long records, long seed) {
    RecordServices services = casebook.records();
    Actor actor = Caller.system("generate").actor();
    PersonStore persons = new PersonStore();
    OrganizationStore organizations = new OrganizationStore();
    SourceStore sources = new SourceStore();
    CaseStore cases = new CaseStore();
    ProceedingStore proceedings = new ProceedingStore(new CatalogueService(casebook.database().jdbi()));
    EventStore events = new EventStore();
    Provisions provisions = casebook.database().jdbi().withHandle(Provisions::load);
    for (List<CaseBundle> batch : new Corpus(provisions, records, seed).batches(CorpusGenerator.RECORDS_PER_TRANSACTION)) {
      casebook
          .database()
          .jdbi()
          .useTransaction(
              handle -> {
                Instant now = CLOCK.instant();
                for (CaseBundle bundle : batch) {
                  for (Person person : bundle.persons()) {
                    accepted(services.persons().check(person, ""));
                    persons.insert(handle, person.id(), null, person, actor, now);
                  }
                }
                for (CaseBundle bundle : batch) {
                  for (Organization organization : bundle.organizations()) {
                    Checks checks = services.organizations().check(organization, "");
                    services.organizations().checkMembers(handle, checks, organization, "");
                    accepted(checks);
                    organizations.insert(handle, organization.id(), null, organization, actor, now);
                  }
                }
                for (CaseBundle bundle : batch) {
                  for (Source source : bundle.sources()) {
                    accepted(services.sources().check(source, ""));
                    sources.insert(handle, source.id(), null, source, actor, now);
                  }
                }
                for (CaseBundle bundle : batch) {
                  CaseFile caseFile = bundle.caseFile();
                  accepted(services.cases().check(caseFile, ""));
                  cases.insert(handle, caseFile.id(), null, caseFile, actor, now);
                }
                for (CaseBundle bundle : batch) {
                  for (Proceeding proceeding : bundle.proceedings()) {
                    Checks checks = services.proceedings().check(proceeding, "");
                    services.proceedings().checkReferences(handle, checks, proceeding, "");
                    accepted(checks);
                    proceedings.insert(handle, proceeding.id(), null, proceeding, actor, now);
                  }
                }
                for (CaseBundle bundle : batch) {
                  for (Event event : bundle.events()) {
                    Checks checks = services.events().check(event, "");
                    services.events().checkReferences(handle, checks, event, "");
                    accepted(checks);
                    events.insert(handle, event.id(), null, event, actor, now);
                  }
                }
              });
    }
  }

  private static void accepted(Checks checks) {
    checks.throwIfAny();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theRecordsReadBackThroughTheServicesTrimmedToTheViewersCaseFiles(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, folder)) {
      generate(casebook, 2_000, SEED);
      RecordServices services = casebook.records();
      Caller system = Caller.system("tester");
      var viewerAccount = casebook.accounts().findUser(BenchUsers.VIEWER).orElseThrow();
      Caller viewer = Caller.user(viewerAccount.id(), viewerAccount.name(), Role.VIEWER, null);
      assertThat(viewerAccount.role()).isEqualTo(Role.VIEWER);

      Page<Person> everyone = services.persons().list(system, new PersonStore.Filter(null, null, false), new PageRequest(1, 20));
      Page<Person> seen = services.persons().list(viewer, new PersonStore.Filter(null, null, false), new PageRequest(1, 20));
      assertThat(everyone.total()).isEqualTo(recordCounts(casebook).get("persons"));
      assertThat(seen.total()).isPositive().isLessThan(everyone.total() / 20);
      Page<CaseFile> viewersCases = services.cases().list(viewer, new CaseStore.Filter(null, null, null, null, false), new PageRequest(1, 50));
      assertThat(viewersCases.total()).isEqualTo(casebook.teams().casesOf(viewerAccount.id()).size());

      UUID caseId = viewersCases.items().get(0).id();
      List<ChronologyItem> chronology = casebook.chronology().chronology(viewer, caseId, ChronologyService.Filter.ALL);
      assertThat(chronology).isNotEmpty();

      UUID eventId = id(casebook, "SELECT public_id FROM events ORDER BY id LIMIT 1");
      Event event = services.events().get(system, eventId);
      assertThat(event.title()).isNotBlank();
      assertThat(event.participants()).isNotEmpty();

      UUID restrictedSource = id(casebook, "SELECT public_id FROM sources WHERE confidentiality = 'restricted' ORDER BY id LIMIT 1");
      Source source = services.sources().get(system, restrictedSource);
      assertThat(source.text()).doesNotStartWith(FieldCipher.PREFIX).hasSizeGreaterThan(500);
      assertThat(source.sha256()).isEqualTo(org.casebook.sources.FileStore.sha256(source.text().getBytes(StandardCharsets.UTF_8)));

      UUID protectedPerson = id(casebook, "SELECT public_id FROM persons WHERE protected = TRUE ORDER BY id LIMIT 1");
      assertThat(services.persons().get(system, protectedPerson).name()).doesNotStartWith(FieldCipher.PREFIX);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void namesInBothScriptsAndDatesOfEveryPrecision(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, folder)) {
      generate(casebook, 2_000, SEED);

      List<String> names =
          texts(casebook, "SELECT primary_name FROM persons WHERE confidentiality <> 'restricted' AND protected = FALSE");
      names.addAll(texts(casebook, "SELECT n.name FROM person_names n JOIN persons p ON p.id = n.person_id"
          + " WHERE p.confidentiality <> 'restricted' AND p.protected = FALSE"));
      assertThat(names).anyMatch(name -> name.matches("[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+ [А-ЯЁӘҒҚҢӨҰҮҺІ].*"));
      assertThat(names).anyMatch(name -> name.matches("[A-Z][a-z]+ [A-Z][a-z]+.*"));
      assertThat(names).anyMatch(name -> name.matches(".*[әғқңөұүі].*"));
      assertThat(texts(casebook, "SELECT kind FROM person_names"))
          .contains("transliteration", "alias", "pseudonym", "former");

      List<String> dates = texts(casebook, "SELECT date_edtf FROM events");
      assertThat(dates).anyMatch(date -> date.matches("\\d{4}-\\d{2}-\\d{2}"));
      assertThat(dates).anyMatch(date -> date.matches("\\d{4}-\\d{2}"));
      assertThat(dates).anyMatch(date -> date.matches("\\d{4}"));
      assertThat(dates).anyMatch(date -> date.matches("\\d{4}-\\d{2}/\\d{4}-\\d{2}"));
      assertThat(dates).anyMatch(date -> date.endsWith("~"));
      assertThat(dates).anyMatch(date -> date.endsWith("?"));
      assertThat(dates).anyMatch(date -> date.contains("XX"));
      assertThat(dates).anyMatch(date -> date.contains(".."));
      assertThat(texts(casebook, "SELECT DISTINCT type FROM events")).hasSizeGreaterThan(20);
      assertThat(texts(casebook, "SELECT DISTINCT a.article FROM proceeding_charges c JOIN provisions a ON a.id = c.provision_id"))
          .contains("274");
      assertThat(texts(casebook, "SELECT DISTINCT language FROM sources")).containsExactlyInAnyOrder("en", "ru");
    }
  }

  /**
   * The command line on the embedded store: generate, then {@code audit verify}; and what a seized
   * disk shows: no restricted text of the corpus in the database files, though public text is there.
   */
  @Test
  void theCommandFillsTheEmbeddedStoreWithRestrictedTextSealedOnDisk() throws IOException {
    Path dataDir = folder.resolve("data");
    assertThat(Main.run("generate", "--records", "1500", "--seed", "3", "--data-dir", dataDir.toString())).isZero();
    assertThat(Main.run("audit", "verify", "--data-dir", dataDir.toString())).isZero();
    assertThat(Main.run("generate", "--records", "10", "--data-dir", dataDir.toString())).isEqualTo(5);

    Provisions provisions;
    try (Database database = TestStore.H2.open()) {
      provisions = database.jdbi().withHandle(Provisions::load);
    }
    // What is not sealed: every record that is not restricted, as text (notes included, though
    // they are sealed, so that no canary is taken from a text that is anywhere in clear).
    List<String> restricted = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    StringBuilder open = new StringBuilder();
    StringBuilder publicText = new StringBuilder();
    for (CaseBundle bundle : new Corpus(provisions, 1500, 3)) {
      List<org.casebook.common.Recorded> records = new ArrayList<>();
      records.add(bundle.caseFile());
      records.addAll(bundle.persons());
      records.addAll(bundle.organizations());
      records.addAll(bundle.sources());
      records.addAll(bundle.proceedings());
      records.addAll(bundle.events());
      for (org.casebook.common.Recorded record : records) {
        boolean sealed =
            record.confidentiality() == Confidentiality.RESTRICTED
                || bundle.caseFile().confidentiality() == Confidentiality.RESTRICTED && record == bundle.caseFile()
                || record instanceof Person person && person.isProtected();
        if (!sealed) {
          open.append(record).append('\n');
          if (record instanceof Source source) {
            publicText.append(source.text()).append('\n');
          }
        } else if (record instanceof Source source) {
          restricted.add(source.text());
        }
      }
      for (Person person : bundle.persons()) {
        if (person.notes() != null) {
          notes.add(person.notes());
        }
      }
    }
    List<String> canaries = new ArrayList<>();
    for (String text : restricted) {
      // ASCII stretches only: H2 writes other characters in an encoding of its own.
      for (int start = 0; start + 24 <= text.length() && canaries.size() < 200; start += 97) {
        String piece = text.substring(start, start + 24);
        if (piece.chars().allMatch(c -> c >= 32 && c < 127) && open.indexOf(piece) < 0) {
          canaries.add(piece);
        }
      }
    }
    // Notes, sealed on every record, hold telephone numbers found nowhere else.
    for (String note : notes) {
      java.util.regex.Matcher telephone = java.util.regex.Pattern.compile("\\+7 701 [0-9 ]{9}").matcher(note);
      if (telephone.find()) {
        canaries.add(telephone.group());
      }
    }
    String control = asciiPiece(publicText.toString());
    assertThat(canaries).hasSizeGreaterThan(20);
    assertThat(canaries).anyMatch(canary -> canary.startsWith("+7 701"));

    List<byte[]> files = new ArrayList<>();
    try (var walk = Files.walk(dataDir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.add(Files.readAllBytes(file));
      }
    }
    assertThat(files.stream().anyMatch(content -> contains(content, control)))
        .as("public text is found in the database files")
        .isTrue();
    for (String canary : canaries) {
      assertThat(files.stream().anyMatch(content -> contains(content, canary))).as(canary).isFalse();
    }
  }

  private static String asciiPiece(String text) {
    for (int start = 0; start + 40 <= text.length(); start += 11) {
      String piece = text.substring(start, start + 40);
      if (piece.chars().allMatch(c -> c >= 32 && c < 127)) {
        return piece;
      }
    }
    throw new AssertionError("no ASCII text among the public sources");
  }

  private static boolean contains(byte[] content, String text) {
    byte[] pattern = text.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int start = 0; start <= content.length - pattern.length; start++) {
      for (int offset = 0; offset < pattern.length; offset++) {
        if (content[start + offset] != pattern[offset]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static UUID id(Casebook casebook, String sql) {
    return casebook.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(UUID.class).one());
  }

  private static List<String> texts(Casebook casebook, String sql) {
    return new ArrayList<>(casebook.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list()));
  }

  private static Map<String, Long> recordCounts(Casebook casebook) {
    Map<String, Long> counts = new TreeMap<>();
    casebook
        .database()
        .jdbi()
        .useHandle(
            handle -> {
              for (String table : new String[] {"case_files", "persons", "organizations", "sources", "proceedings", "events"}) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
              }
            });
    return counts;
  }

  /** Every row of {@link #TABLES} as text, in key order, with sealed values as {@code <sealed>}. */
  private static Map<String, String> dump(Casebook casebook) {
    Map<String, String> tables = new LinkedHashMap<>();
    casebook.database().jdbi().useHandle(handle -> TABLES.forEach(table -> tables.put(table, dump(handle, table))));
    return tables;
  }

  private static String dump(Handle handle, String table) {
    StringBuilder out = new StringBuilder();
    handle
        .createQuery(
            table.equals("audit_log")
                // The records' entries, in order; the benchmark accounts' creation (an
                // administrative act with random account ids) and the hashes that chain it are left
                // out here: `audit verify` checks the chain.
                ? "SELECT at, actor, session_id, action, record_kind, record_id, detail FROM audit_log"
                    + " WHERE record_kind IS NULL OR record_kind <> 'user' ORDER BY seq"
                : "SELECT * FROM " + table + " ORDER BY 1, 2, 3")
        .map(
            (row, context) -> {
              ResultSetMetaData meta = row.getMetaData();
              for (int column = 1; column <= meta.getColumnCount(); column++) {
                String value = row.getString(column);
                String text = value == null ? "null" : value;
                out.append(meta.getColumnName(column).toLowerCase(java.util.Locale.ROOT))
                    .append('=')
                    .append(FieldCipher.isEncrypted(text) ? "<sealed>" : text)
                    .append(column < meta.getColumnCount() ? ", " : "\n");
              }
              return null;
            })
        .list();
    return out.toString();
  }
}
