package org.casebook.communications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.common.Redaction;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.SettableClock;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Communications, replies and claims over the API: the claim matrix, who sees what, and hostile
 * text stored verbatim and returned as JSON text, on both databases.
 */
class CommunicationRecordsHttpTest {
  private static final String HOSTILE = "<script>alert('x')</script> '; DROP TABLE communications; -- \" %_ \\";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theMatrixSetsAllegationsAgainstResponsesAndEachReaderSeesTheirShare(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http anonymous = new Http(server.port());
      Http editor = anonymous.withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      Http viewer = anonymous.withToken(TestCasebook.token(casebook, "viewer", Role.VIEWER));
      Http outsider = anonymous.withToken(TestCasebook.token(casebook, "outsider", Role.EDITOR));
      UUID caseId = Drafts.caseFile(casebook, "matrix");
      casebook.teams().addMember(caseId, casebook.accounts().findUser("editor").orElseThrow().id(), true);
      casebook.teams().addMember(caseId, casebook.accounts().findUser("viewer").orElseThrow().id(), false);
      UUID source = casebook.records().sources().list(TestCasebook.TESTER,
          new org.casebook.sources.SourceStore.Filter(null, caseId, null, false), org.casebook.common.PageRequest.first()).items().get(0).id();

      String id = created(editor.post("/api/v1/communications", Http.json(Map.of(
          "type", "AL", "states", List.of("KAZ"), "mandates", List.of(Drafts.DEFENDERS, Drafts.ASSEMBLY),
          "cases", List.of(caseId.toString()), "subject", HOSTILE, "questions", List.of(HOSTILE, "Second?"),
          "other_addressees", List.of("Acme Mining Ltd"), "notes", "Contact details of the source",
          "confidentiality", "internal"))));
      JsonNode sent = editor.post("/api/v1/communications/" + id + "/send", "{\"version\": 1, \"note\": \"By diplomatic pouch\"}").json();
      assertThat(sent.get("reference").asText()).isEqualTo("AL KAZ 1/2024");
      assertThat(sent.get("subject").asText()).isEqualTo(HOSTILE);
      assertThat(sent.get("questions").get(0).asText()).isEqualTo(HOSTILE);
      assertThat(sent.get("joint").asBoolean()).isTrue();

      String reply = created(editor.post("/api/v1/communications/" + id + "/replies", Http.json(Map.of(
          "received", "2024-03-18", "sender", "Permanent Mission", "sender_reference", "30-44/127", "language", "en",
          "documents", List.of(Map.of("source", source.toString(), "role", "original", "language", "en")),
          "translation_status", "being-translated", "notes", "Reply notes"))));
      String denied = created(editor.post("/api/v1/communications/" + id + "/claims", Http.json(Map.of(
          "text", "The lawyer was denied access to the case materials.", "date", "2023-10-16",
          "quote", "Ms. Smailova's lawyer was denied access to the case materials.", "sources", List.of(source.toString()),
          "responses", List.of(Map.of("reply", reply, "stance", "denies",
              "quote", "the allegations that her lawyer had been denied access to the materials are untrue",
              "sources", List.of(source.toString())))))));
      created(editor.post("/api/v1/communications/" + id + "/claims", Http.json(Map.of(
          "text", "Police obtained the bank data of 7,053 donors."))));
      Http.Response wrongReply = editor.post("/api/v1/communications/" + id + "/claims", Http.json(Map.of(
          "text", "Another", "responses", List.of(Map.of("reply", UUID.randomUUID().toString(), "stance", "confirms")))));
      assertThat(wrongReply.status()).isEqualTo(422);
      assertThat(wrongReply.json().at("/errors/0/field").asText()).isEqualTo("responses[0].reply");
      Http.Response badStance = editor.post("/api/v1/communications/" + id + "/claims", Http.json(Map.of(
          "text", "Another", "responses", List.of(Map.of("reply", reply, "stance", "maybe")))));
      assertThat(badStance.status()).isEqualTo(422);
      assertThat(badStance.json().at("/errors/0/message").asText()).contains("confirms, denies, partly-addresses, does-not-address");

      JsonNode matrix = editor.get("/api/v1/communications/" + id + "/claims/matrix").json();
      assertThat(matrix.get("reference").asText()).isEqualTo("AL KAZ 1/2024");
      assertThat(matrix.get("replies")).hasSize(1);
      assertThat(matrix.at("/replies/0/sender_reference").asText()).isEqualTo("30-44/127");
      assertThat(matrix.get("rows")).hasSize(2);
      assertThat(matrix.at("/rows/0/claim/order").asInt()).isEqualTo(1);
      assertThat(matrix.at("/rows/0/claim/id").asText()).isEqualTo(denied);
      assertThat(matrix.at("/rows/0/cells/0/stance").asText()).isEqualTo("denies");
      assertThat(matrix.at("/rows/0/cells/0/quote").asText()).contains("are untrue");
      assertThat(matrix.at("/rows/1/claim/order").asInt()).isEqualTo(2);
      assertThat(matrix.at("/rows/1/cells/0").has("stance")).isFalse();
      assertThat(matrix.get("not_assessed").asInt()).isEqualTo(1);
      assertThat(matrix.get("tally")).anySatisfy(count -> {
        assertThat(count.get("stance").asText()).isEqualTo("denies");
        assertThat(count.get("count").asInt()).isEqualTo(1);
      });

      JsonNode communication = editor.get("/api/v1/communications/" + id).json();
      assertThat(communication.get("status").asText()).isEqualTo("reply-received");
      assertThat(communication.get("notes").asText()).isEqualTo("Contact details of the source");

      JsonNode seenByViewer = viewer.get("/api/v1/communications/" + id).json();
      assertThat(seenByViewer.get("notes").asText()).isEqualTo(Redaction.MARK);
      assertThat(seenByViewer.get("subject").asText()).isEqualTo(HOSTILE);
      assertThat(viewer.get("/api/v1/replies/" + reply).json().get("notes").asText()).isEqualTo(Redaction.MARK);
      assertThat(viewer.get("/api/v1/communications/" + id + "/claims/matrix").json().get("rows")).hasSize(2);
      assertThat(viewer.post("/api/v1/communications/" + id + "/close", "{\"version\": 3}").status()).isEqualTo(403);

      for (String path : List.of("/api/v1/communications/" + id, "/api/v1/replies/" + reply, "/api/v1/claims/" + denied,
          "/api/v1/communications/" + id + "/claims/matrix", "/api/v1/communications/" + id + "/replies")) {
        assertThat(outsider.get(path).status()).as(path).isEqualTo(404);
      }
      assertThat(outsider.get("/api/v1/communications").json().get("total").asInt()).isZero();
      assertThat(outsider.get("/api/v1/claims").json().get("total").asInt()).isZero();
      Http.Response intrusion = outsider.post("/api/v1/communications/" + id + "/replies", Http.json(Map.of("received", "2024-03-18")));
      assertThat(intrusion.status()).isEqualTo(422);
      assertThat(intrusion.json().at("/errors/0/message").asText()).isEqualTo("no communication with id " + id);
      assertThat(anonymous.get("/api/v1/communications/" + id).status()).isIn(401, 403);

      List<String> stored = casebook.database().jdbi().withHandle(handle ->
          handle.createQuery("SELECT subject FROM communications UNION ALL SELECT question FROM communication_questions"
              + " WHERE position = 0").mapTo(String.class).list());
      assertThat(stored).containsExactly(HOSTILE, HOSTILE);

      Http.Response changed = editor.put("/api/v1/communications/" + id, Http.json(Map.of(
          "version", communication.get("version").asInt(), "type", "AL", "states", List.of("KAZ"),
          "mandates", List.of(Drafts.DEFENDERS), "cases", List.of(caseId.toString()), "subject", "Changed",
          "other_addressees", List.of("Acme Mining Ltd"))));
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.json().get("joint").asBoolean()).isFalse();
      assertThat(changed.json().get("reference").asText()).isEqualTo("AL KAZ 1/2024");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCommunicationLinkedToNoCaseFileIsSeenByItsCreatorAndAdministratorsOnly(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http anonymous = new Http(server.port());
      Http creator = anonymous.withToken(TestCasebook.token(casebook, "creator", Role.EDITOR));
      Http colleague = anonymous.withToken(TestCasebook.token(casebook, "colleague", Role.EDITOR));
      UUID caseId = Drafts.caseFile(casebook, "unlinked");
      casebook.teams().addMember(caseId, casebook.accounts().findUser("colleague").orElseThrow().id(), false);

      String id = created(creator.post("/api/v1/communications", Http.json(Map.of(
          "type", "OL", "other_addressees", List.of("Acme Mining Ltd"), "mandates", List.of(Drafts.DEFENDERS),
          "subject", "A letter to a company", "notes", "The creator's notes", "confidentiality", "restricted"))));

      JsonNode own = creator.get("/api/v1/communications/" + id).json();
      assertThat(own.get("notes").asText()).isEqualTo("The creator's notes");
      assertThat(colleague.get("/api/v1/communications/" + id).status()).isEqualTo(404);
      assertThat(casebook.records().communications().get(TestCasebook.TESTER, UUID.fromString(id)).notes())
          .isEqualTo("The creator's notes");

      Http.Response foreignCase = creator.put("/api/v1/communications/" + id, Http.json(Map.of(
          "version", 1, "type", "OL", "other_addressees", List.of("Acme Mining Ltd"), "mandates", List.of(Drafts.DEFENDERS),
          "subject", "A letter to a company", "cases", List.of(caseId.toString()), "confidentiality", "restricted")));
      assertThat(foreignCase.status()).as("a case file the creator may not see is not found").isEqualTo(404);

      JsonNode sent = creator.post("/api/v1/communications/" + id + "/send", "{\"version\": 1}").json();
      assertThat(sent.get("reference").asText()).isEqualTo("OL OTH 1/2024");
    }
  }

  private static String created(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }
}
