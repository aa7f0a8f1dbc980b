package io.netharness.toxiproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Toxiproxy's JSON shapes ({@code api.go}, {@code toxics/toxic.go}) to and from {@link ProxyInfo} and {@link ToxicInfo}. */
final class ApiJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ApiJson() {}

  static ProxyInfo proxy(JsonNode node) {
    List<ToxicInfo> toxics = new ArrayList<>();
    node.path("toxics").forEach(toxic -> toxics.add(toxic(toxic)));
    return new ProxyInfo(node.path("name").asText(), node.path("listen").asText(), node.path("upstream").asText(),
        node.path("enabled").asBoolean(true), toxics);
  }

  static List<ProxyInfo> proxies(JsonNode nodes) {
    List<ProxyInfo> proxies = new ArrayList<>();
    nodes.forEach(node -> proxies.add(proxy(node)));   // an object (GET /proxies) or an array (populate)
    return proxies;
  }

  static ToxicInfo toxic(JsonNode node) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    node.path("attributes").fields().forEachRemaining(a -> attributes.put(a.getKey(), value(a.getValue())));
    return new ToxicInfo(node.path("name").asText(), node.path("type").asText(), node.path("stream").asText(),
        node.path("toxicity").asDouble(1.0), attributes);
  }

  static ObjectNode proxyBody(ProxyInfo proxy) {
    return NODES.objectNode().put("name", proxy.name()).put("listen", proxy.listen())
        .put("upstream", proxy.upstream()).put("enabled", proxy.enabled());
  }

  static ObjectNode attributes(Map<String, ? extends Number> attributes) {
    ObjectNode node = NODES.objectNode();
    attributes.forEach((key, value) -> node.set(key, number(value)));
    return node;
  }

  private static JsonNode number(Number value) {
    if (value instanceof BigDecimal decimal) {
      return NODES.numberNode(decimal);
    }
    if (value instanceof BigInteger integer) {
      return NODES.numberNode(integer);
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(value.doubleValue());
    }
    return NODES.numberNode(value.longValue());
  }

  private static Object value(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.asText();
  }
}
