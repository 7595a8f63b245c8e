package org.casebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.Http;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document and the router agree, route for route. */
class OpenApiTest {
  @TempDir Path dataDir;

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir);
        WebServer server = casebook.serve("127.0.0.1", 0)) {
      Set<String> routes = new HashSet<>();
      for (ParsedEndpoint parsed : server.app().unsafe.internalRouter.allHttpHandlers()) {
        if (!parsed.endpoint.method.isHttpMethod()) {
          continue;
        }
        String route = parsed.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + parsed.endpoint.path;
        assertThat(parsed.endpoint.metadata(ApiDoc.class)).as("ApiDoc of " + route).isNotNull();
        routes.add(route);
      }
      JsonNode document = new Http(server.port()).get("/api/v1/openapi.json").json();
      Set<String> documented = new HashSet<>();
      for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
        String path = paths.next();
        document.get("paths").get(path).fieldNames().forEachRemaining(method -> documented.add(method + " " + path));
      }
      assertThat(documented).isEqualTo(routes);
      assertThat(routes).contains("get /api/v1/cases/{id}/chronology", "post /api/v1/import", "put /api/v1/events/{id}");
      assertThat(document.at("/components/schemas/Person/properties/protected/type").asText()).isEqualTo("boolean");
      assertThat(document.at("/components/schemas/Person/properties/audit/readOnly").asBoolean()).isTrue();
    }
  }
}
