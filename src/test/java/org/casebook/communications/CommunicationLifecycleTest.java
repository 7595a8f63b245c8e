package org.casebook.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casebook.app.Casebook;
import org.casebook.common.Confidentiality;
import org.casebook.common.InvalidInput;
import org.casebook.common.VersionConflict;
import org.casebook.storage.TestStore;
import org.casebook.testing.SettableClock;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle of a communication, its dates and the clock, on both databases. */
class CommunicationLifecycleTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void sentOnTheEighteenthOfMarchIsPublicOnTheSeventeenthOfMayAndNotASecondBefore(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      CommunicationService communications = casebook.records().communications();
      UUID caseId = Drafts.caseFile(casebook, "clock");
      Communication draft = communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", caseId, "Criminal charges"));
      assertThat(draft.status()).isEqualTo(CommunicationStatus.DRAFT);
      assertThat(draft.reference()).isNull();
      assertThat(draft.joint()).isTrue();

      Communication sent = communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(draft.version(), null, null));

      assertThat(sent.reference()).isEqualTo("AL KAZ 1/2024");
      assertThat(sent.status()).isEqualTo(CommunicationStatus.SENT);
      assertThat(sent.sentOn()).isEqualTo(LocalDate.of(2024, 3, 18));
      assertThat(sent.publicOn()).isEqualTo(LocalDate.of(2024, 5, 17));
      assertThat(communications.publicFrom(sent)).isEqualTo(Instant.parse("2024-05-17T00:00:00Z"));
      assertThat(sent.history()).singleElement().satisfies(step -> {
        assertThat(step.status()).isEqualTo(CommunicationStatus.SENT);
        assertThat(step.recordedAt()).isEqualTo(Instant.parse("2024-03-18T09:30:00Z"));
        assertThat(step.recordedBy()).isEqualTo(TestCasebook.TESTER.name());
      });

      clock.set("2024-05-16T23:59:59Z");
      assertThatThrownBy(() -> communications.publish(TestCasebook.TESTER, sent.id(), new TransitionRequest(sent.version(), null, null)))
          .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("status");
            assertThat(error.message()).contains("before its public date 2024-05-17");
          }));
      assertThat(communications.get(TestCasebook.TESTER, sent.id()).version()).isEqualTo(sent.version());

      clock.set("2024-05-17T00:00:00Z");
      Communication published =
          communications.publish(TestCasebook.TESTER, sent.id(), new TransitionRequest(sent.version(), null, "On the register."));
      assertThat(published.status()).isEqualTo(CommunicationStatus.PUBLISHED);
      assertThat(published.history()).extracting(Transition::date)
          .containsExactly(LocalDate.of(2024, 3, 18), LocalDate.of(2024, 5, 17));
      assertThat(communications.isPublic(published, Instant.parse("2024-05-16T23:59:59Z"))).isFalse();
      assertThat(communications.isPublic(published, Instant.parse("2024-05-16T23:59:59.999999999Z"))).isFalse();
      assertThat(communications.isPublic(published, Instant.parse("2024-05-17T00:00:00Z"))).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPublicMarkDoesNotMakeASentLetterPublicBeforeItsDateNorAnUnpublishedOneAfter(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      CommunicationService communications = casebook.records().communications();
      Communication draft = communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", Drafts.caseFile(casebook, "mark"), "Mark"));
      Communication sent = communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, null, null));

      assertThat(sent.confidentiality()).isEqualTo(Confidentiality.PUBLIC);
      assertThat(communications.isPublic(sent, Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
      assertThat(communications.isPublic(draft, Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void illegalTransitionsAreRefusedNamingTheFieldAndChangeNothing(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      CommunicationService communications = casebook.records().communications();
      UUID caseId = Drafts.caseFile(casebook, "rules");
      Communication draft = communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", caseId, "Rules"));

      assertRefused(() -> communications.publish(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, null, null)),
          "status", "while the communication is a draft; it must be sent first");
      assertRefused(() -> communications.close(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, null, null)),
          "status", "must be sent first");
      assertRefused(() -> communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, LocalDate.of(2024, 3, 19), null)),
          "date", "after today");
      assertRefused(() -> communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(null, null, null)),
          "version", "is required");
      Communication unsigned = communications.create(TestCasebook.TESTER, new Communication(
          null, null, Confidentiality.INTERNAL, null, CommunicationType.UA, null, null, null, null, null, List.of(), List.of(),
          List.of(), List.of(caseId), List.of(), "Unsigned", null, null, null, List.of(), List.of(), List.of(), null, List.of(), List.of(),
          List.of(), null));
      assertThatThrownBy(() -> communications.send(TestCasebook.TESTER, unsigned.id(), new TransitionRequest(1, null, null)))
          .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
              .extracting(error -> error.field()).containsExactlyInAnyOrder("states", "mandates"));
      assertThat(communications.get(TestCasebook.TESTER, draft.id()).status()).isEqualTo(CommunicationStatus.DRAFT);

      Communication sent = communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, LocalDate.of(2024, 3, 15), null));
      assertThat(sent.sentOn()).isEqualTo(LocalDate.of(2024, 3, 15));
      assertThat(sent.publicOn()).isEqualTo(LocalDate.of(2024, 5, 14));
      assertRefused(() -> communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(sent.version(), null, null)),
          "status", "sent already, as AL KAZ 1/2024");
      assertThatThrownBy(() -> communications.close(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, null, null)))
          .isInstanceOf(VersionConflict.class);
      assertRefused(() -> communications.followUpSent(TestCasebook.TESTER, draft.id(), new TransitionRequest(sent.version(), LocalDate.of(2024, 3, 1), null)),
          "date", "before the communication was sent");

      Communication changedStates = new Communication(
          sent.id(), sent.version(), sent.confidentiality(), null, sent.type(), null, null, null, null, null, List.of("MNE"),
          sent.otherAddressees(), sent.mandates(), sent.cases(), sent.persons(), sent.subject(), sent.summary(), sent.text(),
          sent.concerns(), sent.questions(), sent.standards(), sent.sources(), null, List.of(), List.of(), List.of(), sent.notes());
      assertRefused(() -> communications.update(TestCasebook.TESTER, sent.id(), changedStates), "states", "cannot change");

      clock.set("2024-04-01T10:00:00Z");
      Communication followedUp = communications.followUpSent(TestCasebook.TESTER, sent.id(), new TransitionRequest(sent.version(), null, null));
      assertRefused(() -> communications.followUpSent(TestCasebook.TESTER, sent.id(), new TransitionRequest(followedUp.version(), null, null)),
          "status", "twice in a row");
      Communication closed = communications.close(TestCasebook.TESTER, sent.id(), new TransitionRequest(followedUp.version(), null, "Done."));
      assertThat(closed.status()).isEqualTo(CommunicationStatus.CLOSED);
      assertRefused(() -> communications.followUpSent(TestCasebook.TESTER, sent.id(), new TransitionRequest(closed.version(), null, null)),
          "status", "the communication is closed");
      clock.set("2024-06-01T10:00:00Z");
      assertRefused(() -> communications.publish(TestCasebook.TESTER, sent.id(), new TransitionRequest(closed.version(), null, null)),
          "status", "the communication is closed");
      assertThat(communications.get(TestCasebook.TESTER, sent.id()).history()).extracting(Transition::status)
          .containsExactly(CommunicationStatus.SENT, CommunicationStatus.FOLLOW_UP_SENT, CommunicationStatus.CLOSED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anInternalLetterIsNotPublishedAndAReplyAfterPublicationIsRecordedInDateOrder(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      CommunicationService communications = casebook.records().communications();
      UUID caseId = Drafts.caseFile(casebook, "order");
      Communication letter = Drafts.letter("KAZ", caseId, "Order");
      Communication internal = communications.create(TestCasebook.TESTER, new Communication(
          null, null, Confidentiality.INTERNAL, null, letter.type(), null, null, null, null, null, letter.states(), List.of(),
          letter.mandates(), letter.cases(), List.of(), letter.subject(), null, null, null, List.of(), List.of(), List.of(), null,
          List.of(), List.of(), List.of(), null));
      Communication sent = communications.send(TestCasebook.TESTER, internal.id(), new TransitionRequest(1, null, null));
      clock.set("2024-06-05T08:00:00Z");
      assertRefused(() -> communications.publish(TestCasebook.TESTER, sent.id(), new TransitionRequest(sent.version(), null, null)),
          "confidentiality", "mark the communication public");

      Communication open = communications.create(TestCasebook.TESTER, letter);
      clock.set("2024-03-18T09:30:00Z");
      Communication second = communications.send(TestCasebook.TESTER, open.id(), new TransitionRequest(1, null, null));
      assertThat(second.reference()).isEqualTo("AL KAZ 2/2024");
      clock.set("2024-06-05T08:00:00Z");
      Communication published = communications.publish(TestCasebook.TESTER, second.id(),
          new TransitionRequest(second.version(), LocalDate.of(2024, 6, 1), null));
      Reply reply = casebook.records().replies().create(TestCasebook.TESTER, new Reply(
          null, null, Confidentiality.PUBLIC, null, second.id(), LocalDate.of(2024, 5, 27), "Permanent Mission",
          "30-44/127", "en", List.of(), null, null, null));
      assertThat(reply.translationStatus()).isEqualTo(TranslationStatus.RECEIVED);

      Communication after = communications.get(TestCasebook.TESTER, published.id());
      assertThat(after.history()).extracting(Transition::status)
          .containsExactly(CommunicationStatus.SENT, CommunicationStatus.REPLY_RECEIVED, CommunicationStatus.PUBLISHED);
      assertThat(after.history().get(1).note()).isEqualTo("30-44/127");
      assertThat(after.status()).isEqualTo(CommunicationStatus.PUBLISHED);
      assertThatThrownBy(() -> casebook.records().replies().create(TestCasebook.TESTER, new Reply(
          null, null, Confidentiality.PUBLIC, null, second.id(), LocalDate.of(2024, 3, 1), null, null, null, List.of(), null,
          null, null)))
          .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors().get(0).message())
              .contains("before the communication was sent"));
    }
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors()).anySatisfy(error -> {
          assertThat(error.field()).isEqualTo(field);
          assertThat(error.message()).contains(message);
        }));
  }
}
