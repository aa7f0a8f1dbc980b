package io.netharness.proxy;

/**
 * How much of an event loop's time precise timers may spend waiting out their deadlines: 5% of the thread's time,
 * up to 2 ms saved up. A loop carrying many connections' precise timers at once gets ordinary ones beyond that,
 * rather than spending itself on waiting. One per event loop thread; used on that thread only.
 *
 * <pre>{@code
 * if (SpinBudget.current().take(nanosToWait)) { spin until the deadline } else { schedule a timer for it }
 * }</pre>
 */
final class SpinBudget {
  private static final long CAPACITY_NANOS = 2_000_000;
  /** Budget earned per nanosecond of time: 1/20. */
  private static final long SHARE = 20;
  private static final ThreadLocal<SpinBudget> PER_THREAD = ThreadLocal.withInitial(() -> new SpinBudget(System.nanoTime()));

  private long available = CAPACITY_NANOS;
  private long refilledAt;

  SpinBudget(long now) {
    this.refilledAt = now;
  }

  static SpinBudget current() {
    return PER_THREAD.get();
  }

  /** Takes {@code nanos} of waiting if the budget has them. */
  boolean take(long nanos) {
    return take(nanos, System.nanoTime());
  }

  boolean take(long nanos, long now) {
    long earned = (now - refilledAt) / SHARE;
    if (earned > 0) {
      available = Math.min(CAPACITY_NANOS, available + earned);
      refilledAt = now;
    }
    if (nanos > available) {
      return false;
    }
    available -= nanos;
    return true;
  }
}
