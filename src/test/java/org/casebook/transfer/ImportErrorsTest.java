package org.casebook.transfer;

import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.app.Casebook;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.people.Person;
import org.casebook.people.PersonStore;
import org.casebook.common.PageRequest;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad and hostile import documents: every error named with its line, and nothing written. */
class ImportErrorsTest {
  @TempDir Path dataDir;

  private static final String BROKEN =
      String.join(
          "\n",
          "format: casebook/1", //                                    1
          "case:", //                                                 2
          "  key: broken-case", //                                    3
          "  title: A case with mistakes", //                         4
          "  risk: severe", //                                        5
          "  status: open", //                                        6
          "  subjects: [defender]", //                                7
          "persons:", //                                              8
          "  - key: defender", //                                     9
          "    name: A. Defender", //                                10
          "    citizenship: KZ", //                                  11
          "events:", //                                              12
          "  - key: first", //                                       13
          "    date: 2023-02-30", //                                 14
          "    type: criminal-case-opened", //                       15
          "    title: Case opened", //                               16
          "    participants:", //                                    17
          "      - person: nobody", //                               18
          "        role: target", //                                 19
          "    colour: red", //                                      20
          "proceedings:", //                                         21
          "  - key: case-1", //                                      22
          "    kind: criminal", //                                   23
          "    title: Unknown article", //                           24
          "    charges: [\"KZ-CC 999(1)\"]", //                      25
          "    history:", //                                         26
          "      - date: 2023-10-16", //                             27
          "        status: opened", //                               28
          "");

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsEveryErrorWithItsLineAndWritesNothing(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      TestCasebook.importDemo(casebook);
      var before = TestCasebook.counts(casebook);

      assertThatThrownBy(() -> importText(casebook, BROKEN))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid -> {
                List<FieldError> errors = invalid.errors();
                assertThat(errors).allSatisfy(error -> assertThat(error.file()).isEqualTo("broken.yaml"));
                assertThat(errors)
                    .extracting(error -> error.line() + " " + error.field())
                    .contains(
                        "5 case.risk",
                        "11 persons[0].citizenship",
                        "14 events[0].date",
                        "18 events[0].participants[0].person",
                        "20 events[0].colour",
                        "25 proceedings[0].charges[0]");
                assertThat(message(errors, "events[0].date")).contains("2023-02-30");
                assertThat(message(errors, "events[0].participants[0].person")).contains("nobody");
                assertThat(message(errors, "proceedings[0].charges[0]")).contains("999");
                assertThat(message(errors, "case.risk")).contains("severe").contains("high");
              });
      assertThat(TestCasebook.counts(casebook)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesDocumentsThatAreNotCaseFiles(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      assertThatThrownBy(() -> importText(casebook, "format: casebook/1\ncase: [unclosed"))
          .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors().get(0).line()).isEqualTo(2));
      assertThatThrownBy(() -> importText(casebook, "- just\n- a list\n"))
          .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors().get(0).field()).isEqualTo("document"));
      assertThatThrownBy(() -> importText(casebook, "format: casebook/9\ncase:\n  key: x\n  title: t\n  risk: low\n  status: open\n"))
          .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors().get(0).field()).isEqualTo("format"));
      assertThatThrownBy(() -> importText(casebook, "a: &a [*a, *a]\n"))
          .isInstanceOf(InvalidInput.class);
      assertThat(TestCasebook.counts(casebook).values()).allMatch(count -> count == 0);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesSourceFilesOutsideTheImportFolder(TestStore store) throws Exception {
    Path folder = Files.createDirectories(dataDir.resolve("import"));
    Files.writeString(dataDir.resolve("secret.txt"), "outside");
    Path file = folder.resolve("case.yaml");
    Files.writeString(
        file,
        "format: casebook/1\ncase:\n  key: files\n  title: Files\n  risk: low\n  status: open\n"
            + "sources:\n  - key: escape\n    title: Escape\n    kind: other\n    file: ../secret.txt\n"
            + "  - key: absolute\n    title: Absolute\n    kind: other\n    file: /etc/passwd\n");
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      assertThatThrownBy(() -> casebook.importer().importFile(TestCasebook.TESTER, file, false, Progress.NONE))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(error -> error.line() + " " + error.field())
                      .containsExactly("11 sources[0].file", "15 sources[1].file"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void storesHostileTextAsText(TestStore store) {
    String hostile = "<script>alert('x')</script>'; DROP TABLE persons; -- %_ \u202e";
    String document =
        "format: casebook/1\ncase:\n  key: hostile\n  title: \"" + hostile.replace("\"", "\\\"") + "\"\n  risk: low\n  status: open\n"
            + "persons:\n  - key: p\n    name: \"" + hostile + "\"\n    notes: \"<img src=x onerror=alert(1)>\"\n";
    try (Casebook casebook = TestCasebook.open(store, dataDir)) {
      ImportResult result = importText(casebook, document);
      List<Person> persons = casebook.records().persons().list(TestCasebook.TESTER, new PersonStore.Filter(null, result.caseId(), false), PageRequest.first()).items();

      assertThat(persons).singleElement().satisfies(person -> {
        assertThat(person.name()).isEqualTo(hostile.trim());
        assertThat(person.notes()).isEqualTo("<img src=x onerror=alert(1)>");
      });
      assertThat(casebook.records().cases().get(TestCasebook.TESTER, result.caseId()).title()).isEqualTo(hostile);
    }
  }

  private static ImportResult importText(Casebook casebook, String text) {
    return casebook.importer().importDocument(TestCasebook.TESTER, "broken.yaml", text, null, false, Progress.NONE);
  }

  private static String message(List<FieldError> errors, String field) {
    return errors.stream().filter(error -> error.field().equals(field)).findFirst().orElseThrow().message();
  }
}
