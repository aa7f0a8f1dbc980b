package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.proxy.Toxic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
   * The largest value of every numeric attribute in Toxiproxy's units (ms, KB/s, bytes, µs): 2^31 − 1.
   * Above it a value is refused, naming the attribute and its range, instead of overflowing later.
   */
  public static final long MAX_ATTRIBUTE = Integer.MAX_VALUE;

  /**
   * A toxic from Toxiproxy's type name and attributes (numbers in Toxiproxy's units; missing
   * attributes are 0, and negative times and sizes mean 0, as in Toxiproxy). A value above its
   * range or unknown type is a {@link HarnessException} that names the attribute and the range.
   */
  public static Toxic fromAttributes(String type, Map<String, ?> attributes) {
    return switch (type) {
      case "latency" -> new Latency(millis(attributes, "latency"), millis(attributes, "jitter"));
      case "bandwidth" -> new Bandwidth(bounded(attributes, "rate", 0, MAX_ATTRIBUTE, "KB/s"));
      case "slow_close" -> new SlowClose(millis(attributes, "delay"));
      case "timeout" -> new Timeout(millis(attributes, "timeout"));
      case "reset_peer" -> new ResetPeer(millis(attributes, "timeout"));
      case "slicer" -> new Slicer((int) Math.max(1, bounded(attributes, "average_size", 0, MAX_ATTRIBUTE, "bytes")),
          (int) bounded(attributes, "size_variation", 0, MAX_ATTRIBUTE, "bytes"),
          Duration.ofNanos(bounded(attributes, "delay", 0, MAX_ATTRIBUTE, "µs") * 1000));
      case "limit_data" -> new LimitData(bounded(attributes, "bytes", 0, Long.MAX_VALUE, "bytes"));
      case "noop" -> new Noop();
      case "close_connection" -> new CloseConnection();
      case "packet_loss" -> new PacketLoss(probability(attributes, "loss_rate", 0.1),
          probability(attributes, "correlation", 0),
          Duration.ofMillis(Math.max(1, bounded(attributes, "retransmit", 200, MAX_ATTRIBUTE, "ms"))));
      default -> throw new HarnessException("invalid toxic type \"" + type + "\": use one of " + TYPES);
    };
  }

  private static @Nullable Number number(Map<String, ?> attributes, String key) {
    for (Map.Entry<String, ?> e : attributes.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key) && e.getValue() instanceof Number n) {
        return n;
      }
    }
    return null;
  }

  /** A whole number up to {@code max}; absent is {@code fallback}, negative is 0 (Toxiproxy: no effect). */
  private static long bounded(Map<String, ?> attributes, String key, long fallback, long max, String unit) {
    Number n = number(attributes, key);
    if (n == null) {
      return fallback;
    }
    if (n.doubleValue() > max || n.longValue() > max) {
      throw outOfRange(key, 0, max, unit, n);
    }
    return Math.max(0, n.longValue());
  }

  private static double probability(Map<String, ?> attributes, String key, double fallback) {
    Number n = number(attributes, key);
    if (n == null) {
      return fallback;
    }
    double p = n.doubleValue();
    if (!(p >= 0 && p <= 1)) {
      throw new HarnessException(key + " is a probability from 0 to 1, not " + n);
    }
    return p;
  }

  /** Toxiproxy treats negative times as no delay. */
  private static Duration millis(Map<String, ?> attributes, String key) {
    return Duration.ofMillis(bounded(attributes, key, 0, MAX_ATTRIBUTE, "ms"));
  }

  static HarnessException outOfRange(String attribute, long min, long max, String unit, Object value) {
    return new HarnessException(attribute + " is out of range: it must be from " + min + " to " + max + " " + unit
        + ", not " + value);
  }

  /** A time attribute in milliseconds: from 0 to {@link #MAX_ATTRIBUTE} ms. */
  static void requireMillis(String attribute, Duration value) {
    requireTime(attribute, value, Duration.ofMillis(MAX_ATTRIBUTE), "ms");
  }

  /** Slicer's delay, in microseconds: from 0 to {@link #MAX_ATTRIBUTE} µs. */
  static void requireMicros(String attribute, Duration value) {
    requireTime(attribute, value, Duration.ofNanos(MAX_ATTRIBUTE * 1000), "µs");
  }

  private static void requireTime(String attribute, Duration value, Duration max, String unit) {
    if (value.isNegative() || value.compareTo(max) > 0) {
      long unitNanos = unit.equals("ms") ? 1_000_000 : 1_000;
      long maxUnits = max.toNanos() / unitNanos;
      if (value.isNegative()) {
        throw new HarnessException(attribute + " cannot be negative: " + describe(value, unit) + "; it must be from 0 to "
            + maxUnits + " " + unit);
      }
      throw outOfRange(attribute, 0, maxUnits, unit, describe(value, unit));
    }
  }

  private static String describe(Duration value, String unit) {
    try {
      return (unit.equals("ms") ? value.toMillis() : value.toNanos() / 1000) + " " + unit;
    } catch (ArithmeticException tooLarge) {
      return value.getSeconds() + " s";
    }
  }

  static void requireProbability(String attribute, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new HarnessException(attribute + " is a probability from 0.0 to 1.0, not " + value);
    }
  }
}
