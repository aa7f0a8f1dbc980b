package io.netharness;

/**
 * An expectation about what went over the wire did not hold. The message shows what was expected
 * and what did arrive (hexdump and decoded text), not only that time ran out.
 *
 * <pre>{@code
 * client.expectText("pong", UTF_8, Duration.ofSeconds(1)); // throws ExpectationFailedException on "pang"
 * }</pre>
 */
public final class ExpectationFailedException extends HarnessException {
  private static final long serialVersionUID = 1L;

  public ExpectationFailedException(String message) {
    super(message);
  }

  public ExpectationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
