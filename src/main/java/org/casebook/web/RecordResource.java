package org.casebook.web;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;

/**
 * The operations behind the five routes every record type has: list, get, create, update and void.
 * A feature implements it over its service and registers it with {@link RecordRoutes}. Each
 * operation is made on behalf of the request's {@link Caller}; the service decides what they may
 * see and do.
 */
public interface RecordResource<T> {
  /** A page of records, filtered by the query parameters the feature documents. */
  Page<T> list(Caller caller, Context context, PageRequest page);

  T get(Caller caller, UUID id);

  T create(Caller caller, T record);

  T update(Caller caller, UUID id, T record);

  T voidRecord(Caller caller, UUID id, VoidRequest request);

  /** The id a request body names, if any, so that a mismatch with the path is refused. */
  UUID idOf(T record);
}
