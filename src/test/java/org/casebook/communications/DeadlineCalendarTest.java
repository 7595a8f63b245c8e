package org.casebook.communications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import org.casebook.app.Casebook;
import org.casebook.common.Confidentiality;
import org.casebook.pages.Messages;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.SettableClock;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deadlines computed from the records, trimmed per reader, and the iCalendar feed behind a secret link. */
class DeadlineCalendarTest {
  /** A subject with every character iCalendar escapes, a line break, and Cyrillic text long enough to fold. */
  private static final String AWKWARD_SUBJECT =
      "Charges; arrests, and \\ a line\nbreak: уголовное преследование правозащитницы и её мужа за публикации в социальных сетях";

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void deadlinesComeFromTheRecordsAndEachReaderSeesOnlyTheirs(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock)) {
      World world = World.make(casebook);
      CommunicationService communications = casebook.records().communications();
      Caller alice = world.caller(casebook, "alice");
      Caller victor = world.caller(casebook, "victor");
      Caller olga = world.caller(casebook, "olga");

      List<Deadline> forAlice = casebook.deadlines().upcoming(alice, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31));
      assertThat(forAlice).extracting(deadline -> deadline.kind().code() + " " + deadline.date() + " " + deadline.reference())
          .containsExactly(
              "reply-expected 2024-05-17 AL KAZ 1/2024",
              "reply-expected 2024-05-17 UA KAZ 2/2024",
              "public-date 2024-05-17 AL KAZ 1/2024",
              "public-date 2024-05-17 UA KAZ 2/2024",
              "decision-due 2024-06-03 null",
              "follow-up-due 2024-06-16 AL KAZ 1/2024",
              "follow-up-due 2024-06-16 UA KAZ 2/2024");
      assertThat(forAlice.get(4).title()).isEqualTo("Appeal against detention");
      assertThat(forAlice.get(4).caseId()).isEqualTo(world.caseId);

      List<Deadline> forVictor = casebook.deadlines().upcoming(victor, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31));
      assertThat(forVictor).extracting(Deadline::reference).doesNotContain("UA KAZ 2/2024");
      assertThat(forVictor).hasSize(4);
      assertThat(casebook.deadlines().upcoming(olga, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31))).isEmpty();
      assertThat(casebook.deadlines().upcoming(alice, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10)))
          .extracting(Deadline::kind).containsExactly(DeadlineKind.DECISION_DUE);

      clock.set("2024-05-28T09:00:00Z");
      casebook.records().replies().create(alice, new Reply(
          null, null, Confidentiality.PUBLIC, null, world.publicLetter, LocalDate.of(2024, 5, 27), "Permanent Mission",
          "30-44/127", "en", List.of(), null, null, null));
      clock.set("2024-05-28T09:00:00Z");
      communications.publish(alice, world.publicLetter,
          new TransitionRequest(communications.get(alice, world.publicLetter).version(), null, null));
      List<Deadline> afterReply =
          casebook.deadlines().upcoming(alice, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31)).stream()
              .filter(deadline -> world.publicLetter.equals(deadline.communication())).toList();
      assertThat(afterReply).extracting(deadline -> deadline.kind().code() + " " + deadline.date())
          .containsExactly("follow-up-due 2024-06-26");

      communications.close(alice, world.publicLetter,
          new TransitionRequest(communications.get(alice, world.publicLetter).version(), null, null));
      assertThat(casebook.deadlines().upcoming(alice, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31)))
          .noneMatch(deadline -> world.publicLetter.equals(deadline.communication()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theCalendarFeedIsValidICalendarTrimmedToItsUserAndGoneOnceRevoked(TestStore store) {
    SettableClock clock = SettableClock.at("2024-03-18T09:30:00Z");
    try (Casebook casebook = TestCasebook.open(store, dataDir, clock);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      World world = World.make(casebook);
      clock.set("2024-03-18T23:00:00Z");
      Http anonymous = new Http(server.port());
      Http alice = anonymous.withToken(world.tokens.get(0));
      Http victor = anonymous.withToken(world.tokens.get(1));

      assertThat(alice.get("/api/v1/me/calendar-link").json().get("active").asBoolean()).isFalse();
      Http.Response made = alice.post("/api/v1/me/calendar-link", "{}");
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      String path = made.json().get("path").asText();
      assertThat(path).matches("/calendar/[A-Za-z0-9_-]{43}\\.ics");
      assertThat(alice.get("/api/v1/me/calendar-link").json().get("active").asBoolean()).isTrue();
      List<String> hashes = casebook.database().jdbi().withHandle(handle ->
          handle.createQuery("SELECT secret_hash FROM calendar_links").mapTo(String.class).list());
      assertThat(hashes).hasSize(1).noneMatch(stored -> path.contains(stored));

      Http.Response feed = anonymous.get(path);
      assertThat(feed.status()).as(feed.body()).isEqualTo(200);
      assertThat(feed.contentType()).startsWith("text/calendar");
      assertThat(feed.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
      List<String> lines = physicalLines(feed.body());
      List<String> contentLines = unfold(lines);
      assertThat(contentLines.get(0)).isEqualTo("BEGIN:VCALENDAR");
      assertThat(contentLines).contains("VERSION:2.0", "END:VCALENDAR");
      List<String> summaries = values(contentLines, "SUMMARY");
      assertThat(summaries).hasSize(7);
      assertThat(summaries).contains(
          "Reply expected: AL KAZ 1/2024 (" + AWKWARD_SUBJECT + ")",
          "Public date: UA KAZ 2/2024",
          "Decision due: Appeal against detention");
      assertThat(feed.body()).doesNotContain("Secret subject").doesNotContain("Internal notes");
      assertThat(contentLines).contains("DTSTART;VALUE=DATE:20240517", "DTEND;VALUE=DATE:20240518");
      assertThat(values(contentLines, "DTSTAMP")).allMatch(stamp -> stamp.equals("20240318T230000Z"));
      List<String> uids = values(contentLines, "UID");
      assertThat(new HashSet<>(uids)).hasSize(uids.size());
      assertThat(uids).contains("reply-expected-" + world.publicLetter + "@casebook");
      assertThat(contentLines).anyMatch(line -> line.startsWith("SUMMARY:Reply expected: AL KAZ 1/2024 (Charges\\; arrests\\, and \\\\ a line\\nbreak: "));

      Http.Response russian = anonymous.get(path + "?lang=ru");
      assertThat(values(unfold(physicalLines(russian.body())), "SUMMARY")).contains("Ожидается ответ: UA KAZ 2/2024");

      Http.Response victorLink = victor.post("/api/v1/me/calendar-link", "{}");
      Http.Response victorFeed = anonymous.get(victorLink.json().get("path").asText());
      assertThat(values(unfold(physicalLines(victorFeed.body())), "SUMMARY")).hasSize(4).noneMatch(summary -> summary.contains("UA KAZ 2/2024"));

      Http.Response renewed = alice.post("/api/v1/me/calendar-link", "{}");
      assertThat(anonymous.get(path).status()).isEqualTo(404);
      String newPath = renewed.json().get("path").asText();
      assertThat(anonymous.get(newPath).status()).isEqualTo(200);
      assertThat(alice.postEmpty("/api/v1/me/calendar-link/revoke").status()).isEqualTo(204);
      assertThat(anonymous.get(newPath).status()).isEqualTo(404);
      assertThat(anonymous.get("/calendar/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
      assertThat(anonymous.postEmpty("/api/v1/me/calendar-link").status()).isIn(401, 403);
      int audited = casebook.database().jdbi().withHandle(handle ->
          handle.createQuery("SELECT COUNT(*) FROM audit_log WHERE action IN ('calendar-link-create', 'calendar-link-revoke')")
              .mapTo(Integer.class).one());
      assertThat(audited).isEqualTo(4);
    }
  }

  @Test
  void longLinesFoldAtSeventyFiveOctetsWithoutSplittingACharacterAndUnfoldBack() {
    StringBuilder calendar = new StringBuilder();
    String value = "SUMMARY:" + CalendarFeed.text("Ж".repeat(50) + ";x".repeat(40) + "€".repeat(30) + "\r\nend");
    CalendarFeed.line(calendar, value);
    List<String> lines = physicalLines(calendar.toString());
    assertThat(lines.size()).isGreaterThan(3);
    for (int index = 0; index < lines.size(); index++) {
      byte[] octets = lines.get(index).getBytes(StandardCharsets.UTF_8);
      assertThat(octets.length).as("line " + index).isLessThanOrEqualTo(75);
      assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(lines.get(index));
      if (index > 0) {
        assertThat(lines.get(index)).startsWith(" ");
      }
    }
    assertThat(unfold(lines)).containsExactly(value);
    assertThat(unescape(value.substring("SUMMARY:".length())))
        .isEqualTo("Ж".repeat(50) + ";x".repeat(40) + "€".repeat(30) + "\nend");
    assertThat(CalendarFeed.summary(
        new Deadline(DeadlineKind.FOLLOW_UP_DUE, LocalDate.of(2024, 6, 16), "A secret", "AL KAZ 1/2024", UUID.randomUUID(),
            null, null, Confidentiality.RESTRICTED),
        CalendarFeed.labels(Messages.of(Locale.ENGLISH)::get)))
        .isEqualTo("Follow-up due: AL KAZ 1/2024");
  }

  /** The feed split at CRLF, checking that every line ends with one and none with a bare LF or CR. */
  private static List<String> physicalLines(String body) {
    assertThat(body).endsWith("\r\n");
    String[] parts = body.split("\r\n", -1);
    List<String> lines = new ArrayList<>(List.of(parts).subList(0, parts.length - 1));
    for (String line : lines) {
      assertThat(line).doesNotContain("\n").doesNotContain("\r");
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    return lines;
  }

  /** Content lines: each continuation (a line starting with a space) joined to the line before. */
  private static List<String> unfold(List<String> lines) {
    List<String> content = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(" ")) {
        content.set(content.size() - 1, content.get(content.size() - 1) + line.substring(1));
      } else {
        content.add(line);
      }
    }
    return content;
  }

  /** The unescaped values of a property, such as every SUMMARY. */
  private static List<String> values(List<String> contentLines, String property) {
    return contentLines.stream()
        .filter(line -> line.startsWith(property + ":"))
        .map(line -> unescape(line.substring(property.length() + 1)))
        .toList();
  }

  private static String unescape(String text) {
    StringBuilder plain = new StringBuilder();
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character == '\\' && index + 1 < text.length()) {
        char next = text.charAt(++index);
        plain.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        plain.append(character);
      }
    }
    return plain.toString();
  }

  /**
   * Case file A (alice: editor with the grant; victor: viewer without it) with a public letter, a
   * restricted urgent appeal and a proceeding with a decision due; case file B with olga on its
   * team and nothing due.
   */
  private static final class World {
    UUID caseId;
    UUID publicLetter;
    UUID restrictedAppeal;
    final List<String> tokens = new ArrayList<>();

    static World make(Casebook casebook) {
      World world = new World();
      String document =
          String.join(
              "\n",
              "format: casebook/1",
              "case: {key: deadlines, title: Deadlines, risk: high, status: open, subjects: [defender], confidentiality: internal}",
              "persons:",
              "  - {key: defender, name: Aigerim Testova, confidentiality: internal}",
              "proceedings:",
              "  - key: appeal",
              "    kind: criminal",
              "    title: Appeal against detention",
              "    history: [{date: 2024-01-10, status: opened}, {date: 2024-06-03, status: decision-due}]",
              "    confidentiality: internal",
              "");
      world.caseId = casebook.importer().importDocument(TestCasebook.TESTER, "a.yaml", document, null, false, Progress.NONE).caseId();
      UUID other = Drafts.caseFile(casebook, "elsewhere");
      world.tokens.add(TestCasebook.token(casebook, "alice", Role.EDITOR));
      world.tokens.add(TestCasebook.token(casebook, "victor", Role.VIEWER));
      world.tokens.add(TestCasebook.token(casebook, "olga", Role.EDITOR));
      casebook.teams().addMember(world.caseId, userId(casebook, "alice"), true);
      casebook.teams().addMember(world.caseId, userId(casebook, "victor"), false);
      casebook.teams().addMember(other, userId(casebook, "olga"), true);
      CommunicationService communications = casebook.records().communications();
      Communication letter = communications.create(TestCasebook.TESTER, Drafts.letter("KAZ", world.caseId, AWKWARD_SUBJECT));
      world.publicLetter = communications.send(TestCasebook.TESTER, letter.id(), new TransitionRequest(1, null, null)).id();
      Communication secret = communications.create(TestCasebook.TESTER, new Communication(
          null, null, Confidentiality.RESTRICTED, null, CommunicationType.UA, null, null, null, null, null, List.of("KAZ"),
          List.of(), List.of(Drafts.DEFENDERS), List.of(world.caseId), List.of(), "Secret subject", null, null, null, List.of(),
          List.of(), List.of(), null, List.of(), List.of(), List.of(), "Internal notes"));
      world.restrictedAppeal = communications.send(TestCasebook.TESTER, secret.id(), new TransitionRequest(1, null, null)).id();
      return world;
    }

    Caller caller(Casebook casebook, String name) {
      var user = casebook.accounts().findUser(name).orElseThrow();
      return Caller.user(user.id(), name, user.role(), null);
    }

    private static UUID userId(Casebook casebook, String name) {
      return casebook.accounts().findUser(name).orElseThrow().id();
    }
  }

}
