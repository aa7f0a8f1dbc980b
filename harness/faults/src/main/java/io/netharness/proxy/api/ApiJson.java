package io.netharness.proxy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.ToxicAttachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON in and out, the way Go's encoding/json does it for Toxiproxy: field names match
 * case-insensitively (an exact match wins), {@code null} leaves a field unset, unknown fields are
 * ignored, a wrong type is a 400; objects come out with Toxiproxy's key order.
 */
final class ApiJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- reading ---------------------------------------------------------------------------------

  /**
   * The first JSON value of the body (trailing data ignored, as Go's Decoder does). Bytes that are
   * not UTF-8 (overlong forms like {@code c0 ae} included) become U+FFFD, as Go's decoder makes them.
   */
  static JsonNode parse(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw ApiException.badRequest("EOF");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest("EOF");
      }
      return node;
    } catch (JsonEOFException e) {
      throw ApiException.badRequest("unexpected EOF");
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(String.valueOf(e.getMessage()));
    }
  }

  /** The body as an object; {@code null} counts as an empty object, anything else is a 400. */
  static ObjectNode parseObject(byte[] body, String goType) {
    JsonNode node = parse(body);
    if (node.isNull()) {
      return object();
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("json: cannot unmarshal " + kind(node) + " into Go value of type " + goType);
    }
    return (ObjectNode) node;
  }

  /** A field by name, case-insensitively; null when absent or JSON null. */
  static @Nullable JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact.isNull() ? null : exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().isNull() ? null : e.getValue();
      }
    }
    return null;
  }

  static String string(JsonNode object, String name, String struct, String fallback) {
    JsonNode v = field(object, name);
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw typeError(v, struct + "." + name, "string");
    }
    return v.textValue();
  }

  static boolean bool(JsonNode object, String name, String struct, boolean fallback) {
    JsonNode v = field(object, name);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw typeError(v, struct + "." + name, "bool");
    }
    return v.booleanValue();
  }

  static float float32(JsonNode object, String name, String struct, float fallback) {
    JsonNode v = field(object, name);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw typeError(v, struct + "." + name, "float32");
    }
    return v.floatValue();
  }

  static ApiException typeError(JsonNode value, String field, String goType) {
    String what = value.isNumber() ? "number " + value.asText() : kind(value);
    return ApiException.badRequest("json: cannot unmarshal " + what + " into Go struct field " + field + " of type " + goType);
  }

  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return node.isNumber() ? "number" : "null";
  }

  // ---- writing ---------------------------------------------------------------------------------

  /** name, listen, upstream, enabled, toxics: Toxiproxy's order (without its stray "Logger"). */
  static ObjectNode proxy(ProxyRegistry.Entry entry) {
    FaultProxy p = entry.proxy();
    ObjectNode node = object();
    node.put("name", p.name());
    node.put("listen", p.listen());
    node.put("upstream", p.upstream());
    node.put("enabled", p.isEnabled());
    node.set("toxics", toxics(entry));
    return node;
  }

  static ArrayNode toxics(ProxyRegistry.Entry entry) {
    ArrayNode list = array();
    for (ToxicAttachment t : entry.proxy().toxics()) {
      list.add(toxic(t, entry.spellings()));
    }
    return list;
  }

  /** attributes (every one of the type), name, type, stream (as sent), toxicity. */
  static ObjectNode toxic(ToxicAttachment t, ToxicSpellings spellings) {
    ObjectNode node = object();
    ObjectNode attributes = node.putObject("attributes");
    t.toxic().attributes().forEach((k, v) -> putNumber(attributes, k, v));
    node.put("name", t.name());
    node.put("type", t.toxic().type());
    node.put("stream", spellings.stream(t));
    putNumber(node, "toxicity", spellings.toxicity(t));
    return node;
  }

  /** Integral values as integers (Go prints float 1 as {@code 1}), others as written. */
  private static void putNumber(ObjectNode node, String key, Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      node.put(key, ((Number) value).longValue());
    } else if (value instanceof Float f) {
      putFloat(node, key, f);
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        node.put(key, (long) d);
      } else {
        node.put(key, d);
      }
    } else if (value instanceof Boolean b) {
      node.put(key, b);
    } else {
      node.put(key, String.valueOf(value));
    }
  }

  private static void putFloat(ObjectNode node, String key, float f) {
    if (f == Math.rint(f) && Math.abs(f) < 1e9) {
      node.put(key, (long) f);
    } else {
      node.put(key, f);
    }
  }
}
