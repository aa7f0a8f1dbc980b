package io.netharness.lab.internal;

import java.util.ArrayDeque;

/**
 * One direction's slow link: a token bucket that fills at the rate (in bits per second) and holds one
 * full-size packet ({@link #BUCKET_BYTES}, or the packet itself if larger), in front of a FIFO queue of limited
 * length. {@link #admit} says when a packet leaves, or that the queue is full and it is dropped. Pure arithmetic
 * on the times it is given, so it is tested without a clock; used by the wire thread only.
 *
 * <pre>{@code
 * long leaves = limiter.admit(System.nanoTime(), length, 1_000_000, 5);   // 1 Mbit/s, 5 packets may wait
 * if (leaves == RateLimiter.QUEUE_FULL) { drop(); } else { outbox.send(packet, leaves); }
 * }</pre>
 */
public final class RateLimiter {
  /** What the bucket holds when full: one Ethernet-size packet, so a link at rest sends one packet at once. */
  public static final int BUCKET_BYTES = 1500;
  /** {@link #admit} returns this when the queue is full. */
  public static final long QUEUE_FULL = -1;

  private final ArrayDeque<Long> leaving = new ArrayDeque<>();
  private long lastNanos;
  private double tokens = BUCKET_BYTES;
  private boolean started;

  /**
   * When a packet of {@code bytes} that arrives at {@code nowNanos} leaves the link (in the same clock), or
   * {@link #QUEUE_FULL} when {@code queueLimit} packets already wait (the one being sent counts).
   */
  public long admit(long nowNanos, int bytes, long bitsPerSecond, int queueLimit) {
    while (!leaving.isEmpty() && leaving.peek() - nowNanos <= 0) {
      leaving.poll();
    }
    if (leaving.size() >= queueLimit) {
      return QUEUE_FULL;
    }
    long start = started && lastNanos - nowNanos > 0 ? lastNanos : nowNanos;
    double capacity = Math.max(BUCKET_BYTES, bytes);
    if (started) {
      // in double before multiplying: idle nanoseconds × bits per second overflows a long after 9 s at 1 Gbit/s
      tokens = Math.min(capacity, tokens + (start - lastNanos) / 8e9 * bitsPerSecond);
    }
    started = true;
    double missing = bytes - tokens;
    long leaves = missing <= 0 ? start : start + (long) Math.ceil(missing * 8e9 / bitsPerSecond);
    tokens = missing <= 0 ? tokens - bytes : 0;
    lastNanos = leaves;
    leaving.add(leaves);
    return leaves;
  }

  /** How many packets wait or are being sent at {@code nowNanos}. */
  public int queued(long nowNanos) {
    return (int) leaving.stream().filter(t -> t - nowNanos > 0).count();
  }
}
