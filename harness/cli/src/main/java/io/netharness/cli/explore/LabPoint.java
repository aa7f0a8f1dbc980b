package io.netharness.cli.explore;

import io.netharness.lab.Direction;
import io.netharness.lab.KernelCounters;
import io.netharness.lab.Lab;
import io.netharness.lab.WireCounters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One point of {@code explore --lab}: a fresh packet lab seeded with {@code --seed}, the swept impairment on one
 * direction of its wire, and the kernels' counters at the start, so {@link #counts()} says what this point alone
 * did. Hosts: the sender or client on {@code a}, the receiver or echo server on {@code b}.
 */
final class LabPoint implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(1);
  private final Lab lab;
  private final KernelCounters beforeA;
  private final KernelCounters beforeB;

  private LabPoint(Lab lab) {
    this.lab = lab;
    this.beforeA = lab.a().kernelCounters();
    this.beforeB = lab.b().kernelCounters();
  }

  /** Starts the lab with the sweep's impairment at {@code value} on {@code impaired}; captures to {@code pcap}. */
  static LabPoint start(ExploreSettings settings, double value, Direction impaired, @Nullable Path pcap) {
    Lab.Builder builder = Lab.builder().seed(settings.seed());
    settings.sweep().labImpairment(value).ifPresent(impairment -> builder.impair(impaired, impairment));
    if (pcap != null) {
      builder.capture(pcap);
    }
    return new LabPoint(builder.start());
  }

  Lab lab() {
    return lab;
  }

  /** Both kernels' TCP retransmissions since the start, and what the wire did in both directions (drops include queue drops). */
  PointResult.LabCounts counts() {
    long retrans = lab.a().kernelCounters().minus(beforeA).tcpRetransSegs()
        + lab.b().kernelCounters().minus(beforeB).tcpRetransSegs();
    WireCounters ab = lab.wire().counters(Direction.A_TO_B);
    WireCounters ba = lab.wire().counters(Direction.B_TO_A);
    // dropped by the loss draw or by a full rate-limit queue: either way the packet never reached the other host
    long dropped = ab.dropped() + ab.queueDrops() + ba.dropped() + ba.queueDrops();
    return new PointResult.LabCounts(retrans, dropped, ab.duplicated() + ba.duplicated(), ab.reordered() + ba.reordered());
  }

  /**
   * Waits until the wire has read {@code packets} packets in {@code direction}, or {@code patience} passed; true if
   * it did. (The wire offers counters, not a wait: this polls them every millisecond.)
   */
  boolean awaitPackets(Direction direction, long packets, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (lab.wire().counters(direction).packets() < packets) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    return true;
  }

  @Override
  public void close() {
    lab.close();
  }
}
