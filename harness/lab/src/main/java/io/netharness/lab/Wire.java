package io.netharness.lab;

import io.netharness.HarnessException;
import io.netharness.lab.internal.Capture;
import io.netharness.lab.internal.Pipe;
import io.netharness.lab.internal.TunDevice;
import io.netharness.lab.internal.WireLoop;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The lab's only link between its two hosts: a thread per direction reads each IP packet from one host's TUN
 * device and writes it to the other's, after the direction's {@link Impairment} decided its fate. The fates
 * come from the lab's seed and the packet's index in its direction, so the same seed treats packet n the same
 * way on every run. Impairments can change while the lab runs.
 *
 * <pre>{@code
 * lab.wire().impair(Direction.A_TO_B, Impairment.none().withLoss(0.2));
 * ... run traffic ...
 * System.out.println(lab.wire().counters(Direction.A_TO_B));
 * }</pre>
 */
public final class Wire implements AutoCloseable {
  private volatile Impairment aToB = Impairment.none();
  private volatile Impairment bToA = Impairment.none();
  private final Map<Direction, WireLoop> loops = new EnumMap<>(Direction.class);
  private final Map<Direction, Thread> threads = new EnumMap<>(Direction.class);
  private final @Nullable Capture capture;
  private final Pipe wake;
  private final long seed;
  private @Nullable ScheduledExecutorService timer;
  private boolean closed;

  Wire(TunDevice a, TunDevice b, long seed, Map<Direction, Impairment> initial, @Nullable Path pcap) {
    this.seed = seed;
    initial.forEach(this::impair);
    this.capture = pcap == null ? null : new Capture(pcap);
    this.wake = Pipe.open();
    loops.put(Direction.A_TO_B, new WireLoop(Direction.A_TO_B, a, b, seed, () -> impairment(Direction.A_TO_B),
        capture, this::timer, wake.readFd()));
    loops.put(Direction.B_TO_A, new WireLoop(Direction.B_TO_A, b, a, seed, () -> impairment(Direction.B_TO_A),
        capture, this::timer, wake.readFd()));
    loops.forEach((direction, loop) -> {
      Thread thread = new Thread(loop, "netharness-wire-" + direction.arrow());
      thread.setDaemon(true);
      threads.put(direction, thread);
      thread.start();
    });
  }

  /** The seed every fate is drawn from. */
  public long seed() {
    return seed;
  }

  /** Sets what the wire does to the packets of {@code direction} from the next packet on. */
  public Wire impair(Direction direction, Impairment impairment) {
    if (direction == Direction.A_TO_B) {
      aToB = impairment;
    } else {
      bToA = impairment;
    }
    return this;
  }

  /** Sets the same impairment for both directions. */
  public Wire impairBoth(Impairment impairment) {
    for (Direction d : Direction.values()) {
      impair(d, impairment);
    }
    return this;
  }

  /** What the wire does to {@code direction}'s packets now (read once per packet, without a lock). */
  public Impairment impairment(Direction direction) {
    return direction == Direction.A_TO_B ? aToB : bToA;
  }

  /** What the wire did to {@code direction}'s packets so far. */
  public WireCounters counters(Direction direction) {
    return loops.get(direction).counters();
  }

  /** The pcap every packet is written to, when the lab was built with one. */
  public Optional<Path> pcap() {
    return Optional.ofNullable(capture).map(Capture::pcap);
  }

  /** The text file beside the pcap that says, frame by frame, what the wire did to each packet. */
  public Optional<Path> fates() {
    return Optional.ofNullable(capture).map(Capture::fates);
  }

  /** Writes what was captured so far to the files (closing the lab does it too). */
  public void flushCapture() {
    if (capture != null) {
      capture.flush();
    }
  }

  private synchronized ScheduledExecutorService timer() {
    if (timer == null) {
      ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "netharness-wire-delay");
        thread.setDaemon(true);
        return thread;
      });
      created.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      timer = created;
    }
    return timer;
  }

  /** Stops both directions and waits for their threads; the devices are the lab's to close. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    wake.signal();
    for (Thread thread : threads.values()) {
      io.netharness.lab.internal.Threads.joinUninterruptibly(thread);
    }
    ScheduledExecutorService delays;
    synchronized (this) {
      delays = timer;
    }
    if (delays != null) {
      delays.shutdownNow();
      try {
        if (!delays.awaitTermination(5, TimeUnit.SECONDS)) {
          throw new HarnessException("the wire's delay thread did not stop within 5 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    wake.close();
    if (capture != null) {
      capture.close();
    }
    loops.forEach((direction, loop) -> {
      Throwable failure = loop.failure();
      if (failure != null) {
        throw new HarnessException("the wire's " + direction.arrow() + " direction stopped early: " + failure, failure);
      }
    });
  }
}
