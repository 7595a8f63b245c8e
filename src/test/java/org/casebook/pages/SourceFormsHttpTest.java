package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.sources.FileStore;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The source forms over real HTTP, on both stores: adding a source with an uploaded file, refusals
 * with messages by the field (an unsafe address, an upload larger than the server accepts), hostile
 * text, edit conflicts, and who may use them.
 */
class SourceFormsHttpTest {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String ESCAPED = "&lt;script>alert(1)&lt;/script>";
  /** A small PDF: what matters is that it is not text, so that no full text is taken from it. */
  private static final byte[] PDF = pdf();

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSourceIsAddedWithItsFileStoredByItsHashAndDownloadable(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Client editor = editor(casebook, server, caseId);

      Http.Response form = editor.http().get("/cases/" + caseId + "/sources/new");
      assertThat(form.status()).isEqualTo(200);
      assertThat(form.body())
          .contains("enctype=\"multipart/form-data\"", "name=\"file\" type=\"file\"", "UN communication", "Highly reliable")
          .containsPattern("<option value=\"unknown\" selected>");

      Client.Answer created =
          editor.post(
              "/cases/" + caseId + "/sources",
              List.of(
                  Part.field("title", "Reply of the Government"), Part.field("kind", "government-reply"),
                  Part.field("publisher", "Permanent Mission"), Part.field("date", "March 2024"), Part.field("language", "ru"),
                  Part.field("url", "https://example.org/reply.pdf"), Part.field("reliability", "usually-reliable"),
                  Part.field("text", ""), Part.field("confidentiality", "internal"), Part.file("file", "C:\\fakepath\\reply.pdf", "application/pdf", PDF)));
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      assertThat(created.location()).startsWith("/cases/" + caseId + "#source-");
      String id = created.location().replaceFirst(".*#source-", "");

      JsonNode source = editor.http().get("/api/v1/sources/" + id).json();
      assertThat(source.get("sha256").asText()).isEqualTo(FileStore.sha256(PDF));
      assertThat(source.get("file_name").asText()).isEqualTo("reply.pdf");
      assertThat(source.get("date").asText()).isEqualTo("2024-03");
      assertThat(source.get("reliability").asText()).isEqualTo("usually-reliable");
      assertThat(source.has("text") && !source.get("text").isNull()).isFalse();
      assertThat(editor.download("/api/v1/sources/" + id + "/file")).isEqualTo(PDF);
      assertThat(storedFiles()).contains(FileStore.sha256(PDF));
      assertThat(editor.http().get("/api/v1/cases/" + caseId).json().get("sources").toString()).contains(id);

      String page = editor.http().with("Accept-Language", "en").get("/cases/" + caseId).body();
      assertThat(page)
          .contains("id=\"source-" + id + "\"", "/cases/" + caseId + "/sources/new", "Add source")
          .contains("href=\"/api/v1/sources/" + id + "/file\"", "File of Reply of the Government")
          .contains("href=\"https://example.org/reply.pdf\" rel=\"noopener noreferrer\"")
          .contains("href=\"/sources/" + id + "/edit?case=" + caseId + "\"");

      Client.Answer text =
          editor.post(
              "/cases/" + caseId + "/sources",
              List.of(
                  Part.field("title", "Testimony"), Part.field("kind", "testimony"), Part.field("reliability", "unknown"),
                  Part.field("confidentiality", "restricted"),
                  Part.file("file", "testimony.txt", "text/plain", "Я видела, как его задержали.\n".getBytes(StandardCharsets.UTF_8))));
      assertThat(text.status()).as(text.body()).isEqualTo(303);
      String testimony = text.location().replaceFirst(".*#source-", "");
      JsonNode restricted = editor.http().get("/api/v1/sources/" + testimony).json();
      assertThat(restricted.get("text").asText()).isEqualTo("Я видела, как его задержали.\n");
      byte[] clear = "Я видела, как его задержали.\n".getBytes(StandardCharsets.UTF_8);
      assertThat(restricted.get("sha256").asText()).isEqualTo(FileStore.sha256(clear));
      assertThat(editor.download("/api/v1/sources/" + testimony + "/file")).isEqualTo(clear);
      assertThat(storedFiles()).as("a restricted source's file is stored sealed, under its own name")
          .noneMatch(name -> name.equals(FileStore.sha256(clear)))
          .anyMatch(name -> name.startsWith(FileStore.sha256(clear) + "." + testimony));
      assertThat(filesHolding(clear)).as("no file holds the testimony in clear").isEmpty();

      Http.Response edit = editor.http().with("Accept-Language", "en").get("/sources/" + id + "/edit?case=" + caseId);
      assertThat(edit.status()).isEqualTo(200);
      assertThat(edit.body()).contains("Stored now: reply.pdf (SHA-256 " + FileStore.sha256(PDF) + ")", "name=\"version\" value=\"1\"");
      Client.Answer kept = editor.post("/sources/" + id + "?case=" + caseId, edited("1", caseId, "Reply of the Government of Kazakhstan", "https://example.org/reply.pdf"));
      assertThat(kept.status()).as(kept.body()).isEqualTo(303);
      assertThat(kept.location()).isEqualTo("/cases/" + caseId + "#source-" + id);
      JsonNode changed = editor.http().get("/api/v1/sources/" + id).json();
      assertThat(changed.get("title").asText()).isEqualTo("Reply of the Government of Kazakhstan");
      assertThat(changed.get("sha256").asText()).as("the stored file is kept").isEqualTo(FileStore.sha256(PDF));
      assertThat(changed.get("file_name").asText()).isEqualTo("reply.pdf");

      String textOnly = editor.http().get("/api/v1/sources?case=" + caseId + "&q=news").json().at("/items/0/id").asText();
      List<Part> newText = new ArrayList<>(edited("1", caseId, "A news report", ""));
      newText.add(Part.field("text", "Corrected text\r\nsecond line"));
      assertThat(editor.post("/sources/" + textOnly + "?case=" + caseId, newText).status()).isEqualTo(303);
      JsonNode news = editor.http().get("/api/v1/sources/" + textOnly).json();
      assertThat(news.get("text").asText()).isEqualTo("Corrected text\nsecond line");
      assertThat(news.get("sha256").asText()).isEqualTo(FileStore.sha256("Corrected text\nsecond line".getBytes(StandardCharsets.UTF_8)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRefusedFormKeepsWhatWasTypedAndWritesNoFile(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Client editor = editor(casebook, server, caseId).language("en");

      Client.Answer refused =
          editor.post(
              "/cases/" + caseId + "/sources",
              List.of(
                  Part.field("title", ""), Part.field("kind", "news-article"), Part.field("publisher", "Vlast.kz"),
                  Part.field("date", "the week after"), Part.field("url", "javascript:alert(document.cookie)"),
                  Part.field("reliability", "fairly-reliable"), Part.field("text", "Typed with care"),
                  Part.field("confidentiality", "internal"), Part.file("file", "article.pdf", "application/pdf", PDF)));
      assertThat(refused.status()).isEqualTo(422);
      String body = refused.body();
      assertThat(body).contains("<a href=\"#field-title\">", "id=\"field-title-error\"", "id=\"field-date-error\"", "id=\"field-url-error\"");
      assertThat(body).containsPattern("id=\"field-url\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"field-url-hint field-url-error\"");
      assertThat(body).contains("is not an absolute http or https URL");
      assertThat(body).contains("value=\"Vlast.kz\"", "value=\"the week after\"", "Typed with care", "The file you chose, article.pdf, was not saved");
      assertThat(body).containsPattern("<option value=\"fairly-reliable\" selected>");
      assertThat(editor.http().get("/api/v1/sources?case=" + caseId).json().get("total").asInt()).isEqualTo(1);
      assertThat(storedFiles()).as("a refused form stores no file").isEmpty();

      Http.Response api =
          editor.http().post(
              "/api/v1/sources",
              "{\"title\": \"x\", \"kind\": \"news-article\", \"url\": \"JavaScript:alert(1)\", \"confidentiality\": \"internal\"}");
      assertThat(api.status()).as("the API refuses the address too").isEqualTo(422);
      assertThat(api.body()).contains("\"field\":\"url\"");

      Client.Answer russian = editor.language("ru").post("/cases/" + caseId + "/sources", List.of(Part.field("title", "")));
      assertThat(russian.status()).isEqualTo(422);
      assertThat(russian.body()).contains("Форму не удалось сохранить", "Добавить источник");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUploadLargerThanTheServerAcceptsIsRefusedWithNothingWritten(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Client editor = editor(casebook, server, caseId).language("en");
      byte[] tooLarge = new byte[(int) WebServer.MAX_REQUEST_BYTES + 1];
      Arrays.fill(tooLarge, (byte) 'x');

      Client.Answer refused =
          editor.post(
              "/cases/" + caseId + "/sources",
              List.of(
                  Part.field("title", "A huge scan"), Part.field("kind", "court-decision"), Part.field("confidentiality", "internal"),
                  Part.file("file", "scan.pdf", "application/pdf", tooLarge)));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body())
          .contains("id=\"field-file-error\"", "the file is larger than 32 MiB", "Nothing was saved")
          .containsPattern("id=\"field-file\"[^>]*aria-invalid=\"true\"");
      assertThat(editor.http().get("/api/v1/sources?case=" + caseId).json().get("total").asInt()).isEqualTo(1);
      assertThat(editor.http().get("/api/v1/cases/" + caseId).json().get("version").asInt()).isEqualTo(1);
      assertThat(storedFiles()).isEmpty();

      String id = editor.http().get("/api/v1/sources?case=" + caseId).json().at("/items/0/id").asText();
      List<Part> edit = new ArrayList<>(edited("1", caseId, "A news report, with its scan", ""));
      edit.add(Part.file("file", "scan.pdf", "application/pdf", tooLarge));
      Client.Answer editRefused = editor.post("/sources/" + id + "?case=" + caseId, edit);
      assertThat(editRefused.status()).isEqualTo(422);
      assertThat(editRefused.body()).contains("the file is larger than 32 MiB", "value=\"A news report\"", "name=\"case\" value=\"" + caseId + "\"");
      assertThat(editor.http().get("/api/v1/sources/" + id).json().get("version").asInt()).isEqualTo(1);
      assertThat(storedFiles()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBrowserSessionSendsTheFormWithItsAntiForgeryTokenInsideTheUpload(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      editor(casebook, server, caseId);
      Http browser = new Http(server.port()).with("Accept-Language", "en");
      Http.Response signedIn = browser.postText("/sign-in", "name=edith&password=" + URLEncoder.encode(TestCasebook.PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
      assertThat(signedIn.status()).isEqualTo(303);
      String setCookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
      Client session = new Client(server.port(), null, "en", setCookie.substring(0, setCookie.indexOf(';')));
      Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(session.http().get("/cases/" + caseId + "/sources/new").body());
      assertThat(token.find()).isTrue();
      Part csrf = Part.field("_csrf", token.group(1));
      List<Part> fields = List.of(Part.field("title", "Court decision"), Part.field("kind", "court-decision"), Part.field("confidentiality", "internal"));

      List<Part> withoutToken = new ArrayList<>(fields);
      withoutToken.add(Part.file("file", "decision.pdf", "application/pdf", PDF));
      assertThat(session.post("/cases/" + caseId + "/sources", withoutToken).status()).isEqualTo(403);

      List<Part> withToken = new ArrayList<>(List.of(csrf));
      withToken.addAll(withoutToken);
      Client.Answer created = session.post("/cases/" + caseId + "/sources", withToken);
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      assertThat(session.download("/api/v1/sources/" + created.location().replaceFirst(".*#source-", "") + "/file")).isEqualTo(PDF);

      byte[] tooLarge = new byte[(int) WebServer.MAX_REQUEST_BYTES + 1];
      List<Part> large = new ArrayList<>(List.of(csrf));
      large.addAll(fields);
      large.add(Part.file("file", "scan.pdf", "application/pdf", tooLarge));
      Client.Answer refused = session.post("/cases/" + caseId + "/sources", large);
      assertThat(refused.status()).as("the form cannot be read, its token with it").isEqualTo(422);
      assertThat(refused.body()).contains("larger than the server accepts", "Nothing was saved");
      assertThat(session.http().get("/api/v1/sources?case=" + caseId).json().get("total").asInt()).isEqualTo(2);
      assertThat(storedFiles()).containsExactly(FileStore.sha256(PDF));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void markupComesBackEscapedAndSqlMetacharactersAreStoredVerbatim(TestStore store) {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Client editor = editor(casebook, server, caseId).language("en");
      String sql = "O'Brien\"; DROP TABLE sources; -- 100% _done_ \\";

      Client.Answer refused =
          editor.post(
              "/cases/" + caseId + "/sources",
              List.of(
                  Part.field("title", HOSTILE), Part.field("kind", "testimony"), Part.field("publisher", HOSTILE),
                  Part.field("date", HOSTILE), Part.field("language", HOSTILE), Part.field("url", HOSTILE),
                  Part.field("text", HOSTILE), Part.field("confidentiality", "internal"),
                  Part.file("file", "<img src=x onerror=alert(1)>.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body()).doesNotContain(HOSTILE, "<img src=x").contains("value=\"" + ESCAPED + "\"", "&lt;img src=x onerror=alert(1)");

      Client.Answer created =
          editor.post(
              "/cases/" + caseId + "/sources",
              List.of(
                  Part.field("title", HOSTILE), Part.field("kind", "testimony"), Part.field("publisher", sql),
                  Part.field("text", sql + "\n" + HOSTILE), Part.field("confidentiality", "internal")));
      assertThat(created.status()).as(created.body()).isEqualTo(303);
      String id = created.location().replaceFirst(".*#source-", "");
      JsonNode source = editor.http().get("/api/v1/sources/" + id).json();
      assertThat(source.get("title").asText()).isEqualTo(HOSTILE);
      assertThat(source.get("publisher").asText()).isEqualTo(sql);
      assertThat(source.get("text").asText()).isEqualTo(sql + "\n" + HOSTILE);
      assertThat(editor.http().get("/api/v1/sources?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)).json().get("total").asInt())
          .isEqualTo(1);

      assertThat(editor.http().get("/cases/" + caseId).body()).doesNotContain(HOSTILE).contains("&lt;script");
      String edit = editor.http().get("/sources/" + id + "/edit?case=" + caseId).body();
      assertThat(edit).doesNotContain(HOSTILE).contains("value=\"" + ESCAPED + "\"", "O'Brien");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStaleFormShowsBothVersionsAndCanBeSavedOverTheCurrentOne(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Client editor = editor(casebook, server, caseId).language("en");
      String id = editor.http().get("/api/v1/sources?case=" + caseId).json().at("/items/0/id").asText();

      assertThat(editor.post("/sources/" + id, edited("1", caseId, "A news report (checked by a colleague)", "")).status()).isEqualTo(303);

      List<Part> mine = new ArrayList<>(edited("1", caseId, "A news report, with the scan", "https://example.org/news"));
      mine.add(Part.file("file", "scan.pdf", "application/pdf", PDF));
      Client.Answer conflict = editor.post("/sources/" + id, mine);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body())
          .contains("A news report (checked by a colleague)", "A news report, with the scan", "https://example.org/news")
          .contains("name=\"version\" value=\"2\"", "Save my version over the current one", "The file you chose, scan.pdf, was not saved");
      assertThat(storedFiles()).as("the conflicting form stored no file").isEmpty();

      List<Part> again = new ArrayList<>(edited("2", caseId, "A news report, with the scan", "https://example.org/news"));
      again.add(Part.file("file", "scan.pdf", "application/pdf", PDF));
      Client.Answer saved = editor.post("/sources/" + id, again);
      assertThat(saved.status()).as(saved.body()).isEqualTo(303);
      JsonNode stored = editor.http().get("/api/v1/sources/" + id).json();
      assertThat(stored.get("title").asText()).isEqualTo("A news report, with the scan");
      assertThat(stored.get("sha256").asText()).isEqualTo(FileStore.sha256(PDF));
      assertThat(editor.download("/api/v1/sources/" + id + "/file")).isEqualTo(PDF);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViewerIsRefusedTheFormsAndAnOutsiderDoesNotFindThem(TestStore store) throws IOException {
    try (Casebook casebook = TestCasebook.open(store, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      UUID caseId = importCase(casebook);
      Client editor = editor(casebook, server, caseId);
      Client viewer = new Client(server.port(), TestCasebook.token(casebook, "vera", Role.VIEWER), "en");
      casebook.teams().addMember(caseId, casebook.accounts().findUser("vera").orElseThrow().id(), true);
      Client outsider = new Client(server.port(), TestCasebook.token(casebook, "otto", Role.EDITOR), "en");
      String id = editor.http().get("/api/v1/sources?case=" + caseId).json().at("/items/0/id").asText();
      List<Part> create = List.of(Part.field("title", "x"), Part.field("kind", "other"), Part.field("confidentiality", "internal"));

      assertThat(viewer.http().get("/cases/" + caseId).body()).doesNotContain("/sources/new", "/sources/" + id + "/edit");
      assertThat(viewer.http().get("/cases/" + caseId + "/sources/new").status()).isEqualTo(403);
      assertThat(viewer.http().get("/sources/" + id + "/edit?case=" + caseId).status()).isEqualTo(403);
      assertThat(viewer.post("/cases/" + caseId + "/sources", create).status()).isEqualTo(403);
      assertThat(viewer.post("/sources/" + id, edited("1", caseId, "Taken over", "")).status()).isEqualTo(403);

      assertThat(outsider.http().get("/cases/" + caseId + "/sources/new").status()).isEqualTo(404);
      assertThat(outsider.http().get("/sources/" + id + "/edit?case=" + caseId).status()).isEqualTo(404);
      assertThat(outsider.post("/cases/" + caseId + "/sources", create).status()).isEqualTo(404);
      assertThat(outsider.post("/sources/" + id, edited("1", caseId, "Taken over", "")).status()).isEqualTo(404);

      assertThat(new Http(server.port()).get("/cases/" + caseId + "/sources/new").status()).isEqualTo(401);
      assertThat(editor.http().get("/api/v1/sources?case=" + caseId).json().get("total").asInt()).isEqualTo(1);
      assertThat(editor.http().get("/api/v1/sources/" + id).json().get("title").asText()).isEqualTo("A news report");
    }
  }

  /** The fields of the edit form of the imported news report, with {@code title} and {@code url}. */
  private static List<Part> edited(String version, UUID caseId, String title, String url) {
    return List.of(
        Part.field("version", version), Part.field("case", caseId.toString()), Part.field("title", title),
        Part.field("kind", "news-article"), Part.field("url", url), Part.field("reliability", "unknown"),
        Part.field("confidentiality", "internal"));
  }

  /** The names of the files in the data folder's file store. */
  private List<String> storedFiles() throws IOException {
    Path files = dataDir.resolve("files");
    if (!Files.isDirectory(files)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(files)) {
      return walk.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).toList();
    }
  }

  /** The files in the data folder's file store whose content is exactly {@code content}. */
  private List<Path> filesHolding(byte[] content) throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir.resolve("files"))) {
      List<Path> holding = new ArrayList<>();
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        if (Arrays.equals(Files.readAllBytes(path), content)) {
          holding.add(path);
        }
      }
      return holding;
    }
  }

  /** An editor on the case file's team, with the restricted grant. */
  private static Client editor(Casebook casebook, WebServer server, UUID caseId) {
    Client editor = new Client(server.port(), TestCasebook.token(casebook, "edith", Role.EDITOR), null);
    casebook.teams().addMember(caseId, casebook.accounts().findUser("edith").orElseThrow().id(), true);
    return editor;
  }

  private static UUID importCase(Casebook casebook) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: c, title: Sources case, risk: high, status: open, subjects: [asel], confidentiality: internal}",
            "persons:",
            "  - {key: asel, name: Asel Nurova, confidentiality: internal}",
            "sources:",
            "  - {key: news, title: A news report, kind: news-article, text: The first report., confidentiality: internal}",
            "");
    return casebook.importer().importDocument(TestCasebook.TESTER, "sources.yaml", document, null, false, Progress.NONE).caseId();
  }

  private static byte[] pdf() {
    byte[] header = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
    byte[] binary = {(byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, 0, '\n'};
    byte[] end = "%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    pdf.writeBytes(header);
    pdf.writeBytes(binary);
    pdf.writeBytes(end);
    return pdf.toByteArray();
  }

  /** A part of a multipart form: a field, or a file with its name and type. */
  private record Part(String name, String fileName, String contentType, byte[] content) {
    static Part field(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    static Part file(String name, String fileName, String contentType, byte[] content) {
      return new Part(name, fileName, contentType, content);
    }
  }

  /** Posts multipart forms and downloads files as bytes, signed in with an API token or a session cookie. */
  private record Client(int port, String token, String language, String cookie) {
    private static final String BOUNDARY = "casebook-test-boundary-5d2f";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body, String location) {}

    Client(int port, String token, String language) {
      this(port, token, language, null);
    }

    Client language(String other) {
      return new Client(port, token, other, cookie);
    }

    Http http() {
      Http http = token == null ? new Http(port).with("Cookie", cookie) : new Http(port).withToken(token);
      return language == null ? http : http.with("Accept-Language", language);
    }

    Answer post(String path, List<Part> parts) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (Part part : parts) {
        StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
        if (part.fileName() != null) {
          head.append("; filename=\"").append(part.fileName().replace("\"", "%22")).append("\"\r\nContent-Type: ").append(part.contentType());
        }
        head.append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(part.content());
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      HttpRequest.Builder request =
          request(path)
              .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
      HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
    }

    byte[] download(String path) {
      HttpResponse<byte[]> response = send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return response.body();
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
      request = token == null ? request.header("Cookie", cookie) : request.header("Authorization", "Bearer " + token);
      return language == null ? request : request.header("Accept-Language", language);
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
      try {
        return CLIENT.send(request.build(), handler);
      } catch (IOException e) {
        throw new AssertionError(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
