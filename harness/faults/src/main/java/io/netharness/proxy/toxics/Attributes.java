package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A toxic's attributes as Toxiproxy's JSON gives them (numbers in its units: ms, KB/s, bytes, µs),
 * read with the ranges and defaults every toxic shares: a missing attribute takes its default, a
 * negative time or size means 0 (as in Toxiproxy), a value above its range is refused naming the
 * attribute and the range.
 *
 * <pre>{@code
 * Attributes a = new Attributes(Map.of("latency", 200));
 * Duration d = a.millis("latency");   // 200 ms
 * }</pre>
 */
public final class Attributes {
  private final Map<String, ?> values;

  public Attributes(Map<String, ?> values) {
    this.values = values;
  }

  /** A toxic's attributes for {@link io.netharness.proxy.Toxic#attributes()}, in the order given: name, value, … */
  public static Map<String, Object> ordered(Object... namesAndValues) {
    Map<String, Object> ordered = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      ordered.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return ordered;
  }

  /** A time in milliseconds, 0 to {@link Toxics#MAX_ATTRIBUTE}; absent is 0. */
  public Duration millis(String key) {
    return Duration.ofMillis(whole(key, 0, Toxics.MAX_ATTRIBUTE, "ms"));
  }

  /** A time in microseconds (slicer's delay), 0 to {@link Toxics#MAX_ATTRIBUTE}; absent is 0. */
  public Duration micros(String key) {
    return Duration.ofNanos(whole(key, 0, Toxics.MAX_ATTRIBUTE, "µs") * 1000);
  }

  /** A whole number up to {@code max}; absent is {@code fallback}, negative is 0. */
  public long whole(String key, long fallback, long max, String unit) {
    Number n = number(key);
    if (n == null) {
      return fallback;
    }
    if (n.doubleValue() > max || n.longValue() > max) {
      throw Toxics.outOfRange(key, 0, max, unit, n);
    }
    return Math.max(0, n.longValue());
  }

  /** A probability from 0 to 1; absent is {@code fallback}. */
  public double probability(String key, double fallback) {
    Number n = number(key);
    if (n == null) {
      return fallback;
    }
    double p = n.doubleValue();
    if (!(p >= 0 && p <= 1)) {
      throw new HarnessException(key + " is a probability from 0 to 1, not " + n);
    }
    return p;
  }

  private @Nullable Number number(String key) {
    for (Map.Entry<String, ?> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key) && e.getValue() instanceof Number n) {
        return n;
      }
    }
    return null;
  }
}
