package org.casebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Restricted text never reaches the search index: a canary written through the API into every
 * kind of withheld text (restricted records of each kind, notes, protected and restricted persons
 * named in an internal event, free-text names in restricted records) is absent from every file of
 * the index folder, byte by byte and term by term, while a control value written into an internal
 * record is found both ways, which shows that the scans would find the canary if it were there.
 * And no caller, not even an administrator, gets it back from a search.
 */
class SearchIndexCanaryTest {
  /** Two made-up words, one per script, so that any form the analysis gives them is recognisable. */
  private static final String CANARY = "Vermilionquokka Убежищеснегиря";
  /** Its forms in the index, had it been indexed: folded, transliterated, stemmed. */
  private static final List<String> CANARY_FORMS = List.of("vermilionquokka", "убежищеснегир", "ubezhishchesnegir");
  private static final String CONTROL = "QXZVKWJPQMZVXKRWB";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void restrictedTextIsNeitherInTheIndexFilesNorFound(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http base = new Http(server.port());
      Http owner = base.withToken(TestCasebook.token(casebook, "owner", Role.EDITOR));
      writeCanaries(owner);
      casebook.searchIndexer().drain();
      Map<String, Http> callers =
          Map.of(
              "owner (with the grant)", owner,
              "administrator", base.withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR)),
              "viewer", base.withToken(TestCasebook.token(casebook, "viewer", Role.VIEWER)),
              "outsider", base.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR)));
      for (var caller : callers.entrySet()) {
        for (String text : List.of("Vermilionquokka", "Убежищеснегиря", "ubezhishchesnegirya", "vermilion*", "Vermilionquoka", "")) {
          Http.Response found = caller.getValue().get("/api/v1/search?size=100&q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
          assertThat(found.status()).isEqualTo(200);
          assertThat(found.body()).as(caller.getKey() + " searching " + text).doesNotContainIgnoringCase("Vermilionquokka").doesNotContain("Убежищеснегир");
        }
      }
      Http.Response control = owner.get("/api/v1/search?q=" + CONTROL);
      assertThat(control.json().get("total").asInt()).as("the control is found, in the case file and the open event").isEqualTo(2);
    }
    Path index = dataDir.resolve("index");
    assertNoFileHolds(index);
    assertNoTermOrStoredValueHolds(index);
  }

  /** Every kind of withheld text, through the API. */
  private static void writeCanaries(Http owner) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: canary, title: 'Canary case " + CONTROL + "', risk: high, status: open, subjects: [defender], confidentiality: internal}",
            "persons:",
            "  - {key: defender, name: Aigerim Defender, notes: 'Notes " + CANARY + "'}",
            "  - {key: victim, name: 'Victim " + CANARY + "', protected: true}",
            "  - {key: witness, name: 'Witness " + CANARY + "', confidentiality: restricted}",
            "organizations:",
            "  - {key: hidden-org, name: 'Foundation " + CANARY + "', confidentiality: restricted, notes: 'Notes " + CANARY + "'}",
            "  - {key: open-org, name: Open Foundation, notes: 'Notes " + CANARY + "'}",
            "sources:",
            "  - {key: testimony, title: 'Testimony " + CANARY + "', kind: testimony, reliability: unknown, text: 'Full text " + CANARY + "', confidentiality: restricted}",
            "events:",
            "  - key: open-event",
            "    date: 2023-10",
            "    type: threat",
            "    title: Threats against the defender",
            "    description: 'Described openly. " + CONTROL + "'",
            "    violation: likely",
            "    participants:",
            "      - {person: defender, role: target}",
            "      - {person: victim, role: victim}",
            "      - {person: witness, role: witness}",
            "      - {organization: hidden-org, role: ally}",
            "  - key: hidden-event",
            "    date: 2023-11",
            "    type: threat",
            "    title: 'Threat " + CANARY + "'",
            "    description: 'Details " + CANARY + "'",
            "    location: 'Street " + CANARY + "'",
            "    violation: likely",
            "    confidentiality: restricted",
            "    participants:",
            "      - {name: 'Officer " + CANARY + "', role: perpetrator}",
            "proceedings:",
            "  - key: hidden-proceeding",
            "    kind: criminal",
            "    title: 'Case " + CANARY + "'",
            "    authority: 'Court " + CANARY + "'",
            "    charges: ['KZ-CC 274(2)']",
            "    parties:",
            "      - {name: 'Judge " + CANARY + "', role: judge}",
            "    history:",
            "      - {date: 2023-10, status: opened, note: 'Note " + CANARY + "'}",
            "    notes: 'Notes " + CANARY + "'",
            "    confidentiality: restricted",
            "  - key: open-proceeding",
            "    kind: criminal",
            "    title: Open case",
            "    charges: ['KZ-CC 274(2)']",
            "    parties:",
            "      - {person: victim, role: complainant}",
            "    history:",
            "      - {date: 2023-10, status: opened}",
            "    notes: 'Notes " + CANARY + "'",
            "communications:",
            "  - key: hidden-letter",
            "    type: AL",
            "    states: [KAZ]",
            "    subject: 'Letter " + CANARY + "'",
            "    summary: 'Summary " + CANARY + "'",
            "    concerns: 'Concerns " + CANARY + "'",
            "    questions: ['Question " + CANARY + "']",
            "    notes: 'Notes " + CANARY + "'",
            "    confidentiality: restricted",
            "  - key: open-letter",
            "    type: AL",
            "    states: [KAZ]",
            "    subject: Open letter about the defender",
            "    notes: 'Notes " + CANARY + "'",
            "");
    Http.Response imported = owner.postText("/api/v1/import", document, "application/yaml");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    String restrictedCase =
        "format: casebook/1\ncase: {key: hidden-case, title: 'Hidden " + CANARY + "', summary: 'Summary " + CANARY
            + "', risk: high, status: open, confidentiality: restricted}\n";
    Http.Response hidden = owner.postText("/api/v1/import", restrictedCase, "application/yaml");
    assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
  }

  private static void assertNoFileHolds(Path index) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(index)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    boolean controlFound = false;
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
        for (String form : List.of("Vermilionquokka", "Убежищеснегиря", "vermilionquokka", "убежищеснегир", "ubezhishchesnegir", "quokka", "снегир")) {
          assertThat(indexOf(content, form.getBytes(charset))).as(file + " holds " + form + " in " + charset).isEqualTo(-1);
        }
        controlFound |= indexOf(content, CONTROL.getBytes(charset)) >= 0;
      }
    }
    assertThat(controlFound).as("the byte scan finds the control").isTrue();
  }

  /**
   * Reads the index with Lucene itself, so that compressed blocks are read too: no term of any
   * field and no stored value holds any form of the canary; the control is there.
   */
  private static void assertNoTermOrStoredValueHolds(Path index) throws IOException {
    boolean controlTerm = false;
    boolean controlStored = false;
    List<String> found = new ArrayList<>();
    try (FSDirectory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        for (FieldInfo field : leaf.reader().getFieldInfos()) {
          Terms terms = leaf.reader().terms(field.name);
          if (terms == null) {
            continue;
          }
          TermsEnum each = terms.iterator();
          for (BytesRef term = each.next(); term != null; term = each.next()) {
            String text = term.utf8ToString().toLowerCase(Locale.ROOT);
            controlTerm |= text.contains(CONTROL.toLowerCase(Locale.ROOT));
            CANARY_FORMS.stream().filter(text::contains).forEach(form -> found.add(field.name + ": " + text));
          }
        }
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          for (var value : stored.document(doc).getFields()) {
            String text = value.stringValue() == null ? "" : value.stringValue().toLowerCase(Locale.ROOT);
            controlStored |= text.contains(CONTROL.toLowerCase(Locale.ROOT));
            CANARY_FORMS.stream().filter(text::contains).forEach(form -> found.add("stored " + value.name() + ": " + text));
          }
        }
      }
    }
    assertThat(found).as("forms of the canary in the index").isEmpty();
    assertThat(controlTerm).as("the term scan finds the control").isTrue();
    assertThat(controlStored).as("the stored-value scan finds the control").isTrue();
  }

  private static int indexOf(byte[] content, byte[] pattern) {
    outer:
    for (int start = 0; start <= content.length - pattern.length; start++) {
      for (int offset = 0; offset < pattern.length; offset++) {
        if (content[start + offset] != pattern[offset]) {
          continue outer;
        }
      }
      return start;
    }
    return -1;
  }
}
