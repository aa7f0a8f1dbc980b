package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.proxy.Toxic;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of toxics, and the bridge from Toxiproxy's JSON ({@code type} + attributes) to
 * them. Type {@code Toxics.} to see every fault.
 *
 * <pre>{@code
 * Toxics.latency(Duration.ofMillis(200));
 * Toxics.bandwidth(64);                         // KB/s
 * Toxics.slicer(10, 5, Duration.ZERO);
 * Toxics.fromAttributes("limit_data", Map.of("bytes", 10));
 * }</pre>
 */
public final class Toxics {
  /** Every type the embedded proxy knows, Toxiproxy's first. */
  public static final List<String> TYPES =
      List.of("latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data", "noop", "packet_loss",
          "close_connection");

  private Toxics() {}

  public static Latency latency(Duration latency) {
    return Latency.of(latency);
  }

  public static Bandwidth bandwidth(long kilobytesPerSecond) {
    return new Bandwidth(kilobytesPerSecond);
  }

  public static SlowClose slowClose(Duration delay) {
    return new SlowClose(delay);
  }

  public static Timeout timeout(Duration timeout) {
    return new Timeout(timeout);
  }

  public static ResetPeer resetPeer(Duration timeout) {
    return new ResetPeer(timeout);
  }

  public static Slicer slicer(int averageSize, int sizeVariation, Duration delay) {
    return new Slicer(averageSize, sizeVariation, delay);
  }

  public static LimitData limitData(long bytes) {
    return new LimitData(bytes);
  }

  public static PacketLoss packetLoss(double lossRate) {
    return PacketLoss.of(lossRate);
  }

  /** A content trigger: {@code toxic} acts only once {@code pattern} has passed (embedded only). */
  public static AfterPattern after(byte[] pattern, Toxic toxic) {
    return new AfterPattern(pattern, toxic);
  }

  /** Closes the connection as soon as it applies; the inner toxic of a "cut after" trigger. */
  public static CloseConnection closeConnection() {
    return new CloseConnection();
  }

  public static Noop noop() {
    return new Noop();
  }

  /**
   * A toxic from Toxiproxy's type name and attributes (numbers in Toxiproxy's units; missing
   * attributes are 0, as in Toxiproxy). Unknown type → "invalid toxic type".
   */
  public static Toxic fromAttributes(String type, Map<String, ?> attributes) {
    return switch (type) {
      case "latency" -> new Latency(millis(attributes, "latency"), millis(attributes, "jitter"));
      case "bandwidth" -> new Bandwidth(Math.max(0, number(attributes, "rate").longValue()));
      case "slow_close" -> new SlowClose(millis(attributes, "delay"));
      case "timeout" -> new Timeout(millis(attributes, "timeout"));
      case "reset_peer" -> new ResetPeer(millis(attributes, "timeout"));
      case "slicer" -> new Slicer(Math.max(1, number(attributes, "average_size").intValue()),
          Math.max(0, number(attributes, "size_variation").intValue()),
          Duration.ofNanos(Math.max(0, number(attributes, "delay").longValue()) * 1000));
      case "limit_data" -> new LimitData(Math.max(0, number(attributes, "bytes").longValue()));
      case "noop" -> new Noop();
      case "close_connection" -> new CloseConnection();
      case "packet_loss" -> new PacketLoss(clamp(number(attributes, "loss_rate", 0.1).doubleValue()),
          clamp(number(attributes, "correlation").doubleValue()),
          Duration.ofMillis(Math.max(1, number(attributes, "retransmit", 200).longValue())));
      default -> throw new HarnessException("invalid toxic type \"" + type + "\": use one of " + TYPES);
    };
  }

  private static Number number(Map<String, ?> attributes, String key) {
    return number(attributes, key, 0);
  }

  private static Number number(Map<String, ?> attributes, String key, Number fallback) {
    for (Map.Entry<String, ?> e : attributes.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key) && e.getValue() instanceof Number n) {
        return n;
      }
    }
    return fallback;
  }

  /** Toxiproxy treats negative times as no delay. */
  private static Duration millis(Map<String, ?> attributes, String key) {
    return Duration.ofMillis(Math.max(0, number(attributes, key).longValue()));
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }

  static void requireNonNegative(String attribute, Duration value) {
    if (value.isNegative()) {
      throw new HarnessException(attribute + " cannot be negative: " + value.toMillis() + " ms");
    }
  }

  static void requireProbability(String attribute, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new HarnessException(attribute + " is a probability from 0.0 to 1.0, not " + value);
    }
  }
}
