package io.netharness.lab.internal;

import io.netharness.lab.Direction;
import io.netharness.lab.Impairment;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Decides the fate of each packet of one direction from the seed and the packet's index alone: every packet
 * draws the same five numbers whatever the impairment, so the same seed gives packet n the same fate on every
 * run (as long as the kernel sends the same packets), and changing one probability does not reshuffle the others.
 * Bursty loss is a two-state (Gilbert) chain: in the good state a packet is lost, and the chain turns bad, with
 * probability p; in the bad state every packet is lost and the chain turns good with probability r = 1 / mean
 * burst; p = loss * r / (1 - loss) keeps the long-run loss rate at {@code loss}. Each packet's delay is drawn
 * from a second stream (one draw per packet, jitter or not), so adding jitter changes no packet's other fate
 * and seeds chosen for their losses keep them.
 */
public final class FatePlan {
  private final SplittableRandom random;
  private final SplittableRandom timing;
  private long index;
  private boolean inBurst;

  public FatePlan(long seed, Direction direction) {
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + direction.ordinal() + 1);
    this.timing = new SplittableRandom((seed ^ 0x7A3F_11D2_C0DE_5EEDL) * 0xBF58476D1CE4E5B9L + direction.ordinal() + 1);
  }

  /** The fate of the next packet (indices start at 1). */
  public Fate next(Impairment impairment) {
    double lossDraw = random.nextDouble();
    double duplicateDraw = random.nextDouble();
    double reorderDraw = random.nextDouble();
    double corruptDraw = random.nextDouble();
    double where = random.nextDouble();
    double jitterDraw = timing.nextDouble();
    index++;
    boolean dropped = lost(lossDraw, impairment);
    return new Fate(index, dropped,
        !dropped && duplicateDraw < impairment.duplicate(),
        !dropped && reorderDraw < impairment.reorder(),
        !dropped && corruptDraw < impairment.corrupt(),
        where, delay(impairment, jitterDraw));
  }

  /** {@code delay} plus or minus up to {@code jitter}, uniformly, never below zero. */
  static Duration delay(Impairment impairment, double draw) {
    if (impairment.jitter().isZero()) {
      return impairment.delay(); // no arithmetic, no allocation: the common case
    }
    long jitter = impairment.jitter().toNanos();
    long nanos = impairment.delay().toNanos() + Math.round(jitter * (2 * draw - 1));
    return Duration.ofNanos(Math.max(0, nanos));
  }

  private boolean lost(double draw, Impairment impairment) {
    if (impairment.lossBurst() <= 1.0) {
      inBurst = false;
      return draw < impairment.loss();
    }
    double leave = 1.0 / impairment.lossBurst();
    if (inBurst) {
      inBurst = draw >= leave; // the packet that ends the burst is the first one through
      return inBurst;
    }
    double enter = impairment.loss() * leave / (1.0 - impairment.loss());
    inBurst = draw < enter;
    return inBurst;
  }
}
