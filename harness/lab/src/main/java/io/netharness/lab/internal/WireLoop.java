package io.netharness.lab.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.netharness.HarnessException;
import io.netharness.lab.ChecksumFix;
import io.netharness.lab.Direction;
import io.netharness.lab.Impairment;
import io.netharness.lab.WireCounters;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One direction of the wire, on its own thread: waits (poll) for packets on one TUN device, decides each
 * packet's fate, records it, passes it through the rate limit's queue (when there is one) and hands what
 * survives to the {@link Outbox} of the other device, due after its delay. A held (reordered) packet goes out
 * after the next packet, or after {@link #HOLD_LIMIT} when no packet follows. Only this thread writes the
 * counters.
 */
public final class WireLoop implements Runnable {
  static final Duration HOLD_LIMIT = Duration.ofMillis(20);
  private static final int MTU_BUFFER = 65_536;

  private final Direction direction;
  private final TunDevice from;
  private final TunDevice to;
  private final FatePlan plan;
  private final RateLimiter limiter = new RateLimiter();
  private final Supplier<Impairment> impairment;
  private final @Nullable Capture capture;
  private final Outbox outbox;
  private final int wakeFd;
  private final Memory buffer = new Memory(MTU_BUFFER);
  private final Memory pollFds = new Memory(16);

  private volatile long packets;
  private volatile long bytes;
  private volatile long forwarded;
  private volatile long dropped;
  private volatile long queueDrops;
  private volatile long duplicated;
  private volatile long reordered;
  private volatile long corrupted;
  private volatile @Nullable Throwable failure;
  private byte @Nullable [] held;
  private Duration heldDelay = Duration.ZERO;
  /** When the rate limit lets the held packet leave ({@link Outbox#NOW}: no limit); it never goes out before that. */
  private long heldLeaves = Outbox.NOW;
  private long heldUntilNanos;

  public WireLoop(Direction direction, TunDevice from, TunDevice to, long seed, Supplier<Impairment> impairment,
      @Nullable Capture capture, Supplier<ScheduledExecutorService> timer, int wakeFd) {
    this.direction = direction;
    this.from = from;
    this.to = to;
    this.plan = new FatePlan(seed, direction);
    this.impairment = impairment;
    this.capture = capture;
    this.outbox = new Outbox(to, timer);
    this.wakeFd = wakeFd;
  }

  public WireCounters counters() {
    return new WireCounters(packets, bytes, forwarded, dropped, queueDrops, duplicated, reordered, corrupted);
  }

  /** Why this direction stopped before the lab closed it, if it did. */
  public @Nullable Throwable failure() {
    return failure;
  }

  @Override
  public void run() {
    try {
      relay();
    } catch (RuntimeException | Error e) {
      failure = e; // reported when the lab closes
    }
  }

  private void relay() {
    pollFds.clear();
    pollFds.setInt(0, from.fd());
    pollFds.setShort(4, (short) LibC.POLLIN);
    pollFds.setInt(8, wakeFd);
    pollFds.setShort(12, (short) LibC.POLLIN);
    while (true) {
      int timeout = -1;
      if (held != null) {
        timeout = (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(heldUntilNanos - System.nanoTime()) + 1);
      }
      pollFds.setShort(6, (short) 0);
      pollFds.setShort(14, (short) 0);
      int ready = LibC.poll(pollFds, 2, timeout);
      if (ready < 0) {
        if (Native.getLastError() == LibC.EINTR) {
          continue;
        }
        throw new HarnessException(LibC.errno("poll(" + from.name() + ")"));
      }
      if (pollFds.getShort(14) != 0) {
        return; // woken to stop
      }
      for (int n = from.read(buffer, MTU_BUFFER); n > 0; n = from.read(buffer, MTU_BUFFER)) {
        handle(n);
      }
      byte[] late = held;
      if (late != null && System.nanoTime() - heldUntilNanos >= 0) {
        held = null;
        send(late, late.length, heldDue());
      }
    }
  }

  private void handle(int length) {
    Impairment now = impairment.get();
    Fate fate = plan.next(now);
    packets++;
    bytes += length;
    byte[] original = capture != null || needsCopy(fate, now) ? buffer.getByteArray(0, length) : null;
    if (fate.dropped()) {
      dropped++;
      record(fate.index(), original, length, "dropped");
      return;
    }
    long leaves = Outbox.NOW;
    if (now.rateBitsPerSecond() > 0) {
      leaves = limiter.admit(System.nanoTime(), length, now.rateBitsPerSecond(), now.queueLimitPackets());
      if (leaves == RateLimiter.QUEUE_FULL) {
        queueDrops++;
        record(fate.index(), original, length, "queue-dropped");
        return;
      }
    }
    forwarded++;
    StringBuilder words = new StringBuilder();
    byte[] packet = original;
    if (fate.corrupted() && original != null) {
      packet = original.clone();
      int at = Corruption.apply(packet, length, fate.corruptAt(), now.checksumFix());
      if (at >= 0) {
        corrupted++;
        words.append("corrupted@").append(at).append(' ');
        if (now.checksumFix() == ChecksumFix.RECOMPUTED) {
          words.append("checksum-recomputed ");
        }
      } else {
        packet = original;
      }
    }
    if (fate.duplicated()) {
      duplicated++;
      words.append("duplicated ");
    }
    boolean hold = fate.reordered() && held == null;
    if (hold) {
      reordered++;
      words.append("reordered ");
    }
    if (words.length() == 0) {
      words.append("forwarded ");
    }
    if (!now.delay().isZero() || !now.jitter().isZero()) {
      words.append("delay=").append(fate.delay().toNanos() / 1000 / 1000.0).append("ms");
    }
    record(fate.index(), original, length, words.toString().trim());
    if (hold) {
      held = packet;
      heldDelay = fate.delay();
      heldLeaves = leaves;
      heldUntilNanos = System.nanoTime() + HOLD_LIMIT.toNanos();
      return;
    }
    long due = leaves;
    if (!fate.delay().isZero()) {
      due = (leaves == Outbox.NOW ? System.nanoTime() : leaves) + fate.delay().toNanos();
    }
    send(packet, length, due);
    if (fate.duplicated()) {
      send(packet, length, due);
    }
    byte[] released = held;
    if (released != null) {
      held = null;
      send(released, released.length, heldDue());
    }
  }

  /** The held packet's send time once it is released: its delay from now, and never before its rate-limit slot. */
  private long heldDue() {
    long now = System.nanoTime();
    long from = heldLeaves == Outbox.NOW || heldLeaves - now < 0 ? now : heldLeaves;
    return from + heldDelay.toNanos();
  }

  private boolean needsCopy(Fate fate, Impairment now) {
    return fate.corrupted() || fate.reordered() || !fate.delay().isZero() || now.rateBitsPerSecond() > 0
        || !outbox.idle();
  }

  private void record(long index, byte @Nullable [] packet, int length, String fate) {
    if (capture != null && packet != null) {
      capture.record(direction, index, packet, length, fate);
    }
  }

  private void send(byte @Nullable [] packet, int length, long dueNanos) {
    if (packet == null) {
      outbox.writeNow(buffer, length); // the fast path: straight from the read buffer
    } else {
      outbox.send(packet, dueNanos);
    }
  }
}
