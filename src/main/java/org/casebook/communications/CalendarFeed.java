package org.casebook.communications;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.casebook.common.Confidentiality;

/**
 * Deadlines as an iCalendar document (RFC 5545) for calendar programs: one all-day event per
 * deadline, with a stable UID (the kind and the record's id), so that a program that reads the
 * feed again updates its events instead of adding them twice.
 *
 * <p>A feed leaves the server for programs and services that Casebook does not control, so it
 * says as little as will do: the kind of deadline, a communication's reference, and the title of
 * a record only when the record is not restricted. It holds no description, no names of persons,
 * no notes and no link.
 *
 * <p>Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; text
 * values escape backslash, semicolon, comma and line breaks. Stateless and thread-safe.
 */
public final class CalendarFeed {
  /** The media type of the feed. */
  public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

  private static final int MAX_OCTETS = 75;
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CalendarFeed() {}

  /**
   * The calendar of {@code deadlines}, stamped {@code now}.
   *
   * @param labels the words for each kind of deadline and for a restricted record, in the
   *     reader's language
   */
  public static String write(List<Deadline> deadlines, Instant now, Labels labels) {
    StringBuilder calendar = new StringBuilder();
    line(calendar, "BEGIN:VCALENDAR");
    line(calendar, "VERSION:2.0");
    line(calendar, "PRODID:-//Casebook//Deadlines//EN");
    line(calendar, "CALSCALE:GREGORIAN");
    line(calendar, "METHOD:PUBLISH");
    line(calendar, "X-WR-CALNAME:" + text(labels.calendarName()));
    String stamp = STAMP.format(now);
    for (Deadline deadline : deadlines) {
      line(calendar, "BEGIN:VEVENT");
      line(calendar, "UID:" + deadline.kind().code() + "-" + deadline.recordId() + "@casebook");
      line(calendar, "DTSTAMP:" + stamp);
      line(calendar, "DTSTART;VALUE=DATE:" + DAY.format(deadline.date()));
      line(calendar, "DTEND;VALUE=DATE:" + DAY.format(deadline.date().plusDays(1)));
      line(calendar, "SUMMARY:" + text(summary(deadline, labels)));
      line(calendar, "CATEGORIES:" + text(deadline.kind().code()));
      line(calendar, "TRANSP:TRANSPARENT");
      line(calendar, "END:VEVENT");
    }
    line(calendar, "END:VCALENDAR");
    return calendar.toString();
  }

  /** The words the feed is written in. */
  public interface Labels {
    String calendarName();

    /** How a kind of deadline is called, such as "Reply expected". */
    String kind(DeadlineKind kind);

    /** What stands for the title of a restricted record. */
    String restricted();
  }

  /**
   * The feed's words from an interface bundle: {@code communication.calendar.name}, {@code
   * communication.calendar.restricted} and {@code communication.deadline.<kind>}, such as {@code
   * communication.deadline.reply-expected}.
   */
  public static Labels labels(Function<String, String> bundle) {
    return new Labels() {
      @Override
      public String calendarName() {
        return bundle.apply("communication.calendar.name");
      }

      @Override
      public String kind(DeadlineKind kind) {
        return bundle.apply("communication.deadline." + kind.code());
      }

      @Override
      public String restricted() {
        return bundle.apply("communication.calendar.restricted");
      }
    };
  }

  /**
   * What an event says: the kind, then a communication's reference, then the title unless the
   * record is restricted: "Reply expected: AL KAZ 1/2024 (Criminal charges against ...)".
   */
  static String summary(Deadline deadline, Labels labels) {
    StringBuilder summary = new StringBuilder(labels.kind(deadline.kind())).append(": ");
    if (deadline.reference() != null) {
      summary.append(deadline.reference());
    }
    boolean restricted = deadline.confidentiality() == Confidentiality.RESTRICTED;
    String title = restricted || deadline.title() == null ? null : deadline.title().strip();
    if (title != null && !title.isEmpty()) {
      summary.append(deadline.reference() == null ? title : " (" + title + ")");
    } else if (deadline.reference() == null) {
      summary.append(labels.restricted());
    }
    return summary.toString();
  }

  /** A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped. */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int index = 0; index < value.length(); index++) {
      char character = value.charAt(index);
      switch (character) {
        case '\\' -> escaped.append("\\\\");
        case ';' -> escaped.append("\\;");
        case ',' -> escaped.append("\\,");
        case '\n' -> escaped.append("\\n");
        case '\r' -> {
          escaped.append("\\n");
          if (index + 1 < value.length() && value.charAt(index + 1) == '\n') {
            index++;
          }
        }
        default -> {
          if (Character.isISOControl(character) && character != '\t') {
            escaped.append(' ');
          } else {
            escaped.append(character);
          }
        }
      }
    }
    return escaped.toString();
  }

  /**
   * Appends a content line folded (RFC 5545, 3.1): no physical line longer than 75 octets, each
   * continuation starting with a space, and never in the middle of a UTF-8 character.
   */
  static void line(StringBuilder calendar, String content) {
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int index = 0; index < content.length(); ) {
      int codePoint = content.codePointAt(index);
      int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + width > limit) {
        calendar.append("\r\n ");
        octets = 0;
        limit = MAX_OCTETS - 1;
      }
      calendar.appendCodePoint(codePoint);
      octets += width;
      index += Character.charCount(codePoint);
    }
    calendar.append("\r\n");
  }

  /** The day of an all-day value such as {@code 20240517}. */
  static LocalDate day(String value) {
    return LocalDate.parse(value, DAY);
  }
}
