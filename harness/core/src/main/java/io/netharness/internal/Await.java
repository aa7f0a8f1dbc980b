package io.netharness.internal;

import io.netharness.ExpectationFailedException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

/**
 * Waits on a condition with Awaitility — polled in the caller's thread, starting at 1 ms and
 * backing off to 25 ms — and turns a timeout into an {@link ExpectationFailedException} whose
 * message is built only when it fails.
 */
public final class Await {
  private static final Duration MAX_POLL = Duration.ofMillis(25);

  private Await() {}

  public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout cannot be negative: " + timeout);
    }
    if (condition.getAsBoolean()) {
      return;
    }
    try {
      Awaitility.await()
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(IterativePollInterval.iterative(
              d -> d.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : d.multipliedBy(2), Duration.ofMillis(1)))
          .atMost(timeout.isZero() ? Duration.ofMillis(1) : timeout)
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new ExpectationFailedException(failure.get());
    }
  }

  /** Holds for the whole period: fails as soon as {@code violated} becomes true. */
  public static void during(Duration period, BooleanSupplier violated, Supplier<String> failure) {
    long deadline = System.nanoTime() + period.toNanos();
    try {
      Awaitility.await()
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(2))
          .atMost(period.plusSeconds(5))
          .until(() -> violated.getAsBoolean() || System.nanoTime() >= deadline);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("unreachable: deadline check failed", e);
    }
    if (violated.getAsBoolean()) {
      throw new ExpectationFailedException(failure.get());
    }
  }

  public static String human(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    return (d.toMillis() % 1000 == 0) ? d.toSeconds() + " s" : String.format("%.3f s", d.toMillis() / 1000.0);
  }
}
