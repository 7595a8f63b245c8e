package org.casebook.web;

import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.casebook.common.Confidentiality;
import org.casebook.dates.PartialDate;

/**
 * The OpenAPI 3.1 document of the JSON API, made from the routes registered in the router and the
 * {@link ApiDoc} each carries, with schemas read from the record types. Because it is made from
 * the router, a route cannot exist without appearing here; a test checks that every route has its
 * {@link ApiDoc}.
 */
final class OpenApi {
  static final String PATH = "/api/v1/openapi.json";
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)}");

  private final Javalin app;
  private volatile Map<String, Object> document;

  OpenApi(Javalin app) {
    this.app = app;
  }

  Map<String, Object> document() {
    Map<String, Object> built = document;
    if (built == null) {
      built = build();
      document = built;
    }
    return built;
  }

  private Map<String, Object> build() {
    Map<String, Object> schemas = new TreeMap<>();
    Map<String, Object> paths = new TreeMap<>();
    for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
      ApiDoc doc = parsed.endpoint.metadata(ApiDoc.class);
      if (doc == null) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> path =
          (Map<String, Object>) paths.computeIfAbsent(parsed.endpoint.path, key -> new TreeMap<>());
      path.put(parsed.endpoint.method.name().toLowerCase(Locale.ROOT), operation(parsed, doc, schemas));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("openapi", "3.1.0");
    root.put(
        "info",
        Map.of(
            "title", "Casebook API",
            "version", "1",
            "description",
                "Case files, people, organizations, events, proceedings and sources. Errors are"
                    + " RFC 9457 problem details naming the field."));
    root.put("paths", paths);
    root.put(
        "components",
        Map.of("schemas", schemas));
    return root;
  }

  private Map<String, Object> operation(ParsedEndpoint parsed, ApiDoc doc, Map<String, Object> schemas) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("summary", doc.summary());
    operation.put("tags", List.of(doc.tag()));
    List<Map<String, Object>> parameters = new ArrayList<>();
    Matcher matcher = PATH_PARAMETER.matcher(parsed.endpoint.path);
    while (matcher.find()) {
      parameters.add(
          Map.of("name", matcher.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
    }
    for (String query : doc.queryParameters()) {
      parameters.add(Map.of("name", query, "in", "query", "required", false, "schema", Map.of("type", "string")));
    }
    if (!parameters.isEmpty()) {
      operation.put("parameters", parameters);
    }
    if (doc.requestBody() != null) {
      operation.put(
          "requestBody",
          Map.of(
              "required", true,
              "content", Map.of("application/json", Map.of("schema", schema(doc.requestBody(), schemas)))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> success = new LinkedHashMap<>();
    success.put("description", "Success");
    if (doc.response() != null) {
      Object schema = schema(doc.response(), schemas);
      if (doc.shape() == ApiDoc.Shape.ARRAY) {
        schema = Map.of("type", "array", "items", schema);
      } else if (doc.shape() == ApiDoc.Shape.PAGE) {
        schema =
            Map.of(
                "type", "object",
                "properties",
                    Map.of(
                        "items", Map.of("type", "array", "items", schema),
                        "page", Map.of("type", "integer"),
                        "size", Map.of("type", "integer"),
                        "total", Map.of("type", "integer")));
      }
      success.put("content", Map.of("application/json", Map.of("schema", schema)));
    }
    responses.put(String.valueOf(doc.successStatus()), success);
    responses.put("default", Map.of(
        "description", "A problem: 404 no such record, 409 version conflict, 422 invalid input naming the field",
        "content", Map.of(Problems.CONTENT_TYPE, Map.of("schema", Map.of("type", "object")))));
    operation.put("responses", responses);
    return operation;
  }

  private static Object schema(Type type, Map<String, Object> schemas) {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      if (raw == List.class) {
        return Map.of("type", "array", "items", schema(parameterized.getActualTypeArguments()[0], schemas));
      }
      return Map.of("type", "object");
    }
    Class<?> type1 = (Class<?>) type;
    if (type1 == String.class) {
      return Map.of("type", "string");
    }
    if (type1 == UUID.class) {
      return Map.of("type", "string", "format", "uuid");
    }
    if (type1 == Integer.class || type1 == int.class || type1 == Long.class || type1 == long.class) {
      return Map.of("type", "integer");
    }
    if (type1 == Boolean.class || type1 == boolean.class) {
      return Map.of("type", "boolean");
    }
    if (type1 == BigDecimal.class) {
      return Map.of("type", "number");
    }
    if (type1 == Instant.class) {
      return Map.of("type", "string", "format", "date-time");
    }
    if (type1 == LocalDate.class) {
      return Map.of("type", "string", "format", "date");
    }
    if (type1.isEnum() && type1 != Confidentiality.class) {
      return Map.of("type", "string", "enum", enumCodes(type1));
    }
    if (type1 == PartialDate.class) {
      return Map.of("type", "string", "description", "An EDTF level 1 date: 2016, 2016-07, 2016-07-03, 2023-12/2024-03, 2019~, 2020-05?");
    }
    if (type1 == Confidentiality.class) {
      return Map.of("type", "string", "enum", List.of("public", "internal", "restricted"));
    }
    if (type1.isRecord()) {
      String name = type1.getSimpleName();
      if (!schemas.containsKey(name)) {
        schemas.put(name, Map.of());
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : type1.getRecordComponents()) {
          JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
          String field =
              property != null && !property.value().isEmpty() ? property.value() : snakeCase(component.getName());
          Object schema = schema(component.getGenericType(), schemas);
          if (property != null && property.access() == JsonProperty.Access.READ_ONLY) {
            Map<String, Object> readOnly = new LinkedHashMap<>(castMap(schema));
            readOnly.put("readOnly", true);
            schema = readOnly;
          }
          properties.put(field, schema);
        }
        schemas.put(name, Map.of("type", "object", "properties", properties));
      }
      return Map.of("$ref", "#/components/schemas/" + name);
    }
    return Map.of("type", "object");
  }

  /** The JSON codes of an enum: what its {@code @JsonValue} method gives, else the constant names. */
  private static List<String> enumCodes(Class<?> type) {
    List<String> codes = new ArrayList<>();
    java.lang.reflect.Method value = null;
    for (java.lang.reflect.Method method : type.getMethods()) {
      if (method.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class) && method.getParameterCount() == 0) {
        value = method;
      }
    }
    for (Object constant : type.getEnumConstants()) {
      try {
        codes.add(value == null ? ((Enum<?>) constant).name() : String.valueOf(value.invoke(constant)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read the JSON code of " + constant, e);
      }
    }
    return codes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object schema) {
    return (Map<String, Object>) schema;
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
