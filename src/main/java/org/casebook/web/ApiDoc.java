package org.casebook.web;

import io.javalin.router.EndpointMetadata;
import java.util.List;

/**
 * What the OpenAPI document says about one route: attached to the route when it is registered, so
 * that the document is made from the router itself and cannot fall out of step with it.
 *
 * @param summary one line on what the route does
 * @param tag the feature it belongs to
 * @param requestBody the record type of the JSON body, or null
 * @param response the record type of a successful JSON response, or null for a non-JSON answer
 * @param shape whether the response is one {@code response}, a {@code Page} of them or an array
 * @param successStatus the status of a successful answer
 * @param queryParameters the query parameters the route reads
 */
public record ApiDoc(
    String summary,
    String tag,
    Class<?> requestBody,
    Class<?> response,
    Shape shape,
    int successStatus,
    List<String> queryParameters)
    implements EndpointMetadata {

  /** How the response holds its records. */
  public enum Shape {
    SINGLE,
    PAGE,
    ARRAY
  }

  public static ApiDoc of(String tag, String summary) {
    return new ApiDoc(summary, tag, null, null, Shape.SINGLE, 200, List.of());
  }

  public ApiDoc returns(Class<?> type) {
    return new ApiDoc(summary, tag, requestBody, type, Shape.SINGLE, successStatus, queryParameters);
  }

  public ApiDoc returnsPage(Class<?> type) {
    return new ApiDoc(summary, tag, requestBody, type, Shape.PAGE, successStatus, queryParameters);
  }

  public ApiDoc returnsArray(Class<?> type) {
    return new ApiDoc(summary, tag, requestBody, type, Shape.ARRAY, successStatus, queryParameters);
  }

  public ApiDoc accepts(Class<?> type) {
    return new ApiDoc(summary, tag, type, response, shape, successStatus, queryParameters);
  }

  public ApiDoc status(int status) {
    return new ApiDoc(summary, tag, requestBody, response, shape, status, queryParameters);
  }

  public ApiDoc query(String... names) {
    return new ApiDoc(
        summary, tag, requestBody, response, shape, successStatus, List.of(names));
  }
}
