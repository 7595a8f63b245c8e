package org.casebook.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.casebook.access.Permission;
import org.casebook.access.Role;
import org.casebook.common.Redaction;
import org.casebook.dates.PartialDate;

/**
 * What every page template needs to know about the request it answers: the interface language and
 * its messages, who is signed in (and the anti-forgery token their forms carry), whether this is the
 * demo, and where the static assets are.
 *
 * @param path the path of the page, for the language switch
 * @param query the query string without the language parameter, or empty
 * @param userName the signed-in user's display name, or null for an anonymous visitor
 * @param csrfToken the anti-forgery token of the session, or null when there is no session cookie
 * @param role the signed-in user's role, to offer only the pages they may use; null for anonymous
 */
public record PageContext(
    Messages messages,
    Assets assets,
    boolean demo,
    String path,
    String query,
    String userName,
    String csrfToken,
    Role role) {

  /** The context of a page whose reader's role does not matter. */
  public PageContext(
      Messages messages, Assets assets, boolean demo, String path, String query, String userName, String csrfToken) {
    this(messages, assets, demo, path, query, userName, csrfToken, null);
  }

  /** The name of the form field that carries the anti-forgery token. */
  public static final String CSRF_FIELD = org.casebook.accounts.SessionAuthenticator.CSRF_FIELD;

  public Locale locale() {
    return messages.locale();
  }

  /** The language code for {@code <html lang>}. */
  public String language() {
    return locale().getLanguage();
  }

  public boolean russian() {
    return language().equals("ru");
  }

  public boolean signedIn() {
    return userName != null;
  }

  /** Whether the reader may use the administration pages. */
  public boolean administrator() {
    return role == Role.ADMINISTRATOR;
  }

  /** Whether the reader may import case files. */
  public boolean mayImport() {
    return Permission.IMPORT.grantedTo(role);
  }

  /** The interface text of {@code key}. */
  public String t(String key) {
    return messages.get(key);
  }

  /** The interface text of {@code key} with its arguments. */
  public String t(String key, Object... arguments) {
    return messages.format(key, arguments);
  }

  /** A partial date for people, in the interface language: "July 2016", "июль 2016". */
  public String date(PartialDate date) {
    return date == null ? "" : date.format(locale());
  }

  /**
   * A moment for people, in the interface language and in UTC (the server does not know the
   * reader's time zone), with the zone written out: "23 Nov 2026, 12:50 UTC".
   */
  public String moment(Instant instant) {
    if (instant == null) {
      return "";
    }
    String pattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.MEDIUM, FormatStyle.SHORT, IsoChronology.INSTANCE, locale());
    return DateTimeFormatter.ofPattern(pattern, locale())
            .withZone(ZoneOffset.UTC)
            .format(instant)
        + " UTC";
  }

  /** This page in another interface language. */
  public String languageLink(String language) {
    return path + "?" + (query.isEmpty() ? "" : query + "&") + Language.PARAMETER + "=" + language;
  }

  /** Whether {@code text} is the mark that stands for withheld content. */
  public boolean redacted(String text) {
    return Redaction.MARK.equals(text);
  }

  /**
   * {@code url} if it is a web address that can be followed safely ({@code http} or {@code https}),
   * else null, so that a {@code javascript:} or other address from a record never becomes a link.
   */
  public String safeLink(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.trim().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.trim() : null;
  }
}
