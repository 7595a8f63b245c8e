package org.casebook.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import org.casebook.common.CasebookException;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.PageRequest;

/** Reading what a request says: its JSON body, path ids, paging and version parameters. */
public final class Requests {
  private final ObjectMapper mapper;

  public Requests(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads the JSON body as {@code type}. A body that is not JSON, or a field of the wrong type or
   * unknown name, is refused with the field's path and the line and column where it stands.
   */
  public <T> T body(Context context, Class<T> type) {
    String body = context.body();
    if (body.isBlank()) {
      throw new InvalidInput("body", "is empty; expected a JSON object");
    }
    try {
      return mapper.readValue(body, type);
    } catch (JsonMappingException e) {
      throw new InvalidInput(List.of(mappingError(e)));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InvalidInput(
          List.of(new FieldError(null, line, "body", "is not valid JSON: " + e.getOriginalMessage())));
    }
  }

  private static FieldError mappingError(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      }
    }
    String field = path.length() == 0 ? "body" : path.toString();
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    Throwable cause = e.getCause();
    String message;
    if (cause instanceof CasebookException known) {
      message = known.getMessage();
      if (known instanceof InvalidInput invalid && invalid.errors().size() == 1) {
        message = invalid.errors().get(0).message();
      }
    } else if (e instanceof UnrecognizedPropertyException unknown) {
      message = "is not a field of this record; known fields: " + unknown.getKnownPropertyIds();
    } else {
      message = "has the wrong type: " + e.getOriginalMessage();
    }
    return new FieldError(null, line, field, message);
  }

  public static UUID pathId(Context context, String name) {
    String text = context.pathParam(name);
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(name, "\"" + text + "\" is not a record id; expected a UUID");
    }
  }

  public static UUID optionalUuid(Context context, String name) {
    String text = context.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(name, "\"" + text + "\" is not a record id; expected a UUID");
    }
  }

  public static PageRequest page(Context context) {
    return new PageRequest(
        intParam(context, "page", 1), intParam(context, "size", org.casebook.common.Page.DEFAULT_SIZE));
  }

  public static int intParam(Context context, String name, int fallback) {
    String text = context.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInput(name, "\"" + text + "\" is not a whole number");
    }
  }

  public static boolean flag(Context context, String name) {
    String text = context.queryParam(name);
    return text != null && (text.equals("true") || text.equals("1") || text.equals("yes"));
  }

  /** Refuses a body that names an id other than the one in the path. */
  public static void requireSameId(UUID pathId, UUID bodyId) {
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw new InvalidInput("id", "is " + bodyId + " but the path names " + pathId + "; an id cannot be changed");
    }
  }

  /**
   * Whether the request reached Casebook over TLS, directly or through a proxy on the same machine
   * that says so in {@code X-Forwarded-Proto}.
   */
  public static boolean overTls(Context context) {
    if ("https".equalsIgnoreCase(context.scheme())) {
      return true;
    }
    String forwarded = context.header("X-Forwarded-Proto");
    String remote = context.req().getRemoteAddr();
    boolean fromLoopback = remote != null && (remote.startsWith("127.") || remote.equals("0:0:0:0:0:0:0:1") || remote.equals("::1"));
    return fromLoopback && "https".equalsIgnoreCase(forwarded);
  }
}
