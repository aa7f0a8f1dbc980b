package io.netharness.impairment;

/**
 * Sends an identical second copy of each datagram with {@code probability}, right after it.
 *
 * @param probability 0.0 (never) to 1.0 (every datagram twice)
 */
public record Duplicate(double probability) implements Impairment {
  public Duplicate {
    Checks.probability("duplicate", "probability", probability);
  }

  @Override
  public void impair(DatagramFate fate) {
    if (fate.random().nextDouble() < probability) {
      fate.duplicate();
    }
  }
}
