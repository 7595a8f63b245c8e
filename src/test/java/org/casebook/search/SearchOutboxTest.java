package org.casebook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import org.casebook.accounts.User;
import org.casebook.app.Casebook;
import org.casebook.cases.CaseFile;
import org.casebook.cli.Main;
import org.casebook.common.InvalidInput;
import org.casebook.common.Name;
import org.casebook.common.VersionConflict;
import org.casebook.config.Settings;
import org.casebook.people.Person;
import org.casebook.search.lucene.LuceneBackend;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The index follows the database through the outbox: a change is found once the indexer has run,
 * including the changes that alter other records' documents (a person's new name, a case file
 * listing a person); a rolled-back transaction leaves no outbox row; an indexer that was stopped
 * catches up at start, and an index that fell behind without the outbox (an old copy) or was built
 * from another database is rebuilt; {@code casebook reindex} gives the same results.
 */
class SearchOutboxTest {
  @TempDir Path dataDir;

  private static List<UUID> found(Casebook casebook, Caller caller, String text) {
    return casebook.search().search(caller, SearchQuery.of(text)).hits().stream().map(SearchHit::id).toList();
  }

  private static long outboxRows(Casebook casebook) {
    return casebook.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM search_outbox").mapTo(Long.class).one());
  }

  private static Person person(String name) {
    return new Person(null, null, null, null, name, List.of(), null, null, List.of(), null, false, null);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aChangeIsFoundOnceTheIndexerHasRun(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      TestCasebook.importDemo(casebook);
      SearchIndexer indexer = casebook.searchIndexer();
      assertThat(indexer.catchUp().agrees()).isTrue();
      Caller tester = TestCasebook.TESTER;

      Person created = casebook.records().persons().create(tester, person("Quillwort Amanova"));
      assertThat(outboxRows(casebook)).isEqualTo(1);
      assertThat(found(casebook, tester, "Quillwort")).isEmpty();
      indexer.drain();
      assertThat(outboxRows(casebook)).isZero();
      assertThat(found(casebook, tester, "Quillwort")).containsExactly(created.id());

      Person renamed = casebook.records().persons().update(tester, created.id(), new Person(
          created.id(), created.version(), null, null, "Bramblewick Amanova", List.of(), null, null, List.of(), null, false, null));
      indexer.drain();
      assertThat(found(casebook, tester, "Quillwort")).isEmpty();
      assertThat(found(casebook, tester, "Bramblewick")).containsExactly(created.id());

      casebook.records().persons().voidPerson(tester, created.id(), new org.casebook.common.VoidRequest(renamed.version(), "entered twice"));
      indexer.drain();
      assertThat(found(casebook, tester, "Bramblewick")).isEmpty();
      assertThat(indexer.compare().agrees()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aNewNameOfAPersonReachesTheRecordsThatNameThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      SearchIndexer indexer = casebook.searchIndexer();
      indexer.catchUp();
      Caller tester = TestCasebook.TESTER;
      UUID almat = personNamed(casebook, caseId, "Almat Mukhamedzhanov");
      long eventsBefore = casebook.search().search(tester, kind("Mukhamedzhanov", "event")).total();
      assertThat(eventsBefore).isPositive();

      Person stored = casebook.records().persons().get(tester, almat);
      List<Name> names = new ArrayList<>(stored.otherNames());
      names.add(new Name("Zeltser", "alias", null));
      casebook.records().persons().update(tester, almat, new Person(
          almat, stored.version(), stored.confidentiality(), null, stored.name(), names, stored.sex(), stored.birthDate(),
          stored.citizenship(), stored.occupation(), stored.isProtected(), stored.notes()));
      indexer.drain();
      assertThat(casebook.search().search(tester, kind("Zeltser", "event")).total()).isEqualTo(eventsBefore);
      assertThat(casebook.search().search(tester, kind("Zeltser", "case")).total()).isEqualTo(1);

      Person aliased = casebook.records().persons().get(tester, almat);
      casebook.records().persons().update(tester, almat, new Person(
          almat, aliased.version(), aliased.confidentiality(), null, aliased.name(), aliased.otherNames(), aliased.sex(),
          aliased.birthDate(), aliased.citizenship(), aliased.occupation(), true, aliased.notes()));
      indexer.drain();
      assertThat(casebook.search().search(tester, SearchQuery.of("Zeltser")).total()).as("a protected person's names leave every record").isZero();
      assertThat(indexer.compare().agrees()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void whoFindsAPersonFollowsTheCaseFilesThatListThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      UUID caseId = TestCasebook.importDemo(casebook).caseId();
      SearchIndexer indexer = casebook.searchIndexer();
      indexer.catchUp();
      User user = casebook.accounts().createUser("viewer", "viewer", Role.VIEWER, TestCasebook.PASSWORD);
      Caller viewer = Caller.user(user.id(), user.name(), Role.VIEWER, null);
      casebook.teams().addMember(caseId, user.id(), false);
      UUID thistle = casebook.records().persons().create(TestCasebook.TESTER, person("Thistledown Abenova")).id();
      indexer.drain();
      assertThat(found(casebook, viewer, "Thistledown")).isEmpty();

      CaseFile stored = casebook.records().cases().get(TestCasebook.TESTER, caseId);
      List<UUID> persons = new ArrayList<>(stored.persons());
      persons.add(thistle);
      CaseFile listed = casebook.records().cases().update(TestCasebook.TESTER, caseId, stored.withLinks(stored.subjects(), persons, stored.organizations(), stored.sources()));
      indexer.drain();
      assertThat(found(casebook, viewer, "Thistledown")).as("the person, and the case file that lists them").containsExactlyInAnyOrder(thistle, caseId);

      casebook.records().cases().update(TestCasebook.TESTER, caseId, listed.withLinks(listed.subjects(), stored.persons(), listed.organizations(), listed.sources()));
      indexer.drain();
      assertThat(found(casebook, viewer, "Thistledown")).isEmpty();
      assertThat(found(casebook, TestCasebook.TESTER, "Thistledown")).containsExactly(thistle);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aTransactionRolledBackLeavesNoOutboxRow(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      Caller tester = TestCasebook.TESTER;
      Person created = casebook.records().persons().create(tester, person("Rowan Kassymova"));
      long rows = outboxRows(casebook);
      assertThat(rows).isEqualTo(1);

      Person stale = new Person(created.id(), created.version() + 7, null, null, "Rowan K.", List.of(), null, null, List.of(), null, false, null);
      assertThatThrownBy(() -> casebook.records().persons().update(tester, created.id(), stale)).isInstanceOf(VersionConflict.class);
      assertThat(outboxRows(casebook)).isEqualTo(rows);

      assertThatThrownBy(
              () -> casebook.database().jdbi().useTransaction(
                  handle -> {
                    casebook.records().persons().save(handle, UUID.randomUUID(), null, person("Never Saved"), tester.actor(), false);
                    assertThat(handle.createQuery("SELECT COUNT(*) FROM search_outbox").mapTo(Long.class).one()).isEqualTo(rows + 1);
                    throw new IllegalStateException("the work fails after the write");
                  }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(outboxRows(casebook)).isEqualTo(rows);

      String broken = "format: casebook/1\ncase: {key: broken, title: Broken, risk: high, status: open}\n"
          + "persons:\n  - {key: a, name: Fine Person}\nevents:\n  - {key: e, date: not-a-date, type: threat, title: Bad}\n";
      assertThatThrownBy(() -> casebook.importer().importDocument(tester, "broken.yaml", broken, null, false, Progress.NONE))
          .isInstanceOf(InvalidInput.class);
      assertThat(outboxRows(casebook)).isEqualTo(rows);
      assertThat(casebook.importer().importDocument(tester, "dry.yaml", broken.replace("not-a-date", "2020"), null, true, Progress.NONE).created()).isPositive();
      assertThat(outboxRows(casebook)).as("a dry run is rolled back too").isEqualTo(rows);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStoppedIndexerCatchesUpAtStart(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      Path folder = dataDir.resolve("restart-index");
      SearchIndexer indexer;
      try (LuceneBackend backend = LuceneBackend.open(folder)) {
        indexer = new SearchIndexer(casebook.database().jdbi(), backend);
        assertThat(indexer.catchUp().agrees()).isTrue();
      }
      TestCasebook.importDemo(casebook);
      assertThat(outboxRows(casebook)).as("written while no indexer ran").isGreaterThan(50);
      try (LuceneBackend backend = LuceneBackend.open(folder)) {
        SearchIndexer restarted = new SearchIndexer(casebook.database().jdbi(), backend);
        assertThat(backend.stats().total()).isZero();
        SearchIndexer.Agreement agreement = restarted.catchUp();
        assertThat(agreement.agrees()).as(agreement.differences().toString()).isTrue();
        assertThat(outboxRows(casebook)).isZero();
        assertThat(new SearchService(casebook.database().jdbi(), backend).search(TestCasebook.TESTER, SearchQuery.of("Tansari")).total()).isPositive();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anIndexThatFellBehindWithoutTheOutboxOrCameFromAnotherDatabaseIsRebuilt(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      Path folder = dataDir.resolve("old-index");
      Path copy = dataDir.resolve("old-index-copy");
      try (LuceneBackend backend = LuceneBackend.open(folder)) {
        new SearchIndexer(casebook.database().jdbi(), backend).catchUp();
      }
      copyFolder(folder, copy);
      TestCasebook.importDemo(casebook);
      try (LuceneBackend backend = LuceneBackend.open(folder)) {
        new SearchIndexer(casebook.database().jdbi(), backend).catchUp();
        assertThat(backend.stats().total()).isPositive();
      }
      assertThat(outboxRows(casebook)).isZero();
      deleteFolder(folder);
      copyFolder(copy, folder);
      try (LuceneBackend backend = LuceneBackend.open(folder)) {
        assertThat(backend.stats().total()).as("the old copy, from before the import").isZero();
        SearchIndexer.Agreement agreement = new SearchIndexer(casebook.database().jdbi(), backend).catchUp();
        assertThat(agreement.agrees()).as(agreement.differences().toString()).isTrue();
        assertThat(backend.stats().total()).isPositive();
      }

      casebook.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE search_state SET database_id = :id").bind("id", UUID.randomUUID()).execute());
      try (LuceneBackend backend = LuceneBackend.open(folder)) {
        SearchIndexer indexer = new SearchIndexer(casebook.database().jdbi(), backend);
        assertThat(indexer.compare().agrees()).as("an index of another database does not agree").isFalse();
        assertThat(indexer.catchUp().agrees()).isTrue();
        assertThat(backend.stats().databaseId()).isEqualTo(indexer.databaseId());
      }
    }
  }

  @Test
  void reindexFromTheCommandLineGivesTheSameResults() {
    Settings settings = Settings.resolve(Map.of(Settings.Key.DATA_DIR, dataDir.toString()), Map.of(), null);
    List<String> queries = List.of("Smailova", "Tansari", "274", "\"knowingly false information\"", "Смаил*", "detained", "");
    List<String> before = new ArrayList<>();
    try (Casebook casebook = Casebook.open(settings, Clock.systemUTC())) {
      TestCasebook.importDemo(casebook);
      casebook.searchIndexer().catchUp();
      queries.forEach(query -> before.add(describe(casebook, query)));
      assertThat(Main.run("reindex", "--data-dir", dataDir.toString())).as("refused while the index is open").isEqualTo(6);
    }
    assertThat(Main.run("reindex", "--data-dir", dataDir.toString())).isZero();
    try (Casebook casebook = Casebook.open(settings, Clock.systemUTC())) {
      assertThat(casebook.searchIndexer().compare().agrees()).isTrue();
      List<String> after = new ArrayList<>();
      queries.forEach(query -> after.add(describe(casebook, query)));
      assertThat(after).isEqualTo(before);
    }
  }

  /** The whole first page of a search, with totals, facets, and snippets. */
  private static String describe(Casebook casebook, String query) {
    SearchResult result = casebook.search().search(TestCasebook.TESTER, new SearchQuery(query, Map.of(), null, null, SortOrder.RELEVANCE, 1, 100));
    return query + " " + result.total() + " " + result.facets() + " "
        + result.hits().stream().map(hit -> hit.id() + " " + hit.snippet().html()).sorted().toList();
  }

  private static SearchQuery kind(String text, String kind) {
    return new SearchQuery(text, Map.of(Facet.KIND, java.util.Set.of(kind)), null, null, SortOrder.RELEVANCE, 1, 20);
  }

  private static UUID personNamed(Casebook casebook, UUID caseId, String name) {
    return casebook.records().cases().get(TestCasebook.TESTER, caseId).persons().stream()
        .filter(id -> casebook.records().persons().get(TestCasebook.TESTER, id).name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals("write.lock")) {
          Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
