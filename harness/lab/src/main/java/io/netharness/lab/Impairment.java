package io.netharness.lab;

import java.time.Duration;

/**
 * What the wire does to the packets of one direction; each probability is between 0.0 and 1.0 and applies to
 * every packet independently, drawn from the lab's seed. {@code delay} holds every packet that long, give or
 * take a {@code jitter} drawn per packet, uniformly between {@code delay - jitter} and {@code delay + jitter}
 * (never below zero). Jitter does not reorder: a packet whose draw is shorter than its predecessor's waits for
 * it (like netem with a rate set; plain netem reorders under jitter), so reordering stays the {@code reorder}
 * knob's alone and is counted. {@code rateBitsPerSecond} (0: none) sends the direction's packets through a token
 * bucket that fills at that rate and holds one full-size packet; packets wait their turn in a FIFO queue of at
 * most {@code queueLimitPackets}, and a packet that finds it full is dropped (a queue drop, counted apart from
 * {@code loss}). The delay is added after the queue, like a slow link followed by a long cable.
 * <ul>
 *   <li>{@code loss}: the packet is dropped; with {@code lossBurst} above 1, losses come in bursts of that mean
 *       length (a two-state Gilbert model whose long-run loss rate is still {@code loss});</li>
 *   <li>{@code duplicate}: it is delivered twice;</li>
 *   <li>{@code reorder}: it is held and delivered after the next packet (or after 20 ms if none comes);</li>
 *   <li>{@code corrupt}: one byte of its transport payload (or, with no payload, of its transport header but not
 *       the checksum field) is inverted; with {@code checksumFix} {@link ChecksumFix#LEFT_BROKEN} the checksum
 *       is left as it was, so the receiving kernel drops it; with {@link ChecksumFix#RECOMPUTED} only the
 *       payload of a whole packet is hit and the checksums are recomputed, so the kernel delivers the damage.</li>
 * </ul>
 *
 * <pre>{@code
 * Impairment lossy = Impairment.none().withLoss(0.2).withDelay(Duration.ofMillis(5));
 * }</pre>
 */
public record Impairment(double loss, double lossBurst, double duplicate, double reorder, double corrupt,
    ChecksumFix checksumFix, Duration delay, Duration jitter, long rateBitsPerSecond, int queueLimitPackets) {
  /** The queue limit {@link #withRate(long)} sets: netem's default {@code limit}. */
  public static final int DEFAULT_QUEUE_LIMIT_PACKETS = 1000;
  private static final Impairment NONE =
      new Impairment(0, 1, 0, 0, 0, ChecksumFix.LEFT_BROKEN, Duration.ZERO, Duration.ZERO, 0,
          DEFAULT_QUEUE_LIMIT_PACKETS);

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
    if (rateBitsPerSecond < 0) {
      throw new IllegalArgumentException("rateBitsPerSecond is 0 (no limit) or more, was " + rateBitsPerSecond);
    }
    if (queueLimitPackets < 1) {
      throw new IllegalArgumentException("queueLimitPackets is at least 1, was " + queueLimitPackets);
    }
  }

  /** A perfect wire: every packet delivered once, at once, unchanged. */
  public static Impairment none() {
    return NONE;
  }

  public Impairment withLoss(double probability) {
    return new Impairment(probability, lossBurst, duplicate, reorder, corrupt, checksumFix, delay, jitter,
        rateBitsPerSecond, queueLimitPackets);
  }

  /** Loses {@code probability} of the packets in bursts of {@code meanBurstPackets} on average. */
  public Impairment withBurstLoss(double probability, double meanBurstPackets) {
    return new Impairment(probability, meanBurstPackets, duplicate, reorder, corrupt, checksumFix, delay, jitter,
        rateBitsPerSecond, queueLimitPackets);
  }

  public Impairment withDuplicate(double probability) {
    return new Impairment(loss, lossBurst, probability, reorder, corrupt, checksumFix, delay, jitter,
        rateBitsPerSecond, queueLimitPackets);
  }

  public Impairment withReorder(double probability) {
    return new Impairment(loss, lossBurst, duplicate, probability, corrupt, checksumFix, delay, jitter,
        rateBitsPerSecond, queueLimitPackets);
  }

  /** Corrupts {@code probability} of the packets and leaves their checksums broken (the kernel drops them). */
  public Impairment withCorrupt(double probability) {
    return withCorruption(probability, ChecksumFix.LEFT_BROKEN);
  }

  /**
   * Corrupts {@code probability} of the packets; with {@link ChecksumFix#RECOMPUTED} only packets that carry a
   * payload (never a header, never an IP fragment), and their checksums are recomputed, so the kernel accepts
   * the damage.
   */
  public Impairment withCorruption(double probability, ChecksumFix fix) {
    return new Impairment(loss, lossBurst, duplicate, reorder, probability, fix, delay, jitter,
        rateBitsPerSecond, queueLimitPackets);
  }

  public Impairment withDelay(Duration newDelay) {
    return new Impairment(loss, lossBurst, duplicate, reorder, corrupt, checksumFix, newDelay, jitter,
        rateBitsPerSecond, queueLimitPackets);
  }

  /** Each packet waits {@code delay} plus or minus up to {@code jitter}, drawn per packet from the seed. */
  public Impairment withDelay(Duration newDelay, Duration newJitter) {
    return new Impairment(loss, lossBurst, duplicate, reorder, corrupt, checksumFix, newDelay, newJitter,
        rateBitsPerSecond, queueLimitPackets);
  }

  /** Sends at most {@code bitsPerSecond} (a token bucket), queueing up to {@link #DEFAULT_QUEUE_LIMIT_PACKETS}. */
  public Impairment withRate(long bitsPerSecond) {
    return withRate(bitsPerSecond, DEFAULT_QUEUE_LIMIT_PACKETS);
  }

  /**
   * Sends at most {@code bitsPerSecond} and holds at most {@code queueLimitPackets} waiting for their turn: a
   * packet that finds the queue full is dropped and counted in {@link WireCounters#queueDrops()}. 0 bits/s
   * lifts the limit.
   */
  public Impairment withRate(long bitsPerSecond, int queueLimitPackets) {
    return new Impairment(loss, lossBurst, duplicate, reorder, corrupt, checksumFix, delay, jitter,
        bitsPerSecond, queueLimitPackets);
  }

  private static void check(String name, double probability) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException(name + " is a probability between 0.0 and 1.0 (20% is 0.2), was " + probability);
    }
  }
}
