package org.casebook.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/**
 * Registers a feature's routes together with their {@link ApiDoc}. Every API route goes through
 * here, so that the OpenAPI document (made from the router) describes it.
 */
public final class Routes {
  private final RoutesConfig routes;

  Routes(RoutesConfig routes) {
    this.routes = routes;
  }

  public void get(String path, ApiDoc doc, Handler handler) {
    add(HandlerType.GET, path, doc, handler);
  }

  public void post(String path, ApiDoc doc, Handler handler) {
    add(HandlerType.POST, path, doc, handler);
  }

  public void put(String path, ApiDoc doc, Handler handler) {
    add(HandlerType.PUT, path, doc, handler);
  }

  private void add(HandlerType method, String path, ApiDoc doc, Handler handler) {
    routes.addEndpoint(Endpoint.create(method, path).addMetadata(doc).handler(handler));
  }
}
