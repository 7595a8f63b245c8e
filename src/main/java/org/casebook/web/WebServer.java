package org.casebook.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.router.EndpointNotFound;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import org.casebook.common.CasebookException;

/**
 * The HTTP server: Javalin on Jetty, with every feature's routes, problem-detail errors, {@code
 * GET /health} and the OpenAPI document made from the router.
 *
 * <p>Lifecycle: {@link #start} binds the port and returns once the server answers; {@link #close}
 * stops it. Request handling is multi-threaded; features must be thread-safe.
 */
public final class WebServer implements AutoCloseable {
  /**
   * The largest request body accepted, in bytes, also for a file uploaded from a page; an import of
   * a large case fits well within it. Uploaded files are held in memory up to this size, never
   * written to a temporary folder, since a case file holds restricted content in clear.
   */
  public static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  public static WebServer start(
      String host, int port, ObjectMapper mapper, Authenticator authenticator, List<Feature> features) {
    return start(host, port, mapper, authenticator, features, false);
  }

  /**
   * Starts the server; a demo server marks every answer as a demo ({@code X-Casebook-Demo: true},
   * and {@code "demo": true} in {@code /health}), so that nobody takes it for a real installation.
   */
  public static WebServer start(
      String host, int port, ObjectMapper mapper, Authenticator authenticator, List<Feature> features, boolean demo) {
    return start(host, port, mapper, authenticator, features, demo, null);
  }

  /**
   * Starts the server with HTML error pages for every path outside the JSON API; {@code errorPages}
   * null answers every failure with a problem detail.
   */
  public static WebServer start(
      String host,
      int port,
      ObjectMapper mapper,
      Authenticator authenticator,
      List<Feature> features,
      boolean demo,
      ErrorPages errorPages) {
    Javalin app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.http.maxRequestSize = MAX_REQUEST_BYTES;
              config.jetty.multipartConfig.maxFileSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_REQUEST_BYTES, SizeUnit.BYTES);
              config.http.compressionStrategy = CompressionStrategy.GZIP;
              config.startup.showJavalinBanner = false;
              config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
              config.jetty.modifyHttpConfiguration(http -> http.setSendXPoweredBy(false));
              config.routes.before(SecurityHeaders::apply);
              if (demo) {
                config.routes.before(context -> context.header("X-Casebook-Demo", "true"));
              }
              config.routes.before(context -> Callers.set(context, authenticator.authenticate(context)));
              config.routes.exception(
                  CasebookException.class, (failure, context) -> Problems.known(failure, context, errorPages));
              config.routes.exception(
                  Exception.class, (failure, context) -> Problems.unexpected(failure, context, errorPages));
              config.routes.exception(
                  EndpointNotFound.class, (failure, context) -> noRoute(context, errorPages));
              config.routes.error(
                  404,
                  context -> {
                    if (!context.res().isCommitted() && context.result() == null) {
                      noRoute(context, errorPages);
                    }
                  });
              config.routes.error(
                  405,
                  context ->
                      Problems.status(context, 405, "method-not-allowed", "Method not allowed", context.method() + " is not allowed on " + context.path()));
              Routes routes = new Routes(config.routes);
              routes.get(
                  "/health",
                  ApiDoc.of("health", "Answers 200 once the server is ready").returns(Map.class),
                  context -> context.json(demo ? Map.of("status", "ok", "demo", true) : Map.of("status", "ok")));
              for (Feature feature : features) {
                feature.register(routes);
              }
            });
    OpenApi openApi = new OpenApi(app);
    app.unsafe.internalRouter.addHttpEndpoint(
        io.javalin.router.Endpoint.create(io.javalin.http.HandlerType.GET, OpenApi.PATH)
            .addMetadata(ApiDoc.of("api", "This OpenAPI document").returns(Map.class))
            .handler(context -> context.json(openApi.document())));
    app.start(host, port);
    return new WebServer(app);
  }

  private static void noRoute(Context context, ErrorPages errorPages) {
    if (errorPages != null && ErrorPages.isPage(context)) {
      context.status(404);
      errorPages.render(context, 404, null);
    } else {
      Problems.status(context, 404, "not-found", "Not found", "no route for " + context.method() + " " + context.path());
    }
  }

  public int port() {
    return app.port();
  }

  /** The running Javalin application, for tests that walk the router. */
  public Javalin app() {
    return app;
  }

  @Override
  public void close() {
    app.stop();
  }
}
