package io.netharness.impairment;

import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * What will happen to one datagram on its way through a {@link UdpRelay}: impairments read its
 * index and length and decide, in the order they were added, whether it is dropped, copied,
 * held back, delayed or corrupted. The relay reuses one instance per direction; do not keep it.
 *
 * <pre>{@code
 * Impairment everyTenth = fate -> { if (fate.index() % 10 == 9) fate.drop(); };
 * }</pre>
 */
public final class DatagramFate {
  private final UdpDirection direction;
  private final Draws draws = new Draws();
  private long seed;
  private long index;
  private int length;
  private long arrivalNanos;
  private long delayNanos;
  private boolean dropped;
  private int copies;
  private int holdGap;
  private long holdNanos;
  private int[] flips = new int[8];
  private int flipCount;

  DatagramFate(UdpDirection direction) {
    this.direction = direction;
  }

  void reset(long seed, long index, int length, long arrivalNanos) {
    this.seed = seed;
    this.index = index;
    this.length = length;
    this.arrivalNanos = arrivalNanos;
    delayNanos = 0;
    dropped = false;
    copies = 1;
    holdGap = 0;
    holdNanos = 0;
    flipCount = 0;
  }

  void enter(int position) {
    draws.reseed(seed, direction, index, position);
  }

  /** 0 for the first datagram the relay received in this direction, then 1, 2, ... */
  public long index() {
    return index;
  }

  public UdpDirection direction() {
    return direction;
  }

  /** Payload length in bytes. */
  public int length() {
    return length;
  }

  /** Draws for this datagram and this impairment only: the same on every run with the same seed. */
  public RandomGenerator random() {
    return draws;
  }

  /** When the datagram would leave with the delays added so far, on the {@link System#nanoTime()} clock. */
  public long departureNanos() {
    return arrivalNanos + delayNanos;
  }

  public void drop() {
    dropped = true;
  }

  public boolean isDropped() {
    return dropped;
  }

  /** Sends one more identical copy right after the datagram. */
  public void duplicate() {
    copies++;
  }

  public int copies() {
    return copies;
  }

  /** Adds to the datagram's delay; negative values count as zero. */
  public void delay(Duration delay) {
    delayNanos += Math.max(0, delay.toNanos());
  }

  public Duration totalDelay() {
    return Duration.ofNanos(delayNanos);
  }

  /**
   * Holds the datagram back until {@code datagrams} later datagrams of this direction have gone
   * through, or {@code atMost} has passed, whichever comes first.
   */
  public void holdBack(int datagrams, Duration atMost) {
    holdGap = Math.max(1, datagrams);
    holdNanos = Math.max(0, atMost.toNanos());
  }

  public boolean isHeldBack() {
    return holdGap > 0;
  }

  /** Flips bit {@code bit} of the payload (bit 0 is the lowest bit of byte 0); flipping it twice restores it. */
  public void flipBit(int bit) {
    if (bit < 0 || bit >= length * 8) {
      throw new IndexOutOfBoundsException("bit " + bit + " of a " + length + "-byte datagram");
    }
    if (flipCount == flips.length) {
      flips = Arrays.copyOf(flips, flipCount * 2);
    }
    flips[flipCount++] = bit;
  }

  public boolean isCorrupted() {
    return flipCount > 0;
  }

  long delayNanos() {
    return delayNanos;
  }

  int holdGap() {
    return holdGap;
  }

  long holdNanos() {
    return holdNanos;
  }

  int flipCount() {
    return flipCount;
  }

  int flip(int i) {
    return flips[i];
  }
}
