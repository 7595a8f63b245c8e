package org.casebook.events;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.InvalidInput;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.dates.InvalidPartialDate;
import org.casebook.dates.PartialDate;
import org.casebook.web.Feature;
import org.casebook.web.RecordResource;
import org.casebook.web.RecordRoutes;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** The API of events. */
public final class EventRoutes implements Feature, RecordResource<Event> {
  private final EventService events;
  private final Requests requests;

  public EventRoutes(EventService events, Requests requests) {
    this.events = events;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(
        routes, requests, "events", "event", Event.class, this, "case", "type", "from", "to", "q");
  }

  @Override
  public Page<Event> list(Caller caller, Context context, PageRequest page) {
    return events.list(
        caller,
        new EventStore.Filter(
            Requests.optionalUuid(context, "case"),
            context.queryParam("type"),
            dateParam(context, "from"),
            dateParam(context, "to"),
            context.queryParam("q"),
            Requests.flag(context, "include_voided")),
        page);
  }

  private static PartialDate dateParam(Context context, String name) {
    try {
      return PartialDate.parseOptional(context.queryParam(name)).orElse(null);
    } catch (InvalidPartialDate e) {
      throw new InvalidInput(name, e.getMessage());
    }
  }

  @Override
  public Event get(Caller caller, UUID id) {
    return events.get(caller, id);
  }

  @Override
  public Event create(Caller caller, Event event) {
    return events.create(caller, event);
  }

  @Override
  public Event update(Caller caller, UUID id, Event event) {
    return events.update(caller, id, event);
  }

  @Override
  public Event voidRecord(Caller caller, UUID id, VoidRequest request) {
    return events.voidEvent(caller, id, request);
  }

  @Override
  public UUID idOf(Event event) {
    return event.id();
  }
}
