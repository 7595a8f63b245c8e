package org.casebook.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.casebook.app.Casebook;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Redaction;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.ImportResult;
import org.casebook.transfer.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public view of the demo case: public records only, withheld names marked in place. */
class PublicationTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void publishesOnlyPublicRecordsAndMarksWhatIsWithheld(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      ImportResult demo = TestCasebook.importDemo(casebook);
      PublicationService publication = new PublicationService(casebook.database().jdbi(), casebook.records());

      assertThat(publication.publishedCases()).extracting(PublicCase.Summary::id).containsExactly(demo.caseId());
      PublicCase published = publication.publishedCase(demo.caseId());

      assertThat(published.persons()).extracting(PublicCase.Party::name).contains("Dinara Smailova", Redaction.MARK);
      assertThat(published.persons()).filteredOn(PublicCase.Party::withheld).allSatisfy(party -> {
        assertThat(party.id()).isNull();
        assertThat(party.otherNames()).isEmpty();
      });
      assertThat(published.events()).noneMatch(event -> event.type().equals("asylum-application"));
      assertThat(published.events()).noneMatch(event -> event.type().equals("bank-data-seized"));
      assertThat(published.proceedings()).noneMatch(proceeding -> proceeding.kind().equals("asylum"));
      List<String> participantNames =
          published.events().stream().flatMap(event -> event.participants().stream()).map(PublicCase.Role::name).toList();
      assertThat(participantNames).contains(Redaction.MARK).doesNotContain("Ms. Smailova's lawyer");
      String everything = published.toString();
      assertThat(everything).doesNotContain("Ms. Smailova's lawyer").doesNotContain("Civil activist (later");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnpublishedCaseIsAnsweredLikeOneThatDoesNotExist(TestStore store) {
    String internal =
        "format: casebook/1\ncase: {key: quiet, title: Not for publication, risk: high, status: open}\n";
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      ImportResult result =
          casebook.importer().importDocument(TestCasebook.TESTER, "quiet.yaml", internal, null, false, Progress.NONE);
      PublicationService publication = new PublicationService(casebook.database().jdbi(), casebook.records());

      assertThat(publication.publishedCases()).isEmpty();
      assertThatThrownBy(() -> publication.publishedCase(result.caseId()))
          .isInstanceOf(NoSuchRecord.class)
          .hasMessage("no published case file with id " + result.caseId());
      assertThatThrownBy(() -> publication.publishedCase(java.util.UUID.randomUUID()))
          .isInstanceOf(NoSuchRecord.class)
          .hasMessageStartingWith("no published case file with id ");
    }
  }
}
