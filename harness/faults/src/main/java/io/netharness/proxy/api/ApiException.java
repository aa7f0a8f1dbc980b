package io.netharness.proxy.api;

import io.netharness.HarnessException;

/**
 * A request the admin API refuses, with the HTTP status and the message Toxiproxy would send,
 * e.g. 409 {@code proxy already exists} or 404 {@code toxic not found}.
 *
 * <pre>{@code
 * try { registry.create(spec); } catch (ApiException e) { int status = e.status(); }
 * }</pre>
 */
public class ApiException extends HarnessException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public ApiException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status: 400, 404, 409 or 500. */
  public int status() {
    return status;
  }

  static ApiException badRequest(String detail) {
    return new ApiException(400, "bad request body: " + detail);
  }

  static ApiException missingField(String field) {
    return new ApiException(400, "missing required field: " + field);
  }

  static ApiException proxyNotFound() {
    return new ApiException(404, "proxy not found");
  }

  static ApiException toxicNotFound() {
    return new ApiException(404, "toxic not found");
  }
}
