package org.casebook.web;

import io.javalin.http.Context;
import org.casebook.access.Caller;

/**
 * Establishes who sent a request, before its handler runs: from an API token, a session cookie,
 * or no one. Throws a {@code CasebookException} (such as a 403 for a missing anti-forgery token)
 * to refuse the request outright.
 */
@FunctionalInterface
public interface Authenticator {
  Authenticator ANONYMOUS = context -> Caller.anonymous();

  Caller authenticate(Context context);
}
