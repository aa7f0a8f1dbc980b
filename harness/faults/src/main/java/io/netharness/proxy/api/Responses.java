package io.netharness.proxy.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bytes Toxiproxy 2.12.0 sends: JSON for data ({@code application/json}, no trailing
 * newline), Go's {@code http.Error} for errors ({@code text/plain; charset=utf-8}, nosniff, a
 * JSON body plus newline), and the router's own 404 and 405.
 */
final class Responses {
  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String VERSION = "2.12.0";

  private Responses() {}

  static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, JSON, ApiJson.bytes(body), false);
  }

  /** {@code {"error":"...","status":N}} + newline, sent the way Go's http.Error sends it. */
  static ApiResponse error(int status, String message) {
    ObjectNode body = ApiJson.object();
    body.put("error", message);
    body.put("status", status);
    return text(status, new String(ApiJson.bytes(body), UTF_8) + "\n");
  }

  /** Qualified Java class names ("java.net.SocketException: ") say nothing to an API client. */
  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:? ?");

  /** A failure's message for a client: without Java class names; never "null". */
  static String message(Throwable failure) {
    String text = failure.getMessage();
    String plain = text == null ? "" : CLASS_NAME.matcher(text).replaceAll("").trim();
    return plain.isEmpty() ? "internal error" : plain;
  }

  static ApiResponse error(ApiException e) {
    return error(e.status(), message(e));
  }

  static ApiResponse notFound() {
    return text(404, "404 page not found\n");
  }

  static ApiResponse methodNotAllowed() {
    return ApiResponse.empty(405);
  }

  /** What Go's net/http answers to bytes that are not HTTP, before closing the connection. */
  static ApiResponse malformedHttp() {
    return new ApiResponse(400, TEXT, "400 Bad Request".getBytes(UTF_8), false);
  }

  static ApiResponse browserRefused() {
    return text(403, "User agent not allowed\n");
  }

  /** Exactly {@code {"version": "2.12.0"}\n}, with the space, as Toxiproxy writes it by hand. */
  static ApiResponse version() {
    return new ApiResponse(200, "application/json;charset=utf-8",
        ("{\"version\": \"" + VERSION + "\"}\n").getBytes(UTF_8), false);
  }

  private static ApiResponse text(int status, String body) {
    return new ApiResponse(status, TEXT, body.getBytes(UTF_8), true);
  }
}
