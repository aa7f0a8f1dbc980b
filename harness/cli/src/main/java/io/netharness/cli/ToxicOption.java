package io.netharness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netharness.proxy.toxics.Toxics;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One {@code --toxic} of {@code netharness proxy}: {@code [PROXY/]TYPE[:key=value,...]}, where the keys are the
 * toxic's Toxiproxy attributes (in Toxiproxy's units) plus {@code stream}, {@code toxicity} and {@code name}.
 *
 * <pre>{@code
 * --toxic latency:latency=200,jitter=10
 * --toxic db/bandwidth:rate=64,stream=upstream
 * --toxic slicer:average_size=16,toxicity=0.5,name=chop
 * }</pre>
 */
record ToxicOption(@Nullable String proxy, String type, Map<String, BigDecimal> attributes, @Nullable String stream,
    @Nullable BigDecimal toxicity, @Nullable String name) {

  static final String FORMAT = "[PROXY/]TYPE[:key=value,...], e.g. latency:latency=200,jitter=10"
      + " or db/bandwidth:rate=64,stream=upstream";

  private static final Set<String> GENERAL_KEYS = Set.of("stream", "toxicity", "name");

  /** Parses and checks a spec; an {@link IllegalArgumentException}'s message names the option and the fix. */
  static ToxicOption parse(String spec) {
    return parse(spec, "--toxic " + spec);
  }

  /** As {@link #parse(String)}; messages start with {@code label}, e.g. the option and the spec. */
  static ToxicOption parse(String spec, String label) {
    String text = spec.strip();
    int colon = text.indexOf(':');
    String head = colon < 0 ? text : text.substring(0, colon);
    String tail = colon < 0 ? "" : text.substring(colon + 1);
    int slash = head.indexOf('/');
    String proxy = slash < 0 ? null : head.substring(0, slash).strip();
    String type = (slash < 0 ? head : head.substring(slash + 1)).strip().toLowerCase(Locale.ROOT);
    if (proxy != null && proxy.isEmpty()) {
      throw bad(label, "the proxy name before '/' is empty");
    }
    if (!Toxics.TYPES.contains(type)) {
      throw bad(label, "unknown toxic type \"" + type + "\"; use one of " + String.join(", ", Toxics.TYPES));
    }
    Set<String> known = Toxics.fromAttributes(type, Map.of()).attributes().keySet();
    Map<String, BigDecimal> attributes = new LinkedHashMap<>();
    String stream = null;
    BigDecimal toxicity = null;
    String name = null;
    Set<String> seen = new HashSet<>();
    for (String pair : tail.isBlank() ? new String[0] : tail.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw bad(label, pair.isBlank() ? "an empty key=value (two commas, or one at the end?)"
            : "\"" + pair.strip() + "\" is not key=value");
      }
      String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = pair.substring(eq + 1).strip();
      if (!seen.add(key)) {
        throw bad(label, key + " is given twice");
      }
      switch (key) {
        case "stream" -> {
          if (!value.equalsIgnoreCase("upstream") && !value.equalsIgnoreCase("downstream")) {
            throw bad(label, "stream must be upstream or downstream, not \"" + value + "\"");
          }
          stream = value.toLowerCase(Locale.ROOT);
        }
        case "toxicity" -> {
          toxicity = number(label, key, value);
          if (toxicity.signum() < 0 || toxicity.compareTo(BigDecimal.ONE) > 0) {
            throw bad(label, "toxicity is a probability from 0 to 1, not " + value);
          }
        }
        case "name" -> {
          if (value.isEmpty()) {
            throw bad(label, "name is empty");
          }
          name = value;
        }
        default -> {
          if (!known.contains(key)) {
            throw bad(label, type + " has no attribute \"" + key + "\"; its attributes are "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + " (and " + String.join(", ", GENERAL_KEYS) + ")");
          }
          BigDecimal n = number(label, key, value);
          if (n.signum() < 0) {
            throw bad(label, key + " cannot be negative (" + value + ")");
          }
          attributes.put(key, n);
        }
      }
    }
    return new ToxicOption(proxy, type, attributes, stream, toxicity, name);
  }

  /**
   * The proxy a toxic written without {@code PROXY/} goes to: the only one there is. Otherwise the message says
   * which to name; {@code whenNone} explains how to get a proxy at all.
   */
  static String onlyProxy(List<String> names, String type, String whenNone) {
    if (names.size() == 1) {
      return names.get(0);
    }
    throw new IllegalArgumentException("say which proxy, e.g. " + (names.isEmpty() ? "db" : names.get(0)) + "/" + type
        + (names.isEmpty() ? " (" + whenNone + ")" : " (there are " + names.size() + ": " + String.join(", ", names)
            + ")"));
  }

  /** The body of Toxiproxy's {@code POST /proxies/{proxy}/toxics}. */
  String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode body = mapper.createObjectNode();
    body.put("type", type);
    if (name != null) {
      body.put("name", name);
    }
    body.put("stream", stream == null ? "downstream" : stream);
    if (toxicity != null) {
      body.put("toxicity", toxicity);
    }
    ObjectNode attrs = body.putObject("attributes");
    attributes.forEach(attrs::put);
    return body.toString();
  }

  private static BigDecimal number(String label, String key, String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw bad(label, key + " must be a number, not \"" + value + "\" (units are Toxiproxy's: ms, KB/s, bytes)");
    }
  }

  private static IllegalArgumentException bad(String label, String problem) {
    return new IllegalArgumentException(label + ": " + problem + ". Format: " + FORMAT);
  }
}
