package io.netharness.lab.internal;

import com.sun.jna.Memory;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes one direction's packets to the receiving device, each at its due time and never before a packet
 * handed in earlier: a packet due sooner than its predecessor waits for it, so neither delay nor jitter nor a
 * rate limit reorders (only the wire's {@code reorder} does, by handing packets in out of order). Packets due
 * now with nothing waiting go out at once on the wire's thread, without a lock; the others wait in a FIFO that
 * a timer task drains at each one's due time. Only the wire's thread hands packets in.
 *
 * <pre>{@code
 * Outbox out = new Outbox(deviceB, timerSupplier);
 * out.send(packet, System.nanoTime() + delayNanos);   // leaves at its due time, after everything sent before it
 * }</pre>
 */
public final class Outbox {
  /** A due time that means "now": no clock is read for it. */
  public static final long NOW = Long.MIN_VALUE;

  private record Waiting(long dueNanos, byte[] packet) {}

  private final TunDevice to;
  private final Supplier<ScheduledExecutorService> timer;
  private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unwritten = new AtomicInteger(); // handed to the timer and not written yet
  private long lastDueNanos = NOW; // the wire's thread only

  public Outbox(TunDevice to, Supplier<ScheduledExecutorService> timer) {
    this.to = to;
    this.timer = timer;
  }

  /** Whether every packet handed in so far is written: a packet due now may then go straight out. */
  public boolean idle() {
    return unwritten.get() == 0;
  }

  /** Writes {@code length} bytes of {@code buffer} now; only when {@link #idle()} and the packet is not delayed. */
  public void writeNow(Memory buffer, int length) {
    to.write(buffer, length);
  }

  /** Writes {@code packet} at {@code dueNanos} ({@link System#nanoTime()} time, or {@link #NOW}) or after the one before. */
  public void send(byte[] packet, long dueNanos) {
    long due = Math.max(dueNanos, lastDueNanos);
    lastDueNanos = due;
    if (idle() && (due == NOW || due - System.nanoTime() <= 0)) {
      to.write(packet);
      return;
    }
    unwritten.incrementAndGet();
    waiting.add(new Waiting(due, packet));
    long wait = due == NOW ? 0 : Math.max(0, due - System.nanoTime());
    timer.get().schedule(this::drain, wait, TimeUnit.NANOSECONDS);
  }

  /** Writes every packet that is due, in the order they were handed in (on the timer's one thread). */
  private void drain() {
    long now = System.nanoTime();
    for (Waiting head = waiting.peek(); head != null && (head.dueNanos() == NOW || head.dueNanos() - now <= 0);
        head = waiting.peek()) {
      to.write(head.packet());
      waiting.poll();
      unwritten.decrementAndGet(); // after the write: the wire's thread may now write straight out
    }
  }
}
