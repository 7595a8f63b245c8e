package org.casebook.web;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.common.Actor;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;

/**
 * The operations behind the five routes every record type has: list, get, create, update and void.
 * A feature implements it over its service and registers it with {@link RecordRoutes}.
 */
public interface RecordResource<T> {
  /** A page of records, filtered by the query parameters the feature documents. */
  Page<T> list(Context context, PageRequest page);

  T get(UUID id);

  T create(T record, Actor actor);

  T update(UUID id, T record, Actor actor);

  T voidRecord(UUID id, VoidRequest request, Actor actor);

  /** The id a request body names, if any, so that a mismatch with the path is refused. */
  UUID idOf(T record);
}
