package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import org.jspecify.annotations.Nullable;

/**
 * A call to a Toxiproxy API that did not succeed, with what went wrong as data: nothing listening,
 * no answer in time, an answer that is not JSON, or Toxiproxy's refusal
 * ({@code {"error":"toxic already exists","status":409}}). The message names the URL and the call.
 *
 * <pre>{@code
 * try { api.deleteProxy("db"); }
 * catch (ToxiproxyApiException e) { if (e.status() != 404) throw e; }   // already gone is fine
 * }</pre>
 */
public final class ToxiproxyApiException extends HarnessException {
  private static final long serialVersionUID = 1L;

  /**
   * Why the call failed: {@code if (e.failure() == Failure.NOT_LISTENING) startToxiproxy();}.
   */
  public enum Failure {
    /** Nothing accepted the connection (refused, or the connect timed out). */
    NOT_LISTENING,
    /** Connected, but no answer came within the read timeout. */
    TIMED_OUT,
    /** An answer came, but its body is not JSON: probably not a Toxiproxy API. */
    NOT_JSON,
    /** Toxiproxy answered with an error status; see {@link #status()} and {@link #error()}. */
    REFUSED,
    /** Any other I/O failure on the way. */
    IO
  }

  private final Failure failure;
  private final int status;
  private final String error;
  private final String body;

  ToxiproxyApiException(String message, Failure failure, int status, String error, String body,
      @Nullable Throwable cause) {
    super(message);
    if (cause != null) {
      initCause(cause);
    }
    this.failure = failure;
    this.status = status;
    this.error = error;
    this.body = body;
  }

  public Failure failure() {
    return failure;
  }

  /** The HTTP status of the answer, or 0 when none came. */
  public int status() {
    return status;
  }

  /** Toxiproxy's {@code error} text, e.g. {@code proxy not found}; empty when there was none. */
  public String error() {
    return error;
  }

  /** The body of the answer as it came, empty when none came. */
  public String body() {
    return body;
  }
}
