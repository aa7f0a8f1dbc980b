package io.netharness.lab;

import java.time.Duration;

/**
 * What the wire does to the packets of one direction; each probability is between 0.0 and 1.0 and applies to
 * every packet independently, drawn from the lab's seed. {@code delay} holds every packet that long.
 * <ul>
 *   <li>{@code loss}: the packet is dropped;</li>
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
public record Impairment(double loss, double duplicate, double reorder, double corrupt, Duration delay) {
  private static final Impairment NONE = new Impairment(0, 0, 0, 0, Duration.ZERO);

  public Impairment {
    check("loss", loss);
    check("duplicate", duplicate);
    check("reorder", reorder);
    check("corrupt", corrupt);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
  }

  /** A perfect wire: every packet delivered once, at once, unchanged. */
  public static Impairment none() {
    return NONE;
  }

  public Impairment withLoss(double probability) {
    return new Impairment(probability, duplicate, reorder, corrupt, delay);
  }

  public Impairment withDuplicate(double probability) {
    return new Impairment(loss, probability, reorder, corrupt, delay);
  }

  public Impairment withReorder(double probability) {
    return new Impairment(loss, duplicate, probability, corrupt, delay);
  }

  public Impairment withCorrupt(double probability) {
    return new Impairment(loss, duplicate, reorder, probability, delay);
  }

  public Impairment withDelay(Duration newDelay) {
    return new Impairment(loss, duplicate, reorder, corrupt, newDelay);
  }

  private static void check(String name, double probability) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException(name + " is a probability between 0.0 and 1.0 (20% is 0.2), was " + probability);
    }
  }
}
