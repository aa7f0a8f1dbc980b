package io.netharness.proxy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netharness.HarnessException;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.toxics.Toxics;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Toxic attributes from JSON, as Toxiproxy decodes them into the toxic's Go struct: every
 * attribute starts at its default (create) or current value (update), and the request's keys
 * (case-insensitive) overwrite only themselves. Integers must be integers ({@code 1.5} for
 * {@code latency} is a 400); unknown keys are ignored.
 */
final class ToxicAttributes {
  private ToxicAttributes() {}

  static boolean known(String type) {
    return Toxics.TYPES.contains(type);
  }

  static Toxic create(String type, @Nullable JsonNode attributes) {
    return merge(Toxics.fromAttributes(type, Map.of()), attributes);
  }

  static Toxic merge(Toxic current, @Nullable JsonNode attributes) {
    Map<String, Object> merged = new LinkedHashMap<>(current.attributes());
    if (attributes != null) {
      String struct = goStruct(current.type());
      if (!attributes.isObject()) {
        throw ApiJson.typeError(attributes, "ToxicWrapper.attributes", "toxics." + struct);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = keyOf(merged, e.getKey());
        if (key != null && !e.getValue().isNull()) {
          merged.put(key, value(merged.get(key), e.getValue(), struct + ".attributes." + key));
        }
      }
    }
    try {
      return Toxics.fromAttributes(current.type(), merged);
    } catch (HarnessException e) {
      throw ApiException.badRequest(String.valueOf(e.getMessage()));
    }
  }

  private static Object value(@Nullable Object current, JsonNode given, String field) {
    boolean integral = current instanceof Long || current instanceof Integer;
    if (!given.isNumber() || (integral && !(given.isIntegralNumber() && given.canConvertToLong()))) {
      throw ApiJson.typeError(given, field, integral ? "int64" : "float64");
    }
    return integral ? (Object) given.longValue() : (Object) given.doubleValue();
  }

  private static @Nullable String keyOf(Map<String, Object> attributes, String given) {
    if (attributes.containsKey(given)) {
      return given;
    }
    return attributes.keySet().stream().filter(k -> k.equalsIgnoreCase(given)).findFirst().orElse(null);
  }

  /** {@code limit_data} → {@code LimitDataToxic}, as Go error messages name the struct. */
  private static String goStruct(String type) {
    if (type.equals("reset_peer")) {
      return "ResetToxic";
    }
    StringBuilder name = new StringBuilder();
    for (String part : type.split("_")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return name.append("Toxic").toString();
  }
}
