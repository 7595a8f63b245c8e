package org.casebook.transfer;

import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.app.Casebook;
import org.casebook.chronology.ChronologyItem;
import org.casebook.chronology.ChronologyService;
import org.casebook.common.PageRequest;
import org.casebook.dates.PartialDate;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo case, imported, read back, re-imported and round-tripped, on both databases. */
class DemoCaseTest {
  @TempDir Path dataDir;
  @TempDir Path otherDataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void chronologyListsTheCaseInDateOrderWithPartialDatesKept(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      ImportResult result = TestCasebook.importDemo(casebook);
      List<ChronologyItem> items = casebook.chronology().chronology(TestCasebook.TESTER, result.caseId(), ChronologyService.Filter.ALL);

      assertThat(items).hasSizeGreaterThanOrEqualTo(25);
      for (int index = 1; index < items.size(); index++) {
        assertThat(items.get(index - 1).date()).isLessThanOrEqualTo(items.get(index).date());
      }
      assertThat(items.get(0).date()).isEqualTo(PartialDate.parse("2016-07"));
      assertThat(items.get(0).dateText()).isEqualTo("July 2016");
      assertThat(items).extracting(item -> item.date().toEdtf()).contains("2016-07", "2017-02-03", "2023-12-27");
      assertThat(items).anySatisfy(item -> assertThat(item.kind()).isEqualTo(ChronologyItem.STATUS_CHANGE));
      assertThat(items.get(items.size() - 1).date().earliest().orElseThrow().getYear()).isEqualTo(2024);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void proceedingsCarryTheChargesAndTheirHistories(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      ImportResult result = TestCasebook.importDemo(casebook);
      List<Proceeding> proceedings =
          casebook.records().proceedings().list(TestCasebook.TESTER, new ProceedingStore.Filter(result.caseId(), null, null, false), new PageRequest(1, 100)).items();

      Set<String> articles =
          proceedings.stream()
              .flatMap(proceeding -> proceeding.charges().stream())
              .map(Charge::citation)
              .map(citation -> citation.split("[ (]")[1])
              .collect(Collectors.toSet());
      assertThat(articles).contains("147", "190", "274");
      Proceeding fraud =
          proceedings.stream()
              .filter(proceeding -> proceeding.charges().stream().anyMatch(charge -> charge.citation().startsWith("KZ-CC 190")))
              .findFirst()
              .orElseThrow();
      assertThat(fraud.charges().get(0).citation()).isEqualTo("KZ-CC 190(4)(2)");
      assertThat(fraud.charges().get(0).maxPenaltyYears()).isEqualByComparingTo("10");
      assertThat(fraud.history()).extracting(change -> change.status()).contains("opened", "suspect-named", "wanted-listed");
      assertThat(proceedings).allSatisfy(proceeding -> assertThat(proceeding.history()).isNotEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void importingTheSameFileAgainDuplicatesNothingAndChangesNoVersion(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      ImportResult first = TestCasebook.importDemo(casebook);
      var before = TestCasebook.counts(casebook);
      ImportResult second = TestCasebook.importDemo(casebook);

      assertThat(second.caseId()).isEqualTo(first.caseId());
      assertThat(second.created()).isZero();
      assertThat(second.updated()).isZero();
      assertThat(second.unchanged()).isEqualTo(first.created());
      assertThat(TestCasebook.counts(casebook)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void exportThenImportIntoAnEmptyStoreGivesTheSameCase(TestStore store) {
    String exported;
    String exportedJson;
    try (Casebook original = TestCasebook.open(store, dataDir)) {
      TestCasebook.importDemo(original);
      exported = original.exporter().export(TestCasebook.TESTER, "smailova", ExportService.Format.YAML);
      exportedJson = original.exporter().export(TestCasebook.TESTER, "smailova", ExportService.Format.JSON);
    }
    try (Casebook copy = TestCasebook.open(store, otherDataDir)) {
      ImportResult result = copy.importer().importDocument(TestCasebook.TESTER, "export.yaml", exported, null, false, Progress.NONE);

      assertThat(result.updated()).isZero();
      assertThat(copy.exporter().export(TestCasebook.TESTER, "smailova", ExportService.Format.YAML)).isEqualTo(exported);
      assertThat(copy.exporter().export(TestCasebook.TESTER, result.caseId().toString(), ExportService.Format.JSON)).isEqualTo(exportedJson);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWhollyRestrictedCaseIsSealedInTheStoreAndComesBackWhole(TestStore store) throws Exception {
    String restricted =
        java.nio.file.Files.readString(TestCasebook.DEMO)
            .replaceAll("confidentiality: (public|internal)", "confidentiality: restricted");
    String exported;
    try (Casebook original = TestCasebook.open(store, dataDir)) {
      original.importer().importDocument(TestCasebook.TESTER, "restricted.yaml", restricted, Path.of("demo"), false, Progress.NONE);
      List<String> stored =
          original.database().jdbi().withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT primary_name FROM persons UNION ALL SELECT name FROM person_names"
                              + " UNION ALL SELECT title FROM events UNION ALL SELECT COALESCE(name, '') FROM event_participants"
                              + " UNION ALL SELECT COALESCE(note, '') FROM proceeding_status_changes"
                              + " UNION ALL SELECT name FROM organization_names")
                      .mapTo(String.class)
                      .list());
      assertThat(stored).allSatisfy(value -> assertThat(value.isEmpty() || value.startsWith("cbx1:")).as(value).isTrue());
      exported = original.exporter().export(TestCasebook.TESTER, "smailova", ExportService.Format.YAML);
    }
    assertThat(exported).contains("Dinara Smailova", "Динара Смаилова", "Ms. Smailova's lawyer", "KZ-CC 190(4)(2)");
    try (Casebook copy = TestCasebook.open(store, otherDataDir)) {
      copy.importer().importDocument(TestCasebook.TESTER, "export.yaml", exported, null, false, Progress.NONE);
      assertThat(copy.exporter().export(TestCasebook.TESTER, "smailova", ExportService.Format.YAML)).isEqualTo(exported);
    }
  }
}
