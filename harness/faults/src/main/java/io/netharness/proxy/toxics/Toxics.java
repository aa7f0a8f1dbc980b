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
  /** Every kind of toxic the embedded proxy knows, Toxiproxy's first: the one list the API, the CLI and backends read. */
  public static final List<ToxicType> CATALOGUE = List.of(Latency.TYPE, Bandwidth.TYPE, SlowClose.TYPE, Timeout.TYPE,
      ResetPeer.TYPE, Slicer.TYPE, LimitData.TYPE, Noop.TYPE, PacketLoss.TYPE, CloseConnection.TYPE);

  /** Every type name, in {@link #CATALOGUE} order. */
  public static final List<String> TYPES = CATALOGUE.stream().map(ToxicType::name).toList();

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
    return type(type).create(attributes);
  }

  /** The kind of toxic called {@code name}; an unknown name is a {@link HarnessException} listing the known ones. */
  public static ToxicType type(String name) {
    return CATALOGUE.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new HarnessException("invalid toxic type \"" + name + "\": use one of " + TYPES));
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
