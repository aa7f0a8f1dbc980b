package io.netharness.impairment;

import java.time.Duration;

/**
 * Every impairment in one place, for discovery: type {@code Impairments.} and pick.
 *
 * <pre>{@code
 * UdpRelay.builder().target(server.address())
 *     .upstream(Impairments.loss(0.2), Impairments.reorder(0.05, 3))
 *     .downstream(Impairments.delay(Duration.ofMillis(50)))
 *     .start();
 * }</pre>
 */
public final class Impairments {
  private Impairments() {}

  public static Loss loss(double probability) {
    return new Loss(probability);
  }

  /** Gilbert–Elliott loss; see {@link BurstLoss} for the parameters. */
  public static BurstLoss burstLoss(double p, double r, double lossInGood, double lossInBad) {
    return new BurstLoss(p, r, lossInGood, lossInBad);
  }

  /** Simple Gilbert loss: nothing lost in the GOOD state, everything in the BAD state. */
  public static BurstLoss burstLoss(double p, double r) {
    return BurstLoss.gilbert(p, r);
  }

  public static Duplicate duplicate(double probability) {
    return new Duplicate(probability);
  }

  public static Reorder reorder(double probability, int gap) {
    return Reorder.of(probability, gap);
  }

  public static Reorder reorder(double probability, int gap, Duration maxHold) {
    return new Reorder(probability, gap, maxHold);
  }

  public static Delay delay(Duration delay) {
    return Delay.of(delay);
  }

  public static Delay delay(Duration delay, Duration jitter) {
    return new Delay(delay, jitter);
  }

  public static Corrupt corrupt(double probability, int bits) {
    return new Corrupt(probability, bits);
  }

  public static Corrupt corrupt(double probability) {
    return new Corrupt(probability, 1);
  }

  public static Rate bytesPerSecond(long bytesPerSecond) {
    return Rate.bytesPerSecond(bytesPerSecond);
  }

  public static Rate datagramsPerSecond(long datagramsPerSecond) {
    return Rate.datagramsPerSecond(datagramsPerSecond);
  }

  public static Blackhole blackhole() {
    return new Blackhole();
  }
}
