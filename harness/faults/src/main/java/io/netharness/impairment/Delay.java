package io.netharness.impairment;

import java.time.Duration;

/**
 * Delays every datagram by {@code delay}, plus or minus up to {@code jitter} (uniform, never below
 * zero). With jitter, later datagrams can overtake earlier ones, as on a real network.
 *
 * @param delay the mean delay, not negative
 * @param jitter the largest deviation either way, not negative
 */
public record Delay(Duration delay, Duration jitter) implements Impairment {
  public Delay {
    Checks.nonNegative("delay", "delay", delay);
    Checks.nonNegative("delay", "jitter", jitter);
  }

  public static Delay of(Duration delay) {
    return new Delay(delay, Duration.ZERO);
  }

  public Delay withJitter(Duration jitter) {
    return new Delay(delay, jitter);
  }

  @Override
  public void impair(DatagramFate fate) {
    long nanos = delay.toNanos();
    long j = jitter.toNanos();
    if (j > 0) {
      nanos += fate.random().nextLong(-j, j + 1);
    }
    if (nanos > 0) {
      fate.delay(Duration.ofNanos(nanos));
    }
  }
}
