package io.netharness.lab;

import java.time.Duration;

/**
 * What the wire does to the packets of one direction; each probability is between 0.0 and 1.0 and applies to
 * every packet independently, drawn from the lab's seed. {@code delay} holds every packet that long, give or
 * take a {@code jitter} drawn per packet, uniformly between {@code delay - jitter} and {@code delay + jitter}
 * (never below zero). Jitter does not reorder: a packet whose draw is shorter than its predecessor's waits for
 * it (like netem with a rate set; plain netem reorders under jitter), so reordering stays the {@code reorder}
 * knob's alone and is counted.
 * <ul>
 *   <li>{@code loss}: the packet is dropped; with {@code lossBurst} above 1, losses come in bursts of that mean
 *       length (a two-state Gilbert model whose long-run loss rate is still {@code loss});</li>
 *   <li>{@code duplicate}: it is delivered twice;</li>
 *   <li>{@code reorder}: it is held and delivered after the next packet (or after 20 ms if none comes);</li>
 *   <li>{@code corrupt}: one byte of its transport payload (or, with no payload, of its transport header but not
 *       the checksum field) is inverted and the checksum left as it was, so the receiving kernel drops it.</li>
 * </ul>
 *
 * <pre>{@code
 * Impairment lossy = Impairment.none().withLoss(0.2).withDelay(Duration.ofMillis(5));
 * }</pre>
 */
public record Impairment(double loss, double lossBurst, double duplicate, double reorder, double corrupt,
    Duration delay, Duration jitter) {
  private static final Impairment NONE = new Impairment(0, 1, 0, 0, 0, Duration.ZERO, Duration.ZERO);

  public Impairment {
    check("loss", loss);
    if (!(lossBurst >= 1.0)) {
      throw new IllegalArgumentException("lossBurst is a mean burst length of at least 1 packet, was " + lossBurst);
    }
    if (lossBurst > 1.0 && loss >= 1.0) {
      throw new IllegalArgumentException("bursty loss needs a loss rate below 100%, was " + loss);
    }
    check("duplicate", duplicate);
    check("reorder", reorder);
    check("corrupt", corrupt);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("jitter must not be negative, was " + jitter);
    }
  }

  /** A perfect wire: every packet delivered once, at once, unchanged. */
  public static Impairment none() {
    return NONE;
  }

  public Impairment withLoss(double probability) {
    return new Impairment(probability, lossBurst, duplicate, reorder, corrupt, delay, jitter);
  }

  /** Loses {@code probability} of the packets in bursts of {@code meanBurstPackets} on average. */
  public Impairment withBurstLoss(double probability, double meanBurstPackets) {
    return new Impairment(probability, meanBurstPackets, duplicate, reorder, corrupt, delay, jitter);
  }

  public Impairment withDuplicate(double probability) {
    return new Impairment(loss, lossBurst, probability, reorder, corrupt, delay, jitter);
  }

  public Impairment withReorder(double probability) {
    return new Impairment(loss, lossBurst, duplicate, probability, corrupt, delay, jitter);
  }

  public Impairment withCorrupt(double probability) {
    return new Impairment(loss, lossBurst, duplicate, reorder, probability, delay, jitter);
  }

  public Impairment withDelay(Duration newDelay) {
    return new Impairment(loss, lossBurst, duplicate, reorder, corrupt, newDelay, jitter);
  }

  /** Each packet waits {@code delay} plus or minus up to {@code jitter}, drawn per packet from the seed. */
  public Impairment withDelay(Duration newDelay, Duration newJitter) {
    return new Impairment(loss, lossBurst, duplicate, reorder, corrupt, newDelay, newJitter);
  }

  private static void check(String name, double probability) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException(name + " is a probability between 0.0 and 1.0 (20% is 0.2), was " + probability);
    }
  }
}
