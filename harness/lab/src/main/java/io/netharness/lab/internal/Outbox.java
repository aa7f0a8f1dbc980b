package io.netharness.lab.internal;

import com.sun.jna.Memory;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes one direction's packets to the receiving device, each at its due time and never before a packet
 * handed in earlier: a packet due sooner than its predecessor waits for it, so neither delay nor jitter nor a
 * rate limit reorders (only the wire's {@code reorder} does, by handing packets in out of order). Packets due
 * now with nothing waiting go out at once on the caller's thread; the others wait in a FIFO that a timer task
 * drains at each one's due time.
 */
public final class Outbox {
  private record Waiting(long dueNanos, byte[] packet) {}

  private final TunDevice to;
  private final Supplier<ScheduledExecutorService> timer;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private long lastDueNanos = Long.MIN_VALUE;

  public Outbox(TunDevice to, Supplier<ScheduledExecutorService> timer) {
    this.to = to;
    this.timer = timer;
  }

  /** Whether nothing waits: a packet due now may then be written straight from a read buffer. */
  public synchronized boolean idle() {
    return waiting.isEmpty();
  }

  /** Writes {@code length} bytes of {@code buffer} now; only when {@link #idle()} and nothing is delayed. */
  public synchronized void writeNow(Memory buffer, int length) {
    lastDueNanos = Math.max(lastDueNanos, System.nanoTime());
    to.write(buffer, length);
  }

  /** Writes {@code packet} at {@code dueNanos} ({@link System#nanoTime()} time) or after the packet before it. */
  public synchronized void send(byte[] packet, long dueNanos) {
    long due = Math.max(dueNanos, lastDueNanos);
    lastDueNanos = due;
    long now = System.nanoTime();
    if (waiting.isEmpty() && due <= now) {
      to.write(packet);
      return;
    }
    waiting.add(new Waiting(due, packet));
    timer.get().schedule(this::drain, Math.max(0, due - now), TimeUnit.NANOSECONDS);
  }

  /** Writes every packet that is due, in the order they were handed in. */
  private synchronized void drain() {
    long now = System.nanoTime();
    for (Waiting head = waiting.peek(); head != null && head.dueNanos() - now <= 0; head = waiting.peek()) {
      waiting.poll();
      to.write(head.packet());
    }
  }
}
