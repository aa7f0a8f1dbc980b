package io.netharness.impairment;

import java.time.Duration;

/**
 * Holds a datagram back with {@code probability} and releases it after the next {@code gap}
 * datagrams of the same direction have gone through, or after {@code maxHold} if fewer come.
 *
 * <pre>{@code
 * new Reorder(0.1, 3, Duration.ofMillis(100))   // 1 in 10 arrives 3 places late
 * }</pre>
 *
 * @param probability 0.0 to 1.0
 * @param gap how many later datagrams overtake it, at least 1
 * @param maxHold the longest it is held when no more datagrams come, positive
 */
public record Reorder(double probability, int gap, Duration maxHold) implements Impairment {
  public static final Duration DEFAULT_MAX_HOLD = Duration.ofMillis(100);

  public Reorder {
    Checks.probability("reorder", "probability", probability);
    Checks.atLeast("reorder", "gap (datagrams that overtake a held one)", gap, 1);
    Checks.positive("reorder", "maxHold", maxHold);
  }

  public static Reorder of(double probability, int gap) {
    return new Reorder(probability, gap, DEFAULT_MAX_HOLD);
  }

  @Override
  public void impair(DatagramFate fate) {
    if (fate.random().nextDouble() < probability) {
      fate.holdBack(gap, maxHold);
    }
  }
}
