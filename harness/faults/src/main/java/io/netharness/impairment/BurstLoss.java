package io.netharness.impairment;

/**
 * Bursty loss after the Gilbert–Elliott model: a two-state channel, GOOD and BAD, that starts
 * GOOD. Each datagram is lost with {@code lossInGood} or {@code lossInBad} depending on the
 * current state, then the channel moves GOOD→BAD with probability {@code p} or BAD→GOOD with
 * probability {@code r}. (In the textbook's k/h terms: {@code lossInGood = 1 - k},
 * {@code lossInBad = 1 - h}.) Bursts in the BAD state last {@code 1/r} datagrams on average;
 * the long-run loss rate is {@code (r * lossInGood + p * lossInBad) / (p + r)}.
 *
 * <pre>{@code
 * BurstLoss.gilbert(0.05, 0.5)   // ~9% loss, in bursts of 2 on average
 * }</pre>
 *
 * @param p probability of going GOOD→BAD after a datagram
 * @param r probability of going BAD→GOOD after a datagram
 * @param lossInGood loss probability in the GOOD state (often 0)
 * @param lossInBad loss probability in the BAD state (often 1)
 */
public record BurstLoss(double p, double r, double lossInGood, double lossInBad)
    implements StatefulImpairment<BurstLoss.State> {
  public BurstLoss {
    Checks.probability("burst loss", "p (good to bad)", p);
    Checks.probability("burst loss", "r (bad to good)", r);
    Checks.probability("burst loss", "lossInGood", lossInGood);
    Checks.probability("burst loss", "lossInBad", lossInBad);
  }

  /** The simple Gilbert model: nothing lost in GOOD, everything lost in BAD. */
  public static BurstLoss gilbert(double p, double r) {
    return new BurstLoss(p, r, 0.0, 1.0);
  }

  /** Mean loss rate in the long run. */
  public double meanLoss() {
    return p + r == 0 ? lossInGood : (r * lossInGood + p * lossInBad) / (p + r);
  }

  /** Whether the channel is in the BAD state; one per direction. */
  public static final class State {
    boolean bad;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void impair(DatagramFate fate, State state) {
    double lose = fate.random().nextDouble();
    double move = fate.random().nextDouble();
    if (lose < (state.bad ? lossInBad : lossInGood)) {
      fate.drop();
    }
    if (move < (state.bad ? r : p)) {
      state.bad = !state.bad;
    }
  }
}
