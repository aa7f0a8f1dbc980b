package io.netharness.toxiproxy;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.ToxicType;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.netharness.HarnessException;
import io.netharness.proxy.Capability;
import io.netharness.proxy.Toxic;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Toxic} as toxiproxy-java expresses it: the client's type and every attribute as a whole
 * number in Toxiproxy's units (ms, KB/s, µs for slicer delay). {@code noop} becomes a latency of
 * 0, which passes everything through the same way (toxiproxy-java cannot create or list noop).
 */
record WireToxic(ToxicType type, Map<String, Long> attributes) {

  /** The toxic types a Toxiproxy 2.12 server and toxiproxy-java both know. */
  static final List<String> SUPPORTED = io.netharness.proxy.toxics.Toxics.CATALOGUE.stream()
      .filter(io.netharness.proxy.toxics.ToxicType::inToxiproxy).map(io.netharness.proxy.toxics.ToxicType::name).toList();

  static WireToxic of(Toxic toxic) {
    if (toxic instanceof io.netharness.proxy.toxics.AfterPattern) {
      throw new HarnessException("content triggers (a toxic that acts after a byte pattern) are not available on a real"
          + " Toxiproxy 2.12 (capability CONTENT_TRIGGERS): tag the scenario @triggers so it is skipped there,"
          + " or run with -Dnetharness.faults=embedded");
    }
    String type = toxic.type();
    if (type.equals("noop")) {
      return new WireToxic(ToxicType.LATENCY, Map.of("latency", 0L, "jitter", 0L));
    }
    if (!SUPPORTED.contains(type)) {
      throw unsupported(type);
    }
    Map<String, Long> attributes = new LinkedHashMap<>();
    toxic.attributes().forEach((key, value) -> attributes.put(key, wholeNumber(type, key, value)));
    return new WireToxic(ToxicType.valueOf(type.toUpperCase(Locale.ROOT)), attributes);
  }

  static ToxicDirection direction(io.netharness.proxy.Direction direction) {
    return direction == io.netharness.proxy.Direction.UPSTREAM ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
  }

  /** Creates the toxic with toxiproxy-java, then sets the attributes its create call leaves at 0. */
  eu.rekawek.toxiproxy.model.Toxic create(ToxicList toxics, String name, ToxicDirection stream) throws IOException {
    return switch (type) {
      case LATENCY -> {
        Latency latency = toxics.latency(name, stream, get("latency"));
        yield get("jitter") != 0 ? latency.setJitter(get("jitter")) : latency;
      }
      case BANDWIDTH -> toxics.bandwidth(name, stream, get("rate"));
      case SLOW_CLOSE -> toxics.slowClose(name, stream, get("delay"));
      case TIMEOUT -> toxics.timeout(name, stream, get("timeout"));
      case RESET_PEER -> toxics.resetPeer(name, stream, get("timeout"));
      case LIMIT_DATA -> toxics.limitData(name, stream, get("bytes"));
      case SLICER -> {
        Slicer slicer = toxics.slicer(name, stream, get("average_size"), get("delay"));
        yield get("size_variation") != 0 ? slicer.setSizeVariation(get("size_variation")) : slicer;
      }
    };
  }

  /** Sends every attribute to an existing toxic of the same type (the server merges them). */
  void update(eu.rekawek.toxiproxy.model.Toxic existing) throws IOException {
    if (existing instanceof Latency latency && type == ToxicType.LATENCY) {
      latency.setLatency(get("latency")).setJitter(get("jitter"));
    } else if (existing instanceof Bandwidth bandwidth && type == ToxicType.BANDWIDTH) {
      bandwidth.setRate(get("rate"));
    } else if (existing instanceof SlowClose slowClose && type == ToxicType.SLOW_CLOSE) {
      slowClose.setDelay(get("delay"));
    } else if (existing instanceof Timeout timeout && type == ToxicType.TIMEOUT) {
      timeout.setTimeout(get("timeout"));
    } else if (existing instanceof ResetPeer resetPeer && type == ToxicType.RESET_PEER) {
      resetPeer.setTimeout(get("timeout"));
    } else if (existing instanceof LimitData limitData && type == ToxicType.LIMIT_DATA) {
      limitData.setBytes(get("bytes"));
    } else if (existing instanceof Slicer slicer && type == ToxicType.SLICER) {
      slicer.setAverageSize(get("average_size")).setSizeVariation(get("size_variation")).setDelay(get("delay"));
    } else {
      throw new HarnessException("toxic \"" + existing.getName() + "\" is a " + existing.getClass().getSimpleName()
          + " toxic and cannot be updated to " + type.name().toLowerCase(Locale.ROOT)
          + "; remove it and add a new one instead");
    }
  }

  long get(String attribute) {
    Long value = attributes.get(attribute);
    if (value == null) {
      throw new HarnessException(type.name().toLowerCase(Locale.ROOT) + " toxic is missing its \"" + attribute
          + "\" attribute; Toxiproxy needs " + attributes.keySet());
    }
    return value;
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
