package io.netharness;

/**
 * The one unchecked root of every error NetHarness throws. Messages say what was expected,
 * what happened, and how to fix it.
 *
 * <pre>{@code
 * try { Encodings.charset("KLINGON"); } catch (HarnessException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class HarnessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HarnessException(String message) {
    super(message);
  }

  public HarnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
