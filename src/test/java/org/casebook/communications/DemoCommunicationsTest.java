package org.casebook.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.casebook.app.Casebook;
import org.casebook.common.PageRequest;
import org.casebook.storage.TestStore;
import org.casebook.testing.SettableClock;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.ImportResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The seed round of the demo case: the letter, its reply, the matrix, and the follow-up to Montenegro. */
class DemoCommunicationsTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theSeedRoundIsImportedWithItsMatrixAndItsFollowUpLinkedBothWays(TestStore store) {
    SettableClock clock = SettableClock.at("2025-02-03T10:00:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      ImportResult imported = TestCasebook.importDemo(casebook);
      CommunicationService communications = casebook.records().communications();
      List<Communication> round =
          communications.list(TestCasebook.TESTER, new CommunicationStore.Filter(imported.caseId(), null, null, null, null, null, null, false),
              PageRequest.first()).items();
      assertThat(round).extracting(Communication::reference).containsExactly("AL MNE 2/2024", "AL KAZ 1/2024");

      Communication letter = round.get(1);
      Communication followUp = round.get(0);
      assertThat(letter.joint()).isTrue();
      assertThat(letter.mandates()).hasSize(4);
      assertThat(letter.sentOn()).isEqualTo(LocalDate.of(2024, 3, 18));
      assertThat(letter.publicOn()).isEqualTo(LocalDate.of(2024, 5, 17));
      assertThat(letter.status()).isEqualTo(CommunicationStatus.FOLLOW_UP_SENT);
      assertThat(letter.questions()).hasSize(5);
      assertThat(communications.isPublic(letter, clock.instant())).isTrue();
      assertThat(letter.links()).containsExactly(new CommunicationLink(followUp.id(), "AL MNE 2/2024", Relation.FOLLOWED_UP_BY));
      assertThat(followUp.followUpOf()).isEqualTo(letter.id());
      assertThat(followUp.links()).containsExactly(new CommunicationLink(letter.id(), "AL KAZ 1/2024", Relation.FOLLOW_UP_OF));
      assertThat(followUp.status()).isEqualTo(CommunicationStatus.REPLY_RECEIVED);
      assertThat(communications.isPublic(followUp, clock.instant())).isFalse();

      List<Reply> replies = casebook.records().replies().forCommunication(TestCasebook.TESTER, letter.id());
      assertThat(replies).singleElement().satisfies(reply -> {
        assertThat(reply.senderReference()).isEqualTo("30-44/127");
        assertThat(reply.received()).isEqualTo(LocalDate.of(2024, 5, 27));
        assertThat(reply.translationStatus()).isEqualTo(TranslationStatus.PUBLISHED);
        assertThat(reply.documents()).singleElement().extracting(ReplyDocument::role).isEqualTo(DocumentRole.ORIGINAL);
      });

      ClaimMatrix matrix = casebook.records().claims().matrix(TestCasebook.TESTER, letter.id());
      assertThat(matrix.rows()).hasSize(12);
      assertThat(matrix.notAssessed()).isZero();
      ClaimMatrix.ClaimRow lawyer = matrix.rows().stream()
          .filter(row -> row.claim().text().startsWith("Her lawyer was denied access")).findFirst().orElseThrow();
      assertThat(lawyer.cells()).singleElement().satisfies(cell -> {
        assertThat(cell.stance()).isEqualTo(Stance.DENIES);
        assertThat(cell.quote()).contains("are untrue");
      });
      assertThat(matrix.tally()).extracting(count -> count.stance().code() + "=" + count.count())
          .containsExactly("confirms=3", "denies=3", "partly-addresses=3", "does-not-address=3");

      Communication next = communications.create(TestCasebook.TESTER, Drafts.letter("MNE", imported.caseId(), "After the seed round"));
      clock.set("2024-12-02T10:00:00Z");
      assertThat(communications.send(TestCasebook.TESTER, next.id(), new TransitionRequest(1, null, null)).reference())
          .as("the next number after an imported one").isEqualTo("AL MNE 3/2024");
    }
  }
}
