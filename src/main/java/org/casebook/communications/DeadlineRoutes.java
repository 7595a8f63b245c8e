package org.casebook.communications;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/**
 * The mandate catalogue, the deadlines, the signed-in user's calendar link and the calendar feed
 * that the link opens.
 */
public final class DeadlineRoutes implements Feature {
  /** How far back and ahead the calendar feed reaches, in days from today. */
  static final int FEED_PAST_DAYS = 60;
  static final int FEED_FUTURE_DAYS = 400;
  /** What {@code GET /api/v1/deadlines} covers without {@code from} and {@code to}. */
  static final int DEFAULT_DAYS = 90;

  private final MandateService mandates;
  private final DeadlineService deadlines;
  private final CalendarLinkService links;
  private final Requests requests;
  private final Clock clock;
  private final Function<Locale, CalendarFeed.Labels> labels;

  /** Whether the signed-in user has a live calendar link, and since when. */
  public record CalendarLinkState(boolean active, Instant createdAt) {}

  public DeadlineRoutes(
      MandateService mandates,
      DeadlineService deadlines,
      CalendarLinkService links,
      Requests requests,
      Clock clock,
      Function<Locale, CalendarFeed.Labels> labels) {
    this.mandates = mandates;
    this.deadlines = deadlines;
    this.links = links;
    this.requests = requests;
    this.clock = clock;
    this.labels = labels;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/api/v1/mandates",
        ApiDoc.of("communications", "The special procedures mandates that sign communications").returnsArray(Mandate.class),
        context -> context.json(mandates.list()));
    routes.post(
        "/api/v1/mandates",
        ApiDoc.of("communications", "Add a mandate to the catalogue (administrators)").accepts(Mandate.class)
            .returns(Mandate.class).status(201),
        context -> {
          Callers.of(context).require(Permission.MANAGE_CATALOGUE);
          Mandate added = mandates.add(Callers.of(context), requests.body(context, Mandate.class));
          context.status(201);
          context.json(added);
        });
    routes.get(
        "/api/v1/deadlines",
        ApiDoc.of("communications", "Deadlines on the records one may see, by day (from today for 90 days unless from and to are given)")
            .returnsArray(Deadline.class)
            .query("from", "to"),
        this::deadlines);
    routes.get(
        "/api/v1/me/calendar-link",
        ApiDoc.of("account", "Whether one has a live calendar link, and since when").returns(CalendarLinkState.class),
        context -> {
          Optional<Instant> created = links.current(Callers.of(context));
          context.json(new CalendarLinkState(created.isPresent(), created.orElse(null)));
        });
    routes.post(
        "/api/v1/me/calendar-link",
        ApiDoc.of("account", "A new secret calendar link for one's deadlines (revokes the old one); the secret is shown once")
            .returns(CalendarLink.class).status(201),
        context -> {
          CalendarLink link = links.create(Callers.of(context));
          context.status(201);
          context.json(link);
        });
    routes.post(
        "/api/v1/me/calendar-link/revoke",
        ApiDoc.of("account", "Revoke one's calendar link: its address opens nothing from then on").status(204),
        context -> {
          links.revoke(Callers.of(context));
          context.status(204);
        });
    routes.get(
        "/calendar/{secret}.ics",
        ApiDoc.of("calendar", "A user's deadlines as an iCalendar feed, behind their secret link")
            .query("lang"),
        this::feed);
  }

  private void deadlines(Context context) {
    Caller caller = Callers.of(context);
    LocalDate today = deadlines.periods().day(clock.instant());
    LocalDate from = day(context, "from", today);
    LocalDate to = day(context, "to", from.plusDays(DEFAULT_DAYS));
    context.json(deadlines.upcoming(caller, from, to));
  }

  /**
   * The calendar of the user whose link this is, with nothing that user may not see and no text of
   * a restricted record. An unknown or revoked link is answered as not found, like a page that does
   * not exist.
   */
  private void feed(Context context) {
    Caller owner = links.owner(context.pathParam("secret"))
        .orElseThrow(() -> new NoSuchRecord("calendar link", "in this address"));
    Instant now = clock.instant();
    LocalDate today = deadlines.periods().day(now);
    List<Deadline> due = deadlines.upcoming(owner, today.minusDays(FEED_PAST_DAYS), today.plusDays(FEED_FUTURE_DAYS));
    String language = context.queryParam("lang");
    Locale locale = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
    context.header("Cache-Control", "no-store");
    context.contentType(CalendarFeed.MEDIA_TYPE);
    context.result(CalendarFeed.write(due, now, labels.apply(locale)));
  }

  private static LocalDate day(Context context, String name, LocalDate fallback) {
    String text = context.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeException e) {
      throw new InvalidInput(name, "\"" + text + "\" is not a day; expected a date such as 2024-05-17");
    }
  }
}
