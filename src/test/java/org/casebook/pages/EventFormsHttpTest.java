package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The event forms over real HTTP: adding, refusing with messages by the field, edit conflicts. */
class EventFormsHttpTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Pattern TIMELINE_ITEM =
      Pattern.compile("<li class=\"timeline-item\"(?: id=\"([^\"]+)\")?>\\s*<time class=\"when\" data-edtf=\"([^\"]+)\">");

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anEventTypedAsJuly2016TakesItsPlaceInTheTimeline(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server);

      Http.Response form = editor.get("/cases/" + caseId + "/events/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body()).contains("name=\"date\"", "Victim", "A news report", "Asel Nurova");

      String personId = option(form.body(), "Asel Nurova");
      Http.Response created =
          editor.postText(
              "/cases/" + caseId + "/events",
              form("date", "July 2016", "type", "threat", "title", "A threat by telephone", "country", "kz",
                  "participants[0].person", personId, "participants[0].role", "target",
                  "participants[1].person", "", "participants[1].role", "",
                  "sources", option(form.body(), "A news report"), "confidentiality", "internal"),
              FORM);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String location = created.raw().headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/cases/" + caseId + "#event-");

      List<String[]> timeline = timeline(editor.with("Accept-Language", "en").get("/cases/" + caseId).body());
      String anchor = location.substring(location.indexOf('#') + 1);
      assertThat(timeline.stream().map(item -> item[1]).toList()).containsExactly("2015", "2016-07", "2017-03");
      assertThat(timeline.get(1)[0]).isEqualTo(anchor);
      String event = anchor.substring("event-".length());
      assertThat(editor.get("/api/v1/events/" + event).json().get("participants").get(0).get("role").asText()).isEqualTo("target");
      assertThat(editor.get("/api/v1/events/" + event).json().get("country").asText()).isEqualTo("KZ");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormComesBackWithTheMessageNextToTheFieldAndWhatWasTyped(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server).with("Accept-Language", "en");
      String hostile = "<script>alert(1)</script>";

      Http.Response refused =
          editor.postText(
              "/cases/" + caseId + "/events",
              form("date", "early 2019", "type", "threat", "title", hostile, "participants[0].person", "",
                  "participants[0].role", "victim", "confidentiality", "internal"),
              FORM);
      assertThat(refused.status()).isEqualTo(422);
      String body = refused.body();
      assertThat(body).contains("<a href=\"#field-date\">", "value=\"early 2019\"", "id=\"field-date-error\"");
      assertThat(body).containsPattern("id=\"field-date\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"field-date-hint field-date-error\"");
      assertThat(body).containsPattern("id=\"field-participants-0-person\"[^>]*aria-invalid=\"true\"");
      assertThat(body).doesNotContain(hostile).contains("value=\"&lt;script>alert(1)&lt;/script>\"");
      assertThat(editor.get("/api/v1/events?case=" + caseId).json().get("total").asInt()).isEqualTo(2);

      Http.Response russian =
          editor.with("Accept-Language", "ru").postText("/cases/" + caseId + "/events", form("date", "начало 2019", "title", "x"), FORM);
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http editor = editor(casebook, server).with("Accept-Language", "en");
      String eventId = editor.get("/api/v1/events?case=" + caseId).json().get("items").get(0).get("id").asText();

      Http.Response edit = editor.get("/events/" + eventId + "/edit");
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body()).contains("name=\"version\" value=\"1\"", "value=\"2015\"", "Stored now as 2015 (EDTF)");

      String first = form("version", "1", "date", "2015", "type", "threat", "title", "Saved first by a colleague", "confidentiality", "internal");
      assertThat(editor.postText("/events/" + eventId, first, FORM).status()).isEqualTo(303);

      String mine = form("version", "1", "date", "summer 2015", "type", "threat", "title", "My careful wording", "confidentiality", "internal");
      Http.Response conflict = editor.postText("/events/" + eventId, mine, FORM);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("Saved first by a colleague", "My careful wording", "summer 2015", "name=\"version\" value=\"2\"")
          .contains("Save my version over the current one");

      String again = form("version", "2", "date", "summer 2015", "type", "threat", "title", "My careful wording", "confidentiality", "internal");
      assertThat(editor.postText("/events/" + eventId, again, FORM).status()).isEqualTo(303);
      var stored = editor.get("/api/v1/events/" + eventId).json();
      assertThat(stored.get("title").asText()).isEqualTo("My careful wording");
      assertThat(stored.get("date").asText()).isEqualTo("2015-06/2015-08");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerGetsNoFormAndSeesNoLinksToOne(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Http base = new Http(server.port()).with("Accept-Language", "en");
      Http viewer = base.withToken(TestCasebook.token(casebook, "vera", Role.VIEWER));
      casebook.teams().addMember(caseId, casebook.accounts().findUser("vera").orElseThrow().id(), false);
      Http editor = editor(casebook, server);
      String eventId = editor.get("/api/v1/events?case=" + caseId).json().get("items").get(0).get("id").asText();

      assertThat(viewer.get("/cases/" + caseId).status()).isEqualTo(200);
      assertThat(viewer.get("/cases/" + caseId).body()).doesNotContain("/events/new", "/edit");
      assertThat(viewer.get("/cases/" + caseId + "/events/new").status()).isEqualTo(403);
      assertThat(viewer.get("/events/" + eventId + "/edit").status()).isEqualTo(403);
      assertThat(viewer.postText("/cases/" + caseId + "/events", form("date", "2016", "title", "x"), FORM).status()).isEqualTo(403);
      assertThat(base.get("/cases/" + caseId + "/events/new").status()).isEqualTo(401);
      assertThat(editor.get("/cases/" + caseId).body()).contains("/cases/" + caseId + "/events/new", "/events/" + eventId + "/edit");
    }
  }

  private static Http editor(Casebook casebook, WebServer server) {
    return new Http(server.port()).withToken(TestCasebook.token(casebook, "admin", Role.ADMINISTRATOR));
  }

  private static UUID importCase(Casebook casebook) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: c, title: Forms case, risk: high, status: open, subjects: [asel], confidentiality: internal}",
            "persons:",
            "  - {key: asel, name: Asel Nurova, confidentiality: internal}",
            "sources:",
            "  - {key: news, title: A news report, kind: news-article, confidentiality: internal}",
            "events:",
            "  - {key: e1, date: '2015', type: threat, title: Summoned for questioning, sources: [news], confidentiality: internal}",
            "  - {key: e2, date: 2017-03, type: threat, title: Searched at home, confidentiality: internal}",
            "");
    return casebook.importer().importDocument(TestCasebook.TESTER, "forms.yaml", document, null, false, Progress.NONE).caseId();
  }

  /** The value of the option whose label is {@code label}. */
  private static String option(String html, String label) {
    Matcher option = Pattern.compile("<option value=\"([^\"]*)\"[^>]*>" + Pattern.quote(label) + "</option>").matcher(html);
    assertThat(option.find()).as("an option " + label).isTrue();
    return option.group(1);
  }

  /** The timeline's items: their anchor (or null) and their EDTF date. */
  private static List<String[]> timeline(String html) {
    List<String[]> items = new ArrayList<>();
    Matcher item = TIMELINE_ITEM.matcher(html);
    while (item.find()) {
      items.add(new String[] {item.group(1), item.group(2)});
    }
    return items;
  }

  private static String form(String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int index = 0; index < namesAndValues.length; index += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(namesAndValues[index], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(namesAndValues[index + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }
}
