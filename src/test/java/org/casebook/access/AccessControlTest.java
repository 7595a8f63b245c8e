package org.casebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Walks every route of the router, for every kind of caller, against records at every
 * confidentiality level, and proves that nothing a caller may not see is returned, listed,
 * counted or named in an error. The routes come from the router itself: a new route with no rule
 * in {@link #RULES} fails this test.
 */
class AccessControlTest {
  /** Who may call a route at all; the services decide the rest. */
  enum Rule {
    /** Anyone, signed in or not. */
    ANYONE,
    /** Signed-in users only. */
    SIGNED_IN
  }

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    for (String route :
        List.of(
            "get /health", "get /api/v1/openapi.json", "get /api/v1/schema/case-file.json",
            "post /api/v1/session", "post /api/v1/session/sign-out",
            "get /api/v1/public/cases", "get /api/v1/public/cases/{id}", "get /api/v1/public/cases/{id}/export",
            "get /api/v1/vocabularies", "get /api/v1/vocabularies/{name}",
            "get /api/v1/legal-codes", "get /api/v1/provisions", "get /api/v1/provisions/{id}",
            "get /", "get /sign-in", "post /sign-in", "post /sign-out", "get /assets/{name}",
            "get /public", "get /public/cases/{id}", "get /public/communications", "get /public/communications/{id}", "get /api/v1/mandates", "get /calendar/{secret}.ics")) {
      RULES.put(route, Rule.ANYONE);
    }
    for (String route :
        List.of("get /public/communications/{id}/letter", "get /public/communications/{id}/letter.pdf",
            "get /public/communications/{id}/replies/{reply}/letter",
            "get /public/communications/{id}/replies/{reply}/letter.pdf")) {
      RULES.put(route, Rule.ANYONE);
    }
    RULES.put("get /cases", Rule.SIGNED_IN);
    RULES.put("get /api/v1/search", Rule.SIGNED_IN);
    RULES.put("get /search", Rule.SIGNED_IN);
    RULES.put("get /search/suggestions", Rule.SIGNED_IN);
    RULES.put("get /api/v1/search/suggestions", Rule.SIGNED_IN);
    RULES.put("get /cases/{id}", Rule.SIGNED_IN);
    for (String route :
        List.of("get /communications/{id}/letter", "get /communications/{id}/letter.pdf", "get /replies/{id}/letter",
            "get /replies/{id}/letter.pdf")) {
      RULES.put(route, Rule.SIGNED_IN);
    }
    for (String route :
        List.of("get /communications", "get /communications/{id}", "get /communications/{id}/matrix",
            "post /communications/{id}/send", "post /communications/{id}/publish", "post /communications/{id}/follow-up",
            "post /communications/{id}/close", "get /communications/new", "post /communications",
            "get /communications/{id}/edit", "post /communications/{id}", "post /cases/{id}/communications/draft")) {
      RULES.put(route, Rule.SIGNED_IN);
    }
    for (String route :
        List.of("get /cases/{id}/events/new", "post /cases/{id}/events", "get /events/{id}/edit", "post /events/{id}",
            "get /cases/new", "post /cases", "get /cases/{id}/edit", "post /cases/{id}",
            "get /pickers/persons", "get /pickers/organizations")) {
      RULES.put(route, Rule.SIGNED_IN);
    }
    for (String route :
        List.of("get /communications/{id}/replies/new", "post /communications/{id}/replies", "get /replies/{id}/edit",
            "post /replies/{id}", "get /communications/{id}/claims/new", "post /communications/{id}/claims",
            "get /claims/{id}/edit", "post /claims/{id}")) {
      RULES.put(route, Rule.SIGNED_IN);
    }
    for (String kind :
        List.of("cases", "events", "proceedings", "persons", "organizations", "sources", "relationships", "replies", "claims", "communications")) {
      RULES.put("get /" + kind + "/{id}/void", Rule.SIGNED_IN);
      RULES.put("post /" + kind + "/{id}/void", Rule.SIGNED_IN);
    }
    for (String route :
        List.of("get /cases/{id}/organizations/new", "post /cases/{id}/organizations", "get /organizations/{id}/edit",
            "post /organizations/{id}", "get /cases/{id}/sources/new", "post /cases/{id}/sources", "get /sources/{id}/edit",
            "post /sources/{id}",
            "get /cases/{id}/proceedings/new", "post /cases/{id}/proceedings", "get /proceedings/{id}/edit",
            "post /proceedings/{id}")) {
      RULES.put(route, Rule.SIGNED_IN);
    }
    for (String route :
        List.of("get /cases/{id}/persons/new", "post /cases/{id}/persons", "get /persons/{id}/edit", "post /persons/{id}",
            "get /cases/{id}/relationships/new", "post /cases/{id}/relationships", "get /relationships/{id}/edit",
            "post /relationships/{id}")) {
      RULES.put(route, Rule.SIGNED_IN);
    }
    for (String records :
        List.of("cases", "persons", "relationships", "organizations", "sources", "events", "proceedings", "communications",
            "replies", "claims")) {
      for (String route :
          List.of("get /api/v1/" + records, "get /api/v1/" + records + "/{id}", "post /api/v1/" + records,
              "put /api/v1/" + records + "/{id}", "post /api/v1/" + records + "/{id}/void")) {
        RULES.put(route, Rule.SIGNED_IN);
      }
    }
    for (String route :
        List.of(
            "get /api/v1/cases/{id}/chronology", "get /api/v1/cases/{id}/export", "post /api/v1/import",
            "get /api/v1/sources/{id}/file", "post /api/v1/vocabularies/{name}/terms", "post /api/v1/provisions",
            "get /api/v1/me", "post /api/v1/me/password", "post /api/v1/me/totp", "post /api/v1/me/totp/confirm",
            "get /api/v1/me/tokens", "post /api/v1/me/tokens", "post /api/v1/me/tokens/{id}/revoke",
            "get /api/v1/users", "post /api/v1/users", "post /api/v1/users/{id}/disable",
            "post /api/v1/users/{id}/enable", "post /api/v1/users/{id}/totp-reset", "post /api/v1/users/{id}/password",
            "get /api/v1/cases/{id}/team", "post /api/v1/cases/{id}/team", "post /api/v1/cases/{id}/team/{user}/remove",
            "get /account", "post /account/password", "post /account/totp", "post /account/totp/confirm",
            "post /account/tokens", "post /account/tokens/{id}/revoke",
            "get /admin/users", "post /admin/users", "post /admin/users/{id}/disable", "post /admin/users/{id}/enable",
            "post /admin/users/{id}/totp-reset", "post /admin/users/{id}/password",
            "get /import", "post /import", "get /cases/{id}/export.yaml",
            "get /cases/{id}/team", "post /cases/{id}/team", "post /cases/{id}/team/{user}/remove",
            "get /admin/vocabularies", "post /admin/vocabularies", "get /admin/catalogue", "post /admin/catalogue",
            "post /api/v1/communications/{id}/send", "post /api/v1/communications/{id}/publish",
            "post /api/v1/communications/{id}/follow-up", "post /api/v1/communications/{id}/close",
            "get /api/v1/communications/{id}/replies", "post /api/v1/communications/{id}/replies",
            "get /api/v1/communications/{id}/claims", "post /api/v1/communications/{id}/claims",
            "get /api/v1/communications/{id}/claims/matrix", "post /api/v1/mandates", "get /api/v1/deadlines",
            "get /api/v1/me/calendar-link", "post /api/v1/me/calendar-link", "post /api/v1/me/calendar-link/revoke")) {
      RULES.put(route, Rule.SIGNED_IN);
    }
  }

  private static final String RESTRICTED = "CANARY-RESTRICTED-7f3a";
  private static final String INTERNAL = "CANARY-INTERNAL-91bc";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void noRouteShowsACallerWhatTheyMayNotSee(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http base = new Http(server.port());
      Http owner = base.withToken(TestCasebook.token(casebook, "owner", org.casebook.access.Role.EDITOR));
      Fixture fixture = Fixture.create(owner);
      String viewerToken = TestCasebook.token(casebook, "viewer", org.casebook.access.Role.VIEWER);
      String ungrantedToken = TestCasebook.token(casebook, "ungranted", org.casebook.access.Role.EDITOR);
      String outsiderToken = TestCasebook.token(casebook, "outsider", org.casebook.access.Role.EDITOR);
      casebook.teams().addMember(fixture.caseId, userId(casebook, "viewer"), false);
      casebook.teams().addMember(fixture.caseId, userId(casebook, "ungranted"), false);
      casebook.searchIndexer().drain();

      Map<String, Http> callers = new LinkedHashMap<>();
      callers.put("anonymous", base);
      callers.put("outsider", base.withToken(outsiderToken));
      callers.put("viewer without grant", base.withToken(viewerToken));
      callers.put("editor without grant", base.withToken(ungrantedToken));

      List<String> unruled = new ArrayList<>();
      for (ParsedEndpoint parsed : server.app().unsafe.internalRouter.allHttpHandlers()) {
        if (!parsed.endpoint.method.isHttpMethod()) {
          continue;
        }
        String route = parsed.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + parsed.endpoint.path;
        Rule rule = RULES.get(route);
        if (rule == null) {
          unruled.add(route);
          continue;
        }
        for (String path : fixture.paths(parsed.endpoint.path)) {
          for (Map.Entry<String, Http> caller : callers.entrySet()) {
            Http.Response response = send(caller.getValue(), parsed.endpoint.method.name(), path);
            String who = caller.getKey() + " on " + route + " (" + path + ")";
            assertThat(response.status()).as(who).isNotEqualTo(500);
            assertThat(response.body()).as(who).doesNotContain(RESTRICTED);
            if (!caller.getKey().contains("without grant")) {
              assertThat(response.body()).as(who).doesNotContain(INTERNAL);
            }
            if (rule == Rule.SIGNED_IN && caller.getKey().equals("anonymous")) {
              assertThat(response.status()).as(who).isIn(401, 403, 404);
            }
          }
        }
      }
      assertThat(unruled).as("routes with no access rule in AccessControlTest.RULES").isEmpty();

      Http outsider = base.withToken(outsiderToken);
      for (String records :
          List.of("cases", "persons", "events", "proceedings", "sources", "organizations", "communications", "replies", "claims",
              "search")) {
        assertThat(outsider.get("/api/v1/" + records).json().get("total").asInt()).as(records + " counted for an outsider").isZero();
      }
      assertThat(base.withToken(viewerToken).get("/api/v1/search?q=person").body()).as("the walk's search finds records").contains(INTERNAL);
      Http ungranted = base.withToken(ungrantedToken);
      JsonNode persons = ungranted.get("/api/v1/persons?case=" + fixture.caseId).json();
      assertThat(persons.get("total").asInt()).as("persons an editor without grant may see").isEqualTo(2);
      persons.get("items").forEach(person -> assertThat(person.get("name").asText()).isNotEqualTo(RESTRICTED + " person"));
      JsonNode publicPerson = persons.get("items").get(persons.at("/items/0/name").asText().equals("Public Person") ? 0 : 1);
      assertThat(publicPerson.get("notes").asText()).isEqualTo(org.casebook.common.Redaction.MARK);
      assertThat(owner.get("/api/v1/persons?case=" + fixture.caseId).json().get("total").asInt()).isEqualTo(3);

      Http viewer = base.withToken(viewerToken);
      JsonNode communications = viewer.get("/api/v1/communications?case=" + fixture.caseId).json();
      assertThat(communications.get("total").asInt()).as("communications a viewer without grant may see").isEqualTo(1);
      assertThat(communications.at("/items/0/subject").asText()).isEqualTo(INTERNAL + " communication");
      assertThat(communications.at("/items/0/notes").asText()).isEqualTo(org.casebook.common.Redaction.MARK);
      assertThat(viewer.get("/api/v1/replies").json().get("total").asInt()).isZero();
      assertThat(viewer.get("/api/v1/deadlines").json()).allSatisfy(
          deadline -> assertThat(deadline.get("title").asText()).doesNotContain(RESTRICTED));
      assertThat(owner.get("/api/v1/communications?case=" + fixture.caseId).json().get("total").asInt()).isEqualTo(2);
      assertThat(owner.get("/api/v1/communications").json().get("total").asInt()).isEqualTo(3);
      assertThat(outsider.get("/api/v1/deadlines").json()).isEmpty();
    }
  }

  private static UUID userId(Casebook casebook, String name) {
    return casebook.accounts().findUser(name).orElseThrow().id();
  }

  private static Http.Response send(Http http, String method, String path) {
    return switch (method) {
      case "GET" -> http.get(path);
      case "POST" -> http.post(path, "{}");
      case "PUT" -> http.put(path, "{\"version\": 1, \"title\": \"x\", \"name\": \"x\"}");
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** A case file with a record of each kind at each confidentiality level, made by its owner. */
  private static final class Fixture {
    UUID caseId;
    final Map<String, List<UUID>> ids = new LinkedHashMap<>();

    static Fixture create(Http owner) {
      Fixture fixture = new Fixture();
      String document =
          String.join(
              "\n",
              "format: casebook/1",
              "case: {key: walk, title: Walk, risk: high, status: open, subjects: [public-person], confidentiality: internal}",
              "persons:",
              "  - {key: public-person, name: Public Person, notes: '" + RESTRICTED + " notes', confidentiality: public}",
              "  - {key: internal-person, name: '" + INTERNAL + " person', confidentiality: internal}",
              "  - {key: restricted-person, name: '" + RESTRICTED + " person', confidentiality: restricted}",
              "organizations:",
              "  - {key: restricted-org, name: '" + RESTRICTED + " org', confidentiality: restricted}",
              "relationships:",
              "  - {person: restricted-person, type: colleague, other: public-person, notes: '" + RESTRICTED + " rel', confidentiality: restricted}",
              "sources:",
              "  - {key: restricted-source, title: '" + RESTRICTED + " source', kind: testimony, text: '" + RESTRICTED + " text', confidentiality: restricted}",
              "events:",
              "  - {key: restricted-event, date: 2023-10, type: threat, title: '" + RESTRICTED + " event', confidentiality: restricted,"
                  + " participants: [{person: restricted-person, role: victim}], sources: [restricted-source]}",
              "proceedings:",
              "  - {key: restricted-proceeding, kind: criminal, title: '" + RESTRICTED + " proceeding', confidentiality: restricted,"
                  + " notes: '" + RESTRICTED + " proc notes', history: [{date: 2023-10-16, status: opened}]}",
              "");
      Http.Response imported = owner.postText("/api/v1/import", document, "application/yaml");
      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
      fixture.caseId = UUID.fromString(imported.json().get("case_id").asText());
      fixture.communications(owner);
      for (String records :
          List.of("persons", "organizations", "relationships", "sources", "events", "proceedings", "communications", "replies", "claims")) {
        List<UUID> found = new ArrayList<>();
        owner.get("/api/v1/" + records + "?size=500").json().get("items").forEach(item -> found.add(UUID.fromString(item.get("id").asText())));
        fixture.ids.put(records, found);
      }
      return fixture;
    }

    /**
     * A restricted communication of the case file (sent, with a restricted reply and claim), an
     * internal one with restricted notes, and one linked to no case file, all made by the owner.
     */
    void communications(Http owner) {
      String restricted =
          create(owner, "/api/v1/communications", Map.of(
              "type", "AL", "states", List.of("KAZ"), "mandates", List.of("sr-human-rights-defenders"),
              "cases", List.of(caseId.toString()), "subject", RESTRICTED + " communication", "text", RESTRICTED + " text",
              "questions", List.of(RESTRICTED + " question"), "other_addressees", List.of(RESTRICTED + " company"),
              "notes", RESTRICTED + " notes", "confidentiality", "restricted"));
      Http.Response sent = owner.post("/api/v1/communications/" + restricted + "/send", "{\"version\": 1, \"note\": \"" + RESTRICTED + "\"}");
      assertThat(sent.status()).as(sent.body()).isEqualTo(200);
      String reply =
          create(owner, "/api/v1/communications/" + restricted + "/replies", Map.of(
              "received", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "sender_reference", RESTRICTED + " ref",
              "summary", RESTRICTED + " summary", "confidentiality", "restricted"));
      create(owner, "/api/v1/communications/" + restricted + "/claims", Map.of(
          "text", RESTRICTED + " claim", "quote", RESTRICTED + " quote", "confidentiality", "restricted",
          "responses", List.of(Map.of("reply", reply, "stance", "denies", "quote", RESTRICTED + " answer"))));
      create(owner, "/api/v1/communications", Map.of(
          "type", "OL", "states", List.of("KAZ"), "mandates", List.of("sr-human-rights-defenders"),
          "cases", List.of(caseId.toString()), "subject", INTERNAL + " communication", "notes", RESTRICTED + " notes",
          "confidentiality", "internal"));
      create(owner, "/api/v1/communications", Map.of(
          "type", "UA", "subject", INTERNAL + " unlinked communication", "confidentiality", "internal"));
    }

    private static String create(Http owner, String path, Map<String, Object> body) {
      Http.Response created = owner.post(path, Http.json(body));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      return created.json().get("id").asText();
    }

    /** The concrete paths to try for a route: every record of its kind, or stand-ins. */
    List<String> paths(String route) {
      if (!route.contains("{")) {
        return List.of(route);
      }
      String[] parts = route.split("/");
      String kind =
          route.startsWith("/api/v1/") ? (parts.length > 3 ? parts[3] : "") : parts[parts.length - 2];
      if (route.endsWith("/letter") || route.endsWith("/letter.pdf")) {
        // A letter is read from every record of the kind it is the letter of.
        kind = parts[route.startsWith("/public/") ? 2 : 1];
      }
      List<String> paths = new ArrayList<>();
      List<UUID> candidates =
          kind.equals("cases") ? List.of(caseId) : ids.getOrDefault(kind, List.of(UUID.randomUUID()));
      List<UUID> replies = route.contains("{reply}") ? ids.getOrDefault("replies", List.of()) : List.of(UUID.randomUUID());
      for (UUID id : candidates) {
        for (UUID reply : replies) {
          paths.add(
              route.replace("{id}", id.toString()).replace("{name}", "event_type").replace("{user}", UUID.randomUUID().toString())
                  .replace("{secret}", "not-a-secret").replace("{reply}", reply.toString()));
        }
      }
      return paths;
    }
  }
}
