package io.netharness.cli.explore;

import java.time.Duration;

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
 */
public record PointResult(String protocol, double value, int sent, int delivered, int duplicates, int outOfOrder,
    Duration completion, Duration latencyP50, Duration latencyP99, double goodputBytesPerSecond, boolean intact) {

  public double deliveredPercent() {
    return sent == 0 ? 0 : 100.0 * delivered / sent;
  }
}
