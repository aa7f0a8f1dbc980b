package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import io.netharness.proxy.Capability;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.toxics.AfterPattern;
import io.netharness.proxy.toxics.ToxicType;
import io.netharness.proxy.toxics.Toxics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Toxic} as a Toxiproxy 2.12 server takes it: its type name and every attribute as a
 * whole number in Toxiproxy's units (ms, KB/s, bytes, µs for slicer delay). {@code noop} is sent
 * as {@code noop}, which Toxiproxy registers like any other toxic.
 *
 * <pre>{@code
 * WireToxic wire = WireToxic.of(Toxics.latency(Duration.ofMillis(100)));   // ("latency", {latency=100, jitter=0})
 * api.addToxic("db", "slow", wire.type(), "downstream", 1.0, wire.attributes());
 * }</pre>
 */
record WireToxic(String type, Map<String, Long> attributes) {

  /** The toxic types a Toxiproxy 2.12 server knows. */
  static final List<String> SUPPORTED = Toxics.CATALOGUE.stream().filter(ToxicType::inToxiproxy).map(ToxicType::name)
      .toList();

  static WireToxic of(Toxic toxic) {
    if (toxic instanceof AfterPattern) {
      throw new HarnessException("content triggers (a toxic that acts after a byte pattern) are not available on a real"
          + " Toxiproxy 2.12 (capability CONTENT_TRIGGERS): tag the scenario @triggers so it is skipped there,"
          + " or run with -Dnetharness.faults=embedded");
    }
    String type = toxic.type();
    if (!SUPPORTED.contains(type)) {
      throw unsupported(type);
    }
    Map<String, Long> attributes = new LinkedHashMap<>();
    toxic.attributes().forEach((key, value) -> attributes.put(key, wholeNumber(type, key, value)));
    return new WireToxic(type, Collections.unmodifiableMap(attributes));   // keeps the toxic's order
  }

  private static long wholeNumber(String type, String key, Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.longValue();
    }
    throw new HarnessException(type + " attribute \"" + key + "\" is " + value
        + ", but Toxiproxy takes whole numbers only (ms, KB/s, bytes, µs for slicer delay)");
  }

  static HarnessException unsupported(String type) {
    if (type.equals("packet_loss")) {
      Capability capability = Capability.PACKET_LOSS;
      return new HarnessException("toxic \"packet_loss\" is not available on a real Toxiproxy 2.12 (capability "
          + capability + "): scenarios that need it are tagged " + capability.tag()
          + " and skipped on the toxiproxy and testcontainers backends; run them with -Dnetharness.faults=embedded");
    }
    return new HarnessException("toxic \"" + type + "\" is not available on a real Toxiproxy 2.12: it knows "
        + SUPPORTED + "; run scenarios that need it with -Dnetharness.faults=embedded");
  }
}
