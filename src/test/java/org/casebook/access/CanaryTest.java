package org.casebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.app.Casebook;
import org.casebook.config.Settings;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restricted value written through the API is never found in clear: not in the database files
 * (H2) or rows (PostgreSQL), not in the stored files, not in the logs, not in any answer to a user
 * without the grant, not in the public view or a public export.
 */
class CanaryTest {
  private static final String CANARY = "Канарейка-canary-5d1e";
  /** Written in clear on purpose, to show that the search of the files would find the canary. */
  private static final String CONTROL = "Контроль-control-88f0";

  @TempDir Path folder;

  @Test
  void aRestrictedValueNeverAppearsInClearOnDiskInLogsOrToReadersWithoutTheGrant() throws IOException {
    Path dataDir = folder.resolve("data");
    Settings settings = Settings.resolve(Map.of(Settings.Key.DATA_DIR, dataDir.toString()), Map.of(), null);
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try (Casebook casebook = Casebook.open(settings, Clock.systemUTC());
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = writeCanaries(casebook, server);
      assertReadersWithoutTheGrantNeverSeeIt(casebook, server, caseId);
    } finally {
      System.setErr(originalErr);
    }
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(CANARY);
    boolean controlFound = false;
    try (var files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
          assertThat(indexOf(content, CANARY.getBytes(charset))).as(file + " in " + charset).isEqualTo(-1);
          controlFound |= indexOf(content, CONTROL.getBytes(charset)) >= 0;
        }
        // H2 writes characters outside ASCII in an encoding of its own, so the Latin part of each
        // value is searched for as well.
        assertThat(indexOf(content, latinPart(CANARY))).as(file + ", Latin part").isEqualTo(-1);
        controlFound |= indexOf(content, latinPart(CONTROL)) >= 0;
      }
    }
    assertThat(controlFound).as("the value stored in clear is found in the files").isTrue();
  }

  @Test
  void aRestrictedValueIsNotStoredInClearInPostgreSql() {
    try (Casebook casebook = TestCasebook.open(TestStore.POSTGRESQL, folder);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      writeCanaries(casebook, server);
      String schemaDump =
          casebook.database().jdbi().withHandle(
              handle -> {
                StringBuilder all = new StringBuilder();
                for (String table :
                    handle
                        .createQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
                        .mapTo(String.class)
                        .list()) {
                  handle
                      .createQuery("SELECT CAST(t AS TEXT) FROM " + table + " t")
                      .mapTo(String.class)
                      .forEach(row -> all.append(row).append('\n'));
                }
                return all.toString();
              });
      assertThat(schemaDump).contains("Public Person").doesNotContain(CANARY);
    }
  }

  /** Writes the canary into restricted records and restricted fields, through the API. */
  private static UUID writeCanaries(Casebook casebook, WebServer server) {
    Http owner = new Http(server.port()).withToken(TestCasebook.token(casebook, "owner", Role.EDITOR));
    String document =
        "format: casebook/1\n"
            + "case: {key: canary, title: Canary case, risk: high, status: open, subjects: [public-person], confidentiality: public}\n"
            + "persons:\n"
            + "  - {key: public-person, name: Public Person, occupation: '" + CONTROL + "', notes: 'notes " + CANARY + "',"
            + " confidentiality: public}\n";
    Http.Response imported = owner.postText("/api/v1/import", document, "application/yaml");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    String caseId = imported.json().get("case_id").asText();
    Http.Response person =
        owner.post(
            "/api/v1/persons",
            Http.json(Map.of("name", "Victim " + CANARY, "protected", true, "confidentiality", "public", "notes", CANARY)));
    assertThat(person.status()).as(person.body()).isEqualTo(201);
    Http.Response restricted =
        owner.post("/api/v1/persons", Http.json(Map.of("name", "Witness " + CANARY, "confidentiality", "restricted")));
    assertThat(restricted.status()).isEqualTo(201);
    JsonBody caseFile = new JsonBody(owner.get("/api/v1/cases/" + caseId).json());
    Http.Response linked =
        owner.put(
            "/api/v1/cases/" + caseId,
            caseFile.withPersons(List.of(person.json().get("id").asText(), restricted.json().get("id").asText())));
    assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    Http.Response event =
        owner.post(
            "/api/v1/events",
            Http.json(
                Map.of(
                    "case", caseId, "date", "2023-10", "type", "threat", "title", "Threat " + CANARY,
                    "description", CANARY, "confidentiality", "restricted")));
    assertThat(event.status()).as(event.body()).isEqualTo(201);
    Http.Response source =
        owner.post(
            "/api/v1/sources",
            Http.json(Map.of("title", "Testimony " + CANARY, "kind", "testimony", "text", CANARY, "confidentiality", "restricted")));
    assertThat(source.status()).as(source.body()).isEqualTo(201);
    assertThat(owner.get("/api/v1/events/" + event.json().get("id").asText()).body()).contains(CANARY);
    importRestrictedFile(casebook);
    return UUID.fromString(caseId);
  }

  /** A restricted source whose file is imported from disk: its bytes are stored sealed. */
  private static void importRestrictedFile(Casebook casebook) {
    try {
      Path folder = Files.createTempDirectory("canary-import");
      Files.writeString(folder.resolve("testimony.txt"), "Testimony of " + CANARY + "\n", StandardCharsets.UTF_8);
      Files.writeString(
          folder.resolve("case.yaml"),
          "format: casebook/1\ncase: {key: canary-files, title: Files, risk: high, status: open}\n"
              + "sources:\n  - {key: testimony, title: Testimony, kind: testimony, file: testimony.txt, confidentiality: restricted}\n",
          StandardCharsets.UTF_8);
      var result = casebook.importer().importFile(TestCasebook.TESTER, folder.resolve("case.yaml"), false, org.casebook.transfer.Progress.NONE);
      var source =
          casebook.records().sources()
              .list(TestCasebook.TESTER, new org.casebook.sources.SourceStore.Filter(null, result.caseId(), null, false), org.casebook.common.PageRequest.first())
              .items().get(0);
      try (var file = casebook.records().sources().openFile(source)) {
        assertThat(new String(file.readAllBytes(), StandardCharsets.UTF_8)).contains(CANARY);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertReadersWithoutTheGrantNeverSeeIt(Casebook casebook, WebServer server, UUID caseId) {
    Http base = new Http(server.port());
    Http viewer = base.withToken(TestCasebook.token(casebook, "viewer", Role.VIEWER));
    casebook.teams().addMember(caseId, casebook.accounts().findUser("viewer").orElseThrow().id(), false);
    for (String path :
        List.of(
            "/api/v1/persons?case=" + caseId, "/api/v1/events?case=" + caseId, "/api/v1/sources",
            "/api/v1/cases/" + caseId, "/api/v1/cases/" + caseId + "/chronology", "/api/v1/cases/" + caseId + "/export")) {
      assertThat(viewer.get(path).body()).as(path).doesNotContain(CANARY);
    }
    for (String path :
        List.of(
            "/api/v1/public/cases", "/api/v1/public/cases/" + caseId, "/api/v1/public/cases/" + caseId + "/export",
            "/api/v1/public/cases/" + caseId + "/export?format=json")) {
      Http.Response response = base.get(path);
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain(CANARY);
    }
  }

  /** A case file read from the API, to send back with other persons. */
  private record JsonBody(com.fasterxml.jackson.databind.JsonNode node) {
    String withPersons(List<String> persons) {
      var copy = (com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy();
      copy.remove("audit");
      var list = copy.putArray("persons");
      node.get("persons").forEach(list::add);
      persons.forEach(list::add);
      return copy.toString();
    }
  }

  private static byte[] latinPart(String value) {
    return value.substring(value.indexOf('-') + 1).getBytes(StandardCharsets.US_ASCII);
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
