package io.netharness.impairment;

/**
 * Drops each datagram independently with {@code probability}.
 *
 * @param probability 0.0 (none) to 1.0 (all)
 */
public record Loss(double probability) implements Impairment {
  public Loss {
    Checks.probability("loss", "probability", probability);
  }

  @Override
  public void impair(DatagramFate fate) {
    if (fate.random().nextDouble() < probability) {
      fate.drop();
    }
  }
}
