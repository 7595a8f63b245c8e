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
 * @param listResponse whether the response is a {@code Page} of {@code response}
 * @param successStatus the status of a successful answer
 * @param queryParameters the query parameters the route reads
 */
public record ApiDoc(
    String summary,
    String tag,
    Class<?> requestBody,
    Class<?> response,
    boolean listResponse,
    int successStatus,
    List<String> queryParameters)
    implements EndpointMetadata {

  public static ApiDoc of(String tag, String summary) {
    return new ApiDoc(summary, tag, null, null, false, 200, List.of());
  }

  public ApiDoc returns(Class<?> type) {
    return new ApiDoc(summary, tag, requestBody, type, false, successStatus, queryParameters);
  }

  public ApiDoc returnsPage(Class<?> type) {
    return new ApiDoc(summary, tag, requestBody, type, true, successStatus, queryParameters);
  }

  public ApiDoc accepts(Class<?> type) {
    return new ApiDoc(summary, tag, type, response, listResponse, successStatus, queryParameters);
  }

  public ApiDoc status(int status) {
    return new ApiDoc(summary, tag, requestBody, response, listResponse, status, queryParameters);
  }

  public ApiDoc query(String... names) {
    return new ApiDoc(
        summary, tag, requestBody, response, listResponse, successStatus, List.of(names));
  }
}
