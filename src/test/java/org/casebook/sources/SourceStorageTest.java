package org.casebook.sources;

import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.common.Actor;
import org.casebook.common.Confidentiality;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.PageRequest;
import org.casebook.common.VersionConflict;
import org.casebook.common.VoidRequest;
import org.casebook.dates.PartialDate;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.vocabulary.Vocabularies;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SourceStorageTest {
  private static final Caller EDITOR = Caller.user(UUID.fromString("00000000-0000-0000-0000-0000000000ed"), "editor", Role.ADMINISTRATOR, null);
  private static final Actor IMPORTER = Actor.system("import");
  private static final String LETTER = "Mandates of the Special Rapporteur ... AL KAZ 1/2024";

  @TempDir Path folder;

  private static Source draft(String title, String kind, String text) {
    return new Source(
        null,
        null,
        Confidentiality.PUBLIC,
        null,
        title,
        kind,
        "OHCHR",
        PartialDate.parse("2024-02"),
        "en",
        "https://spcommreports.ohchr.org/TMResultsBase/DownLoadPublicCommunicationFile?gId=1",
        "highly-reliable",
        null,
        null,
        text);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createsWithTheTextsHashAndListsWithoutTheText(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      Source created =
          services.sources.create(EDITOR, draft("Allegation letter AL KAZ 1/2024", "un-communication", LETTER));
      Source reply =
          services.sources.create(EDITOR, draft("Reply of the Government", "government-reply", null));
      CaseFile caseFile =
          services.cases.create(EDITOR, new CaseFile(
                  null,
                  null,
                  Confidentiality.INTERNAL,
                  null,
                  "Case",
                  null,
                  List.of(),
                  "high",
                  "open",
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(reply.id())));

      assertThat(created.version()).isEqualTo(1);
      assertThat(created.sha256())
          .isEqualTo(FileStore.sha256(LETTER.getBytes(StandardCharsets.UTF_8)));
      assertThat(created.text()).isEqualTo(LETTER);
      assertThat(reply.sha256()).isNull();
      assertThat(services.sources.get(EDITOR, created.id())).isEqualTo(created);
      assertThat(list(services, new SourceStore.Filter("al kaz", null, null, false)))
          .singleElement()
          .satisfies(
              listed -> {
                assertThat(listed.text()).isNull();
                assertThat(listed).isEqualTo(withText(created, null));
              });
      assertThat(list(services, new SourceStore.Filter(null, caseFile.id(), null, false)))
          .containsExactly(reply);
      assertThat(list(services, new SourceStore.Filter(null, null, "government-reply", false)))
          .containsExactly(reply);
      assertThat(list(services, new SourceStore.Filter("100%_", null, null, false))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void defaultsReliabilityToUnknownAndRefusesAHashThatIsNotTheTexts(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      Source unassessed =
          new Source(
              null,
              null,
              null,
              null,
              "Post",
              "social-media-post",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              "text");
      Source created = services.sources.create(EDITOR, unassessed);
      String otherHash = FileStore.sha256(new byte[] {1});

      assertThat(created.reliability()).isEqualTo("unknown");
      assertThat(created.confidentiality()).isEqualTo(Confidentiality.INTERNAL);
      assertThatThrownBy(() -> services.sources.create(EDITOR, withHash(unassessed, otherHash)))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(FieldError::field)
                      .containsExactly("sha256"));
      assertThatThrownBy(
              () ->
                  services.sources.create(EDITOR, withText(withHash(unassessed, otherHash), null)))
          .isInstanceOf(InvalidInput.class);
      assertThat(list(services, new SourceStore.Filter(null, null, null, true))).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAStaleUpdateAndVoidsWithAReason(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      Source created = services.sources.create(EDITOR, draft("Article", "news-article", "first"));
      Source first =
          services.sources.update(EDITOR, created.id(), withText(withHash(created, null), "second"));

      assertThat(first.version()).isEqualTo(2);
      assertThat(first.sha256())
          .isEqualTo(FileStore.sha256("second".getBytes(StandardCharsets.UTF_8)));
      assertThatThrownBy(() -> services.sources.update(EDITOR, created.id(), created))
          .isInstanceOfSatisfying(
              VersionConflict.class,
              conflict -> assertThat(conflict.currentVersion()).isEqualTo(2));
      assertThat(services.sources.get(EDITOR, created.id())).isEqualTo(first);

      Source voided =
          services.sources.voidSource(EDITOR, created.id(), new VoidRequest(2, "not a real article"));
      assertThat(voided.audit().voidReason()).isEqualTo("not a real article");
      assertThat(list(services, new SourceStore.Filter(null, null, null, false))).isEmpty();
      assertThatThrownBy(() -> services.sources.update(EDITOR, created.id(), voided))
          .isInstanceOf(NoSuchRecord.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsEveryBadFieldAtOnce(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      Source bad =
          new Source(
              null,
              null,
              Confidentiality.INTERNAL,
              null,
              " ",
              "rumour",
              "p".repeat(501),
              null,
              "Russian",
              "javascript:alert(1)",
              "trustworthy",
              null,
              "../x",
              "t".repeat(1_000_001));

      assertThatThrownBy(() -> services.sources.create(EDITOR, bad))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(FieldError::field)
                      .containsExactly(
                          "title",
                          "kind",
                          "publisher",
                          "language",
                          "url",
                          "reliability",
                          "sha256",
                          "text"));
      for (String url :
          List.of("data:text/html,x", "//example.org/x", "http://", "https://exa mple.org")) {
        assertThatThrownBy(
                () -> services.sources.create(EDITOR, withUrl(draft("T", "other", null), url)))
            .as(url)
            .isInstanceOfSatisfying(
                InvalidInput.class,
                invalid ->
                    assertThat(invalid.errors())
                        .extracting(FieldError::field)
                        .containsExactly("url"));
      }
      assertThat(list(services, new SourceStore.Filter(null, null, null, true))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void storesHostileTextVerbatim(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      String script = "<script>alert(1)</script>";
      String injection = "'; DROP TABLE persons; --";
      Source created =
          services.sources.create(EDITOR, draft(script + " 100%_", "testimony", injection));
      services.sources.create(EDITOR, draft("Plain", "testimony", null));

      Source read = services.sources.get(EDITOR, created.id());
      assertThat(read.title()).isEqualTo(script + " 100%_");
      assertThat(read.text()).isEqualTo(injection);
      assertThat(list(services, new SourceStore.Filter("%_", null, null, false)))
          .containsExactly(withText(read, null));
      assertThat(list(services, new SourceStore.Filter("<SCRIPT>", null, null, false))).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void importStoresTheFileAndTakesItsHashAndText(TestStore store) throws IOException {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      byte[] file = "Ответ Правительства Республики Казахстан".getBytes(StandardCharsets.UTF_8);
      byte[] pdf = {'%', 'P', 'D', 'F', (byte) 0xC3, 0x28, 0};
      UUID reply = UUID.randomUUID();
      UUID scan = UUID.randomUUID();
      database
          .jdbi()
          .useTransaction(
              handle -> {
                services.sources.save(
                    handle,
                    reply,
                    "reply",
                    fileNamed(draft("Reply", "government-reply", null)),
                    file,
                    IMPORTER,
                    false);
                services.sources.save(
                    handle,
                    scan,
                    "scan",
                    draft("Scan", "court-decision", null),
                    pdf,
                    IMPORTER,
                    false);
              });

      Source saved = services.sources.get(EDITOR, reply);
      assertThat(saved.sha256()).isEqualTo(FileStore.sha256(file));
      assertThat(saved.text()).isEqualTo("Ответ Правительства Республики Казахстан");
      assertThat(services.files.read(saved.sha256()))
          .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(file));
      try (InputStream stream = services.sources.openFile(saved)) {
        assertThat(stream.readAllBytes()).isEqualTo(file);
      }
      assertThat(services.sources.get(EDITOR, scan).text()).isNull();
      assertThat(services.sources.get(EDITOR, scan).sha256()).isEqualTo(FileStore.sha256(pdf));

      Source edited = withText(saved, "Corrected transcription");
      assertThat(services.sources.update(EDITOR, reply, edited).sha256()).isEqualTo(saved.sha256());

      database
          .jdbi()
          .useTransaction(
              handle ->
                  services.sources.save(
                      handle,
                      reply,
                      "reply",
                      draft("Reply, again", "government-reply", "x"),
                      file,
                      IMPORTER,
                      true));
      assertThat(services.sources.get(EDITOR, reply).version()).isEqualTo(3);
      assertThat(services.sources.get(EDITOR, reply).text()).isEqualTo("x");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void importRefusesAHashThatIsNotTheFilesAndStoresNothing(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      byte[] file = "the file".getBytes(StandardCharsets.UTF_8);
      Source naming =
          withHash(draft("Reply", "government-reply", null), FileStore.sha256(new byte[] {1}));

      assertThatThrownBy(
              () ->
                  database
                      .jdbi()
                      .useTransaction(
                          handle ->
                              services.sources.save(
                                  handle, UUID.randomUUID(), "k", naming, file, IMPORTER, false)))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(FieldError::field)
                      .containsExactly("sha256"));
      assertThat(services.files.contains(FileStore.sha256(file))).isFalse();
      assertThat(list(services, new SourceStore.Filter(null, null, null, true))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSourceWithoutAStoredFileHasNoneToOpen(TestStore store) {
    try (Database database = store.open()) {
      Services services = new Services(database, folder);
      Source textOnly = services.sources.create(EDITOR, draft("Text only", "testimony", "words"));

      assertThatThrownBy(() -> services.sources.openFile(textOnly))
          .isInstanceOf(NoStoredFile.class);
    }
  }

  private static List<Source> list(Services services, SourceStore.Filter filter) {
    return services.sources.list(EDITOR, filter, PageRequest.first()).items();
  }

  private static Source withText(Source source, String text) {
    return source.withContent(source.sha256(), text);
  }

  private static Source withHash(Source source, String sha256) {
    return source.withContent(sha256, source.text());
  }

  private static Source withUrl(Source source, String url) {
    return new Source(
        source.id(),
        source.version(),
        source.confidentiality(),
        source.audit(),
        source.title(),
        source.kind(),
        source.publisher(),
        source.date(),
        source.language(),
        url,
        source.reliability(),
        source.fileName(),
        source.sha256(),
        source.text());
  }

  private static Source fileNamed(Source source) {
    return new Source(
        source.id(),
        source.version(),
        source.confidentiality(),
        source.audit(),
        source.title(),
        source.kind(),
        source.publisher(),
        source.date(),
        source.language(),
        source.url(),
        source.reliability(),
        "reply.txt",
        source.sha256(),
        source.text());
  }

  private static final class Services {
    final FileStore files;
    final SourceService sources;
    final CaseService cases;

    Services(Database database, Path folder) {
      Vocabularies vocabularies = new Vocabularies(database.jdbi());
      files = new FileStore(folder.resolve("files"));
      sources = new SourceService(database.jdbi(), vocabularies, files, Clock.systemUTC());
      cases = new CaseService(database.jdbi(), vocabularies, Clock.systemUTC());
    }
  }
}
