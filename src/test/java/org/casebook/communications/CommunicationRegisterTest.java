package org.casebook.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.casebook.app.Casebook;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.PageRequest;
import org.casebook.storage.TestStore;
import org.casebook.testing.SettableClock;
import org.casebook.transfer.Progress;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public register: only what is published and past its public date, with nothing withheld shown. */
class CommunicationRegisterTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theRegisterShowsThePublishedSeedLetterWithItsReplyAndMatrixAndNothingWithheld(TestStore store) {
    SettableClock clock = SettableClock.at("2025-02-03T10:00:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      TestCasebook.importDemo(casebook);
      CommunicationRegister register = casebook.register();

      List<Communication> listed = register.list(CommunicationRegister.Filter.all(), PageRequest.first()).items();
      assertThat(listed).extracting(Communication::reference).containsExactly("AL KAZ 1/2024");
      Communication letter = listed.get(0);
      assertThat(letter.notes()).isNull();
      assertThat(letter.history()).allSatisfy(step -> {
        assertThat(step.note()).isNull();
        assertThat(step.recordedBy()).isNull();
      });
      assertThat(letter.links()).as("the follow-up to Montenegro is internal").isEmpty();
      assertThat(letter.persons()).hasSize(2);

      CommunicationRegister.Entry entry = register.get(letter.id());
      assertThat(entry.replies()).singleElement().satisfies(reply -> {
        assertThat(reply.senderReference()).isEqualTo("30-44/127");
        assertThat(reply.notes()).isNull();
        assertThat(reply.documents()).hasSize(1);
      });
      assertThat(entry.claims()).hasSize(12).allSatisfy(claim -> assertThat(claim.responses()).hasSize(1));

      assertThat(register.list(new CommunicationRegister.Filter("KAZ", "sr-violence-against-women", CommunicationType.AL, 2024, true, "wanted"),
          PageRequest.first()).total()).isEqualTo(1);
      assertThat(register.list(new CommunicationRegister.Filter(null, null, null, null, false, null), PageRequest.first()).total()).isZero();
      assertThat(register.list(new CommunicationRegister.Filter("MNE", null, null, null, null, null), PageRequest.first()).total()).isZero();
      assertThat(register.figures()).singleElement().satisfies(figures -> {
        assertThat(figures.state()).isEqualTo("KAZ");
        assertThat(figures.letters()).isEqualTo(1);
        assertThat(figures.shareReplied()).isEqualTo(1.0);
        assertThat(figures.medianDaysToReply()).isEqualTo(70.0);
      });
      UUID followUp = casebook.records().communications()
          .list(TestCasebook.TESTER, new CommunicationStore.Filter(null, "MNE", null, null, null, null, null, false), PageRequest.first())
          .items().get(0).id();
      assertThatThrownBy(() -> register.get(followUp)).isInstanceOf(NoSuchRecord.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void nothingIsInTheRegisterBeforeTheFirstInstantOfItsPublicDate(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      CommunicationService communications = casebook.records().communications();
      Communication draft = communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", Drafts.caseFile(casebook, "register"), "R"));
      Communication sent = communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, null, null));
      clock.set("2024-05-17T00:00:00Z");
      communications.publish(TestCasebook.TESTER, sent.id(), new TransitionRequest(sent.version(), null, null));
      assertThat(casebook.register().get(sent.id()).communication().reference()).isEqualTo("AL KAZ 1/2024");

      clock.set("2024-05-16T23:59:59Z");
      assertThat(casebook.register().list(CommunicationRegister.Filter.all(), PageRequest.first()).items()).isEmpty();
      assertThatThrownBy(() -> casebook.register().get(sent.id())).isInstanceOf(NoSuchRecord.class);
      assertThat(casebook.register().figures()).isEmpty();
      assertThat(CommunicationRegister.median(List.of(3L, 1L, 10L, 4L))).isEqualTo(3.5);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theNamesOfProtectedAndRestrictedPersonsAreWithheldWhereverTheLettersTextsSayThem(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      String document =
          String.join(
              "\n",
              "format: casebook/1",
              "case: {key: withheld, title: 'Case withheld', risk: high, status: open, subjects: [defender], confidentiality: public}",
              "persons:",
              "  - {key: defender, name: Aigerim Testova, confidentiality: public}",
              "  - {key: witness, name: Saule Inventedova, other_names: [{name: Сауле Инвентедова, kind: alias}], protected: true, confidentiality: internal}",
              "  - {key: relative, name: Marat Hiddenov, confidentiality: restricted}",
              "");
      UUID caseId = casebook.importer().importDocument(TestCasebook.TESTER, "withheld.yaml", document, null, false, Progress.NONE).caseId();
      CommunicationService communications = casebook.records().communications();
      Communication letter = Drafts.letter("KAZ", caseId, "Threats against Aigerim Testova and SAULE INVENTEDOVA");
      Communication draft =
          communications.create(
              TestCasebook.TESTER,
              Communication.draft(
                  letter.confidentiality(), letter.type(), letter.states(), letter.otherAddressees(), letter.mandates(),
                  letter.cases(), letter.persons(), letter.subject(), "Сауле Инвентедова saw it.",
                  "Marat Hiddenov, her brother, was questioned; Aigerim Testova was not.", "Our concerns.",
                  List.of("What protection is given to Saule Inventedova?"), List.of(), null, List.of(), "Internal notes."));
      Communication sent = communications.send(TestCasebook.TESTER, draft.id(), new TransitionRequest(1, null, null));
      clock.set("2024-05-17T00:00:00Z");
      communications.publish(TestCasebook.TESTER, sent.id(), new TransitionRequest(sent.version(), null, null));

      Communication shown = casebook.register().get(sent.id()).communication();
      String everything = String.join(" | ", shown.subject(), shown.summary(), shown.text(), String.join(" ", shown.questions()));
      assertThat(everything)
          .doesNotContainIgnoringCase("Inventedova")
          .doesNotContain("Инвентедова", "Hiddenov")
          .contains("Aigerim Testova", org.casebook.common.Redaction.MARK);
      assertThat(shown.subject()).isEqualTo("Threats against Aigerim Testova and " + org.casebook.common.Redaction.MARK);
      assertThat(casebook.register().list(CommunicationRegister.Filter.all(), PageRequest.first()).items())
          .singleElement().extracting(Communication::subject).asString().doesNotContainIgnoringCase("Inventedova");
      assertThat(communications.get(TestCasebook.TESTER, sent.id()).subject()).as("the team's record keeps the name").contains("SAULE INVENTEDOVA");
      assertThat(casebook.register().list(new CommunicationRegister.Filter(null, null, null, null, null, "inventedova"), PageRequest.first()).total())
          .as("a withheld name finds nothing").isZero();
      assertThat(casebook.register().list(new CommunicationRegister.Filter(null, null, null, null, null, "threats against"), PageRequest.first()).items())
          .extracting(Communication::id).containsExactly(sent.id());
      assertThat(casebook.register().list(new CommunicationRegister.Filter(null, null, null, null, null, "AL KAZ 1/2024"), new PageRequest(2, 1)).items())
          .as("past the last page").isEmpty();
    }
  }
}
