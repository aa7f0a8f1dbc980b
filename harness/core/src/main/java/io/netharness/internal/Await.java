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
 * message is built only when it fails. Before handing over to Awaitility it re-checks the
 * condition for up to {@link #SPIN} while yielding the CPU: a loopback reply typically takes
 * tens of microseconds, and Awaitility's first poll comes only after 1 ms (sub-millisecond
 * sleeps round up to 1 ms on JDK 17), which made every echo round trip cost a millisecond.
 */
public final class Await {
  private static final Duration MAX_POLL = Duration.ofMillis(25);
  static final Duration SPIN = Duration.ofMillis(1);

  private Await() {}

  public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
    if (!holdsWithin(timeout, condition)) {
      throw new ExpectationFailedException(failure.get());
    }
  }

  /** Whether {@code condition} holds within {@code timeout}: for "maybe" waits, which are not failures. */
  public static boolean holdsWithin(Duration timeout, BooleanSupplier condition) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout cannot be negative: " + timeout);
    }
    if (condition.getAsBoolean() || spinUntil(condition, timeout)) {
      return true;
    }
    try {
      Awaitility.await()
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(IterativePollInterval.iterative(
              d -> d.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : d.multipliedBy(2), Duration.ofMillis(1)))
          .atMost(timeout.isZero() ? Duration.ofMillis(1) : timeout)
          .until(condition::getAsBoolean);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /**
   * Re-checks {@code condition} for up to {@link #SPIN} (or {@code timeout}), yielding between
   * checks; true as soon as it holds. For waits that are usually over within microseconds.
   */
  public static boolean spinUntil(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + Math.min(SPIN.toNanos(), timeout.toNanos());
    while (System.nanoTime() - deadline < 0) {
      Thread.yield();
      if (condition.getAsBoolean()) {
        return true;
      }
    }
    return false;
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
