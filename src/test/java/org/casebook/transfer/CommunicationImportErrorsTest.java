package org.casebook.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.casebook.app.Casebook;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad communications, replies and claims in an import document: each error on its line, and nothing written. */
class CommunicationImportErrorsTest {
  @TempDir Path dataDir;

  private static final String BROKEN =
      String.join(
          "\n",
          "format: casebook/1", //                                              1
          "case: {key: letters, title: Letters, risk: high, status: open}", //  2
          "sources:", //                                                        3
          "  - {key: letter, title: Letter, kind: un-communication, text: x}", // 4
          "communications:", //                                                 5
          "  - key: first", //                                                  6
          "    type: XX", //                                                    7
          "    reference: AL KAZ 1/2023", //                                    8
          "    states: [KAZ, Kazakhstan]", //                                   9
          "    mandates: [sr-nobody]", //                                      10
          "    subject: First", //                                             11
          "    colour: red", //                                                12
          "    history:", //                                                   13
          "      - {date: 2024-03-18, status: sent}", //                       14
          "      - {date: 2024-04-01, status: published}", //                  15
          "      - {date: 2024-03-20, status: closed}", //                     16
          "    replies:", //                                                   17
          "      - key: early", //                                             18
          "        received: 2024-03-01", //                                   19
          "        translation_status: lost", //                               20
          "    claims:", //                                                    21
          "      - key: claim", //                                             22
          "        text: An allegation", //                                    23
          "        date: 2023-02-30", //                                       24
          "        responses:", //                                             25
          "          - {reply: elsewhere, stance: denies}", //                 26
          "          - {reply: early, stance: shrugs}", //                     27
          "  - key: second", //                                                28
          "    type: UA", //                                                   29
          "    subject: Second", //                                            30
          "    follow_up_of: nowhere", //                                      31
          "    history:", //                                                   32
          "      - {date: 2024-3-18, status: sent}", //                        33
          "    replies:", //                                                   34
          "      - {key: elsewhere, received: 2024-05-01}", //                 35
          "");

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void everyErrorOfACommunicationIsReportedWithItsLineAndNothingIsWritten(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      assertThatThrownBy(() -> importText(casebook, BROKEN))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid -> {
                List<FieldError> errors = invalid.errors();
                assertThat(errors)
                    .extracting(error -> error.line() + " " + error.field())
                    .contains(
                        "7 communications[0].type",
                        "9 communications[0].states[1]",
                        "10 communications[0].mandates[0]",
                        "12 communications[0].colour",
                        "15 communications[0].history[1].date",
                        "16 communications[0].history[2].date",
                        "19 communications[0].replies[0].received",
                        "20 communications[0].replies[0].translation_status",
                        "24 communications[0].claims[0].date",
                        "26 communications[0].claims[0].responses[0].reply",
                        "27 communications[0].claims[0].responses[1].stance",
                        "31 communications[1].follow_up_of",
                        "33 communications[1].history[0].date");
                assertThat(message(errors, "communications[0].type")).contains("\"XX\"").contains("AL, UA, OL");
                assertThat(message(errors, "communications[0].history[1].date")).contains("before the public date 2024-05-17");
                assertThat(message(errors, "communications[0].history[2].date")).contains("before the date above it");
                assertThat(message(errors, "communications[0].replies[0].received")).contains("before the communication was sent");
                assertThat(message(errors, "communications[0].claims[0].responses[0].reply")).contains("another communication");
                assertThat(message(errors, "communications[0].mandates[0]")).contains("sr-nobody");
                assertThat(message(errors, "communications[1].follow_up_of")).contains("nowhere");
              });
      assertThat(rows(casebook)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aReferenceMustMatchTheLetterAndBeFree(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      String document =
          String.join(
              "\n",
              "format: casebook/1",
              "case: {key: refs, title: Refs, risk: high, status: open}",
              "communications:",
              "  - {key: a, type: AL, reference: UA MNE 1/2023, states: [KAZ], mandates: [sr-human-rights-defenders],"
                  + " subject: A, history: [{date: 2024-03-18, status: sent}]}",
              "  - {key: b, type: AL, reference: AL KAZ 4/2024, states: [KAZ], mandates: [sr-human-rights-defenders],"
                  + " subject: B, history: [{date: 2024-03-18, status: sent}]}",
              "  - {key: c, type: AL, reference: AL KAZ 4/2024, states: [KAZ], mandates: [sr-human-rights-defenders],"
                  + " subject: C, history: [{date: 2024-03-18, status: sent}]}",
              "  - {key: d, type: OL, reference: OL KAZ 5/2024, states: [KAZ], subject: D}",
              "  - {key: e, type: OL, subject: E, history: [{date: 2024-03-18, status: sent}]}",
              "");
      assertThatThrownBy(() -> importText(casebook, document))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid -> {
                List<FieldError> errors = invalid.errors();
                assertThat(errors).extracting(error -> error.line() + " " + error.field())
                    .contains("4 communications[0].reference", "6 communications[2].reference", "7 communications[3].reference",
                        "8 communications[4].states", "8 communications[4].mandates");
                assertThat(errors).filteredOn(error -> error.field().equals("communications[0].reference"))
                    .extracting(FieldError::message).anySatisfy(message -> assertThat(message).contains("UA"));
                assertThat(message(errors, "communications[2].reference")).contains("repeats the reference of communications[1]");
                assertThat(message(errors, "communications[3].reference")).contains("does not say the communication was sent");
              });
      assertThat(rows(casebook)).isZero();
    }
  }

  private static String message(List<FieldError> errors, String field) {
    return errors.stream().filter(error -> error.field().equals(field)).findFirst().orElseThrow().message();
  }

  private static long rows(Casebook casebook) {
    return casebook.database().jdbi().withHandle(handle ->
        handle.createQuery("SELECT (SELECT COUNT(*) FROM communications) + (SELECT COUNT(*) FROM replies)"
            + " + (SELECT COUNT(*) FROM claims) + (SELECT COUNT(*) FROM communication_sequences)").mapTo(Long.class).one());
  }

  private static ImportResult importText(Casebook casebook, String text) {
    return casebook.importer().importDocument(TestCasebook.TESTER, "letters.yaml", text, null, false, Progress.NONE);
  }
}
