package io.netharness.cli.explore;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one protocol did at one swept value.
 *
 * @param protocol "TCP" or "UDP"
 * @param value the swept value
 * @param sent numbered messages sent
 * @param delivered distinct messages (or file chunks) that arrived
 * @param duplicates extra copies of messages already received
 * @param outOfOrder messages that arrived after a higher-numbered one
 * @param completion from the first send to the last arrival
 * @param latencyP50 median time from a message's send to its first arrival
 * @param latencyP99 99th percentile of the same
 * @param goodputBytesPerSecond bytes of distinct messages delivered per second of completion time
 * @param intact true when what arrived, put back in sequence order, is exactly what was sent
 * @param lab what the packet lab saw when this point ran across its wire ({@code explore --lab}); null when it ran
 *     through the proxy or relay on loopback
 */
public record PointResult(String protocol, double value, int sent, int delivered, int duplicates, int outOfOrder,
    Duration completion, Duration latencyP50, Duration latencyP99, double goodputBytesPerSecond, boolean intact,
    @Nullable LabCounts lab) {
  /** Appended to the protocol to name a series run across the lab's wire: {@code TCP lab}. */
  public static final String LAB_SUFFIX = " lab";

  /** Through the proxy or relay on loopback. */
  public PointResult(String protocol, double value, int sent, int delivered, int duplicates, int outOfOrder,
      Duration completion, Duration latencyP50, Duration latencyP99, double goodputBytesPerSecond, boolean intact) {
    this(protocol, value, sent, delivered, duplicates, outOfOrder, completion, latencyP50, latencyP99,
        goodputBytesPerSecond, intact, null);
  }

  /**
   * What the lab counted during one point: the kernels' {@code Tcp.RetransSegs} (both hosts, this point only)
   * and the packets the wire dropped, duplicated and reordered (both directions).
   *
   * <pre>{@code
   * PointResult.LabCounts lab = point.lab();   // null off the lab
   * if (lab != null) System.out.println(lab.tcpRetransSegs() + " retransmitted, " + lab.wireDropped() + " dropped");
   * }</pre>
   */
  public record LabCounts(long tcpRetransSegs, long wireDropped, long wireDuplicated, long wireReordered) {}

  /** The same result, marked as run across the lab's wire, with what the lab counted. */
  public PointResult withLab(LabCounts counts) {
    return new PointResult(protocol, value, sent, delivered, duplicates, outOfOrder, completion, latencyP50,
        latencyP99, goodputBytesPerSecond, intact, counts);
  }

  /** {@code TCP} or {@code UDP}, with {@code  lab} appended when it ran across the lab's wire. */
  public String series() {
    return lab == null ? protocol : protocol + LAB_SUFFIX;
  }

  public double deliveredPercent() {
    return sent == 0 ? 0 : 100.0 * delivered / sent;
  }
}
