package org.casebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.dates.PartialDate;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JSON API over real HTTP, against a real server on a random port, on both databases. */
class ApiTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createsReadsUpdatesAndVoidsARecordWithOptimisticLocking(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port()).withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      assertThat(http.get("/health").status()).isEqualTo(200);

      Http.Response created =
          http.post("/api/v1/persons", Http.json(Map.of("name", "Almat Mukhamedzhanov", "other_names", List.of(Map.of("name", "Алмат Мухамеджанов", "kind", "transliteration", "language", "ru")), "confidentiality", "public")));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().get("id").asText();
      assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/persons/" + id);
      assertThat(created.json().get("version").asInt()).isEqualTo(1);
      assertThat(created.json().at("/audit/created_by").asText()).isEqualTo("editor");

      Http.Response updated = http.put("/api/v1/persons/" + id, Http.json(Map.of("version", 1, "name", "Almat M.", "confidentiality", "public")));
      assertThat(updated.status()).isEqualTo(200);
      assertThat(updated.json().get("version").asInt()).isEqualTo(2);

      Http.Response stale = http.put("/api/v1/persons/" + id, Http.json(Map.of("version", 1, "name", "Overwritten", "confidentiality", "public")));
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.contentType()).startsWith("application/problem+json");
      assertThat(stale.json().get("current_version").asInt()).isEqualTo(2);
      assertThat(http.get("/api/v1/persons/" + id).json().get("name").asText()).isEqualTo("Almat M.");

      Http.Response voided = http.post("/api/v1/persons/" + id + "/void", Http.json(Map.of("version", 2, "reason", "entered twice")));
      assertThat(voided.status()).isEqualTo(200);
      assertThat(voided.json().at("/audit/void_reason").asText()).isEqualTo("entered twice");
      assertThat(http.get("/api/v1/persons").json().get("total").asInt()).isZero();
      assertThat(http.get("/api/v1/persons?include_voided=true").json().get("total").asInt()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesBadRequestsWithProblemDetailsNamingTheField(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port()).withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));

      Http.Response invalid = http.post("/api/v1/persons", Http.json(Map.of("name", "", "sex", "robot", "birth_date", "2023-02-30")));
      assertThat(invalid.status()).isEqualTo(422);
      assertThat(invalid.contentType()).startsWith("application/problem+json");
      assertThat(invalid.json().at("/errors/0/field").asText()).isEqualTo("birth_date");
      assertThat(invalid.json().at("/errors/0/message").asText()).contains("2023-02-30");

      Http.Response empty = http.post("/api/v1/persons", Http.json(Map.of("name", " ", "sex", "robot")));
      assertThat(empty.json().get("errors")).extracting(JsonNode::toString).asString().contains("\"name\"").contains("\"sex\"");

      Http.Response unknownField = http.post("/api/v1/persons", "{\"name\": \"x\", \"colour\": \"red\"}");
      assertThat(unknownField.status()).isEqualTo(422);
      assertThat(unknownField.json().at("/errors/0/field").asText()).isEqualTo("colour");

      assertThat(http.post("/api/v1/persons", "{not json").status()).isEqualTo(422);
      assertThat(http.get("/api/v1/persons/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
      assertThat(http.get("/api/v1/persons/not-a-uuid").status()).isEqualTo(422);
      assertThat(http.get("/api/v1/no-such-route").status()).isEqualTo(404);
      assertThat(http.get("/api/v1/persons?page=0").json().at("/errors/0/field").asText()).isEqualTo("page");

      String id = http.post("/api/v1/persons", Http.json(Map.of("name", "Real"))).json().get("id").asText();
      Http.Response otherId =
          http.put("/api/v1/persons/" + id, Http.json(Map.of("id", "00000000-0000-0000-0000-000000000001", "version", 1, "name", "x")));
      assertThat(otherId.status()).isEqualTo(422);
      assertThat(otherId.json().at("/errors/0/field").asText()).isEqualTo("id");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void importsServesTheChronologyAndExports(TestStore store) throws Exception {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port()).withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      String demo = Files.readString(TestCasebook.DEMO).replaceAll("(?m)^    file: .*\\n", "").replaceAll("(?m)^    sha256: .*\\n", "");

      Http.Response dryRun = http.postText("/api/v1/import?dry_run=true", demo, "application/yaml");
      assertThat(dryRun.status()).isEqualTo(200);
      assertThat(http.get("/api/v1/cases").json().get("total").asInt()).isZero();

      Http.Response imported = http.postText("/api/v1/import", demo, "application/yaml");
      assertThat(imported.status()).isEqualTo(200);
      String caseId = imported.json().get("case_id").asText();

      JsonNode chronology = http.get("/api/v1/cases/" + caseId + "/chronology").json().get("items");
      assertThat(chronology.size()).isGreaterThanOrEqualTo(25);
      assertThat(chronology.get(0).get("date").asText()).isEqualTo("2016-07");
      assertThat(chronology.get(0).get("date_text").asText()).isEqualTo("July 2016");

      JsonNode wanted = http.get("/api/v1/cases/" + caseId + "/chronology?type=wanted-listed,wanted-listing&from=2023&to=2023").json().get("items");
      assertThat(wanted).extracting(item -> item.get("date").asText()).contains("2023-12-27");
      wanted.forEach(
          item -> {
            PartialDate date = PartialDate.parse(item.get("date").asText());
            assertThat(date.earliest().orElseThrow()).isBeforeOrEqualTo(java.time.LocalDate.of(2023, 12, 31));
            assertThat(date.latest().orElseThrow()).isAfterOrEqualTo(java.time.LocalDate.of(2023, 1, 1));
            assertThat(item.get("type").asText()).isIn("wanted-listed", "wanted-listing");
          });

      Http.Response export = http.get("/api/v1/cases/" + caseId + "/export?format=json");
      assertThat(export.status()).isEqualTo(200);
      assertThat(export.json().at("/case/key").asText()).isEqualTo("smailova");

      Http.Response broken = http.postText("/api/v1/import?name=bad.yaml", "format: casebook/1\ncase:\n  key: x\n  title: t\n  risk: low\n  status: open\n  countries: [Kazakhstan]\n", "application/yaml");
      assertThat(broken.status()).isEqualTo(422);
      assertThat(broken.json().at("/errors/0/line").asInt()).isEqualTo(7);
      assertThat(broken.json().at("/errors/0/file").asText()).isEqualTo("bad.yaml");

      assertThat(http.get("/api/v1/schema/case-file.json").json().get("$schema").asText()).contains("2020-12");
    }
  }
}
