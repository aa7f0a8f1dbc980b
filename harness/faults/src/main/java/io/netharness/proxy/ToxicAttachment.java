package io.netharness.proxy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A toxic as attached to a proxy: its name, direction and toxicity (the probability it applies
 * to a given connection), plus how many bytes it has acted on.
 *
 * <pre>{@code
 * for (ToxicAttachment t : proxy.toxics()) System.out.println(t.name() + " touched " + t.touchedBytes());
 * }</pre>
 */
public final class ToxicAttachment {
  private final String name;
  private final Direction direction;
  private final double toxicity;
  private final Toxic toxic;
  private final long serial;
  private final AtomicLong touched;

  ToxicAttachment(String name, Direction direction, double toxicity, Toxic toxic, long serial, AtomicLong touched) {
    this.name = name;
    this.direction = direction;
    this.toxicity = toxicity;
    this.toxic = toxic;
    this.serial = serial;
    this.touched = touched;
  }

  public String name() {
    return name;
  }

  public Direction direction() {
    return direction;
  }

  public double toxicity() {
    return toxicity;
  }

  public Toxic toxic() {
    return toxic;
  }

  /** Bytes this toxic has acted on so far, over all connections. */
  public long touchedBytes() {
    return touched.get();
  }

  long serial() {
    return serial;
  }

  void touched(long bytes) {
    touched.addAndGet(bytes);
  }

  ToxicAttachment with(Toxic newToxic, double newToxicity) {
    return new ToxicAttachment(name, direction, newToxicity, newToxic, serial, touched);
  }

  @Override
  public String toString() {
    return name + " (" + toxic.type() + " " + direction.wireName() + ", toxicity " + toxicity + ", " + toxic.attributes() + ")";
  }
}
