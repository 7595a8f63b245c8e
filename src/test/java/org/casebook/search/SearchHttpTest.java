package org.casebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The search API and the search page over real HTTP: what they answer, how they refuse bad
 * parameters, that the page works as plain links and a GET form, and that hostile text comes back
 * escaped and harmless.
 */
class SearchHttpTest {
  private static final Pattern FACET_LINK = Pattern.compile("<a href=\"(/search\\?[^\"]+)\">([^<]+)</a> <span class=\"facet-count\">\\((\\d+)\\)</span>");
  private static final String HOSTILE = "<b>Bold</b> 'Robert'); DROP TABLE persons;-- & \"Quoted\" <script>alert(1)</script> Ironbark";

  @TempDir Path dataDir;

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theApiAnswersWithHitsSnippetsAndFacets(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      TestCasebook.importDemo(casebook);
      casebook.searchIndexer().drain();
      Http http = new Http(server.port()).withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));

      JsonNode found = http.get("/api/v1/search?q=Tansari").json();
      assertThat(found.get("total").asInt()).isGreaterThan(40);
      assertThat(found.get("page").asInt()).isEqualTo(1);
      assertThat(found.get("size").asInt()).isEqualTo(SearchQuery.DEFAULT_SIZE);
      assertThat(found.get("items")).hasSize(SearchQuery.DEFAULT_SIZE);
      JsonNode person = found.get("items").get(0);
      assertThat(person.get("kind").asText()).isEqualTo("person");
      assertThat(person.get("title").asText()).isEqualTo("Dinara Smailova");
      assertThat(person.get("snippet").asText()).contains("<mark>Tansari</mark>");
      assertThat(person.get("cases")).hasSize(1);
      assertThat(found.at("/facets/kind/0/value").asText()).isEqualTo("event");
      assertThat(found.at("/facets/kind/0/count").asInt()).isPositive();

      JsonNode events = http.get("/api/v1/search?q=Smailova&kind=event&from=2016-07&to=2016-12&sort=date&size=5").json();
      assertThat(events.get("items")).hasSizeBetween(1, 5).allMatch(hit -> hit.get("kind").asText().equals("event"));
      assertThat(events.get("items").get(0).get("date").asText()).startsWith("2016");
      JsonNode charged = http.get("/api/v1/search?q=" + encode("ч. 2 ст. 274") + "&provision=" + encode("KZ-CC 274")).json();
      assertThat(charged.get("total").asInt()).isEqualTo(3);

      for (String bad : List.of("kind=planet", "from=sometime", "to=2016-13", "sort=random", "size=1000", "page=0", "page=x", "year=twenty")) {
        Http.Response refused = http.get("/api/v1/search?q=x&" + bad);
        assertThat(refused.status()).as(bad).isEqualTo(422);
        assertThat(refused.body()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
      }
      assertThat(new Http(server.port()).get("/api/v1/search?q=Smailova").status()).isIn(401, 403);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void thePageIsAFormWithFacetLinksSnippetsAndPaging(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      TestCasebook.importDemo(casebook);
      casebook.searchIndexer().drain();
      Http http = new Http(server.port()).with("Accept-Language", "en").withToken(TestCasebook.token(casebook, "editor", Role.ADMINISTRATOR));

      Http.Response empty = http.get("/search");
      assertThat(empty.status()).isEqualTo(200);
      assertThat(empty.body()).contains("<form class=\"search-form\" method=\"get\" action=\"/search\"").doesNotContain("class=\"hits\"");
      assertThat(empty.body()).as("the header's search box").contains("class=\"site-search\"");

      Http.Response page = http.get("/search?q=Smailova");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("records found", "<mark>Smailova</mark>", "value=\"Smailova\"", "rel=\"next\"", "href=\"/cases/");
      List<String[]> facets = new ArrayList<>();
      Matcher link = FACET_LINK.matcher(page.body());
      while (link.find()) {
        facets.add(new String[] {link.group(1).replace("&amp;", "&"), link.group(2), link.group(3)});
      }
      assertThat(facets).extracting(facet -> facet[1]).contains("Event", "Proceeding", "KZ", "2016", "KZ-CC 274");
      String[] events = facets.stream().filter(facet -> facet[1].equals("Event")).findFirst().orElseThrow();
      Http.Response narrowed = http.get(events[0]);
      assertThat(narrowed.status()).isEqualTo(200);
      assertThat(narrowed.body()).contains(events[2] + " records found", "Kind of record: Event", "<strong>Event</strong>");
      assertThat(narrowed.body()).as("the chosen filter is kept by the form").contains("<input type=\"hidden\" name=\"kind\" value=\"event\">");

      Http.Response second = http.get("/search?q=Smailova&page=2");
      assertThat(second.body()).contains("Page 2 of", "rel=\"prev\"");

      Http.Response russian = http.get("/search?q=Smailova&lang=ru");
      assertThat(russian.body()).contains("Найдено записей:", "Вид записи");

      Http.Response badDate = http.get("/search?q=Smailova&from=" + encode("the thirty-second of Smarch"));
      assertThat(badDate.status()).isEqualTo(422);
      assertThat(badDate.body()).contains("id=\"search-from-error\"", "value=\"the thirty-second of Smarch\"", "aria-invalid=\"true\"");
      Http.Response humanDates = http.get("/search?q=Smailova&from=" + encode("July 2016") + "&to=" + encode("December 2016"));
      assertThat(humanDates.status()).isEqualTo(200);
      assertThat(humanDates.body()).contains("records found");

      Http anonymous = new Http(server.port());
      assertThat(anonymous.get("/search?q=Smailova").status()).isEqualTo(401);
      assertThat(anonymous.get("/public").body()).doesNotContain("class=\"site-search\"");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void hostileTextComesBackEscapedAndIsStoredVerbatim(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Http http = new Http(server.port()).with("Accept-Language", "en").withToken(TestCasebook.token(casebook, "editor", Role.EDITOR));
      String document =
          "format: casebook/1\ncase: {key: hostile, title: Hostile, risk: high, status: open}\n"
              + "events:\n  - {key: e, date: 2020, type: threat, title: 'Threat', description: " + yaml(HOSTILE) + "}\n";
      assertThat(http.postText("/api/v1/import", document, "application/yaml").status()).isEqualTo(200);
      casebook.searchIndexer().drain();

      JsonNode found = http.get("/api/v1/search?q=Ironbark").json();
      assertThat(found.get("total").asInt()).isEqualTo(1);
      String snippet = found.at("/items/0/snippet").asText();
      assertThat(snippet).contains("&lt;script&gt;", "&lt;b&gt;", "&#39;Robert&#39;", "&amp;", "<mark>Ironbark</mark>").doesNotContain("<script>", "<b>");
      assertThat(found.at("/items/0/title").asText()).isEqualTo("Threat");

      Http.Response page = http.get("/search?q=" + encode(HOSTILE));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).doesNotContain("<script>alert", "<b>Bold").contains("value=\"&lt;b>Bold&lt;/b>", "&lt;<mark>script</mark>&gt;");
      assertThat(http.get("/search?q=Ironbark").body()).contains("<mark>Ironbark</mark>").doesNotContain("<script>alert");
      assertThat(http.get("/api/v1/search?q=" + encode("'; DROP TABLE persons; --")).status()).isEqualTo(200);
      String stored = casebook.database().jdbi().withHandle(handle -> handle.createQuery("SELECT description FROM events").mapTo(String.class).one());
      assertThat(stored).isEqualTo(HOSTILE);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theHeaderSuggestsNamesAsOneTypesAndEscapesThem(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      TestCasebook.importDemo(casebook);
      Http http = new Http(server.port()).with("Accept-Language", "en").withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
      String document =
          "format: casebook/1\ncase: {key: hostile, title: " + yaml("Ironbark <script>alert(1)</script> case") + ", risk: high, status: open}\n";
      assertThat(http.postText("/api/v1/import", document, "application/yaml").status()).isEqualTo(200);
      casebook.searchIndexer().drain();

      assertThat(http.get("/cases").body()).contains("hx-get=\"/search/suggestions\"", "id=\"site-search-suggestions\"");
      JsonNode api = http.get("/api/v1/search/suggestions?q=" + encode("Смаи")).json();
      assertThat(api.isArray()).isTrue();
      assertThat(api.findValuesAsText("title")).contains("Dinara Smailova");
      assertThat(api.findValuesAsText("kind")).contains("person", "case").doesNotContain("event", "source");

      Http.Response list = http.get("/search/suggestions?q=" + encode("Смаи"));
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body().strip()).startsWith("<ul").contains(">Dinara Smailova</a>", "href=\"/search?q=%22Dinara+Smailova%22\"").doesNotContain("<html");
      String hostile = http.get("/search/suggestions?q=Ironb").body();
      assertThat(hostile).contains("Ironbark &lt;script&gt;alert(1)&lt;/script&gt; case").doesNotContain("<script>");
      assertThat(http.get("/search/suggestions?q=" + encode("<script>")).body()).doesNotContain("<script>");
      assertThat(http.get("/search/suggestions?q=I").body()).isBlank();
      assertThat(new Http(server.port()).get("/api/v1/search/suggestions?q=Smai").status()).isIn(401, 403);
    }
  }

  private static String yaml(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
