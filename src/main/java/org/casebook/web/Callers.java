package org.casebook.web;

import io.javalin.http.Context;
import org.casebook.access.Caller;

/**
 * The {@link Caller} of a request, as established by the sign-in filter before the handler runs.
 * A request that established none is anonymous.
 */
public final class Callers {
  private static final String ATTRIBUTE = "casebook.caller";

  private Callers() {}

  public static Caller of(Context context) {
    Caller caller = context.attribute(ATTRIBUTE);
    return caller == null ? Caller.anonymous() : caller;
  }

  public static void set(Context context, Caller caller) {
    context.attribute(ATTRIBUTE, caller);
  }
}
