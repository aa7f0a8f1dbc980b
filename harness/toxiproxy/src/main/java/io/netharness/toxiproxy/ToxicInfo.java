package io.netharness.toxiproxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A toxic as a Toxiproxy server reports it: its name, type, stream ({@code upstream} or
 * {@code downstream}, as it was sent), toxicity, and attributes in Toxiproxy's units and order
 * (whole numbers as {@link Long}, fractions as {@link Double}).
 *
 * <pre>{@code
 * ToxicInfo slow = api.addToxic("db", "slow", "latency", "downstream", 1.0, Map.of("latency", 200));
 * long latencyMs = ((Number) slow.attributes().get("latency")).longValue();
 * }</pre>
 */
public record ToxicInfo(String name, String type, String stream, double toxicity, Map<String, Object> attributes) {
  public ToxicInfo {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));   // keeps the server's order
  }
}
