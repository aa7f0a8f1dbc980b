package io.netharness.proxy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netharness.proxy.FaultProxy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The proxy endpoints: index, create, show, update, delete, populate, reset. */
final class ProxyHandlers {
  private static final String STRUCT = "Proxy";
  private final ProxyRegistry registry;

  ProxyHandlers(ProxyRegistry registry) {
    this.registry = registry;
  }

  /** GET /proxies: an object name → proxy, in name order; {@code {}} when empty. */
  ApiResponse index(ApiRequest request) {
    ObjectNode all = ApiJson.object();
    for (ProxyRegistry.Entry e : registry.entries()) {
      all.set(e.proxy().name(), ApiJson.proxy(e));
    }
    return Responses.json(200, all);
  }

  /** POST /proxies: 201 and the proxy. */
  ApiResponse create(ApiRequest request) {
    ProxySpec spec = spec(ApiJson.parseObject(request.body(), "toxiproxy.Proxy"), "");
    FaultProxy proxy = registry.create(spec);
    return Responses.json(201, ApiJson.proxy(registry.entryOf(proxy)));
  }

  ApiResponse show(ApiRequest request) {
    return Responses.json(200, ApiJson.proxy(registry.entry(request.param("proxy"))));
  }

  /** POST or PATCH /proxies/{proxy}: omitted fields keep their values; name is ignored. */
  ApiResponse update(ApiRequest request) {
    ProxyRegistry.Entry entry = registry.entry(request.param("proxy"));
    FaultProxy p = entry.proxy();
    ObjectNode body = ApiJson.parseObject(request.body(), "toxiproxy.Proxy");
    String listen = ApiJson.string(body, "listen", STRUCT, p.listen());
    String upstream = ApiJson.string(body, "upstream", STRUCT, p.upstream());
    boolean enabled = ApiJson.bool(body, "enabled", STRUCT, p.isEnabled());
    registry.update(p.name(), listen, upstream, enabled);
    return Responses.json(200, ApiJson.proxy(entry));
  }

  ApiResponse delete(ApiRequest request) {
    if (!registry.delete(request.param("proxy"))) {
      throw ApiException.proxyNotFound();
    }
    return ApiResponse.empty(204);
  }

  /** POST /reset: every proxy enabled, toxics removed; 204. */
  ApiResponse reset(ApiRequest request) {
    registry.reset();
    return ApiResponse.empty(204);
  }

  /**
   * POST /populate: validates every element first, then adds or replaces in order; errors are
   * {@code application/json} with the proxies done so far.
   */
  ApiResponse populate(ApiRequest request) {
    List<ProxySpec> specs = new ArrayList<>();
    try {
      JsonNode body = ApiJson.parse(request.body());
      if (!body.isNull() && !body.isArray()) {
        throw ApiException.badRequest("json: cannot unmarshal " + ApiJson.kind(body)
            + " into Go value of type []struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }");
      }
      for (JsonNode element : body) {
        specs.add(element.isNull() ? spec(ApiJson.object(), " at proxy " + (specs.size() + 1))
            : spec(requireObject(element), " at proxy " + (specs.size() + 1)));
      }
    } catch (ApiException e) {
      return populated(e.status(), String.valueOf(e.getMessage()), List.of());
    }
    try {
      return populated(201, null, registry.populate(specs));
    } catch (PopulateException e) {
      return populated(e.status(), String.valueOf(e.getMessage()), e.proxies());
    }
  }

  ApiResponse version(ApiRequest request) {
    return Responses.version();
  }

  private ApiResponse populated(int status, @Nullable String error, List<FaultProxy> proxies) {
    ObjectNode body = ApiJson.object();
    if (error != null) {
      body.put("error", error);
      body.put("status", status);
    }
    if (proxies.isEmpty()) {
      body.putNull("proxies");
    } else {
      ArrayNode list = body.putArray("proxies");
      for (FaultProxy p : proxies) {
        list.add(ApiJson.proxy(registry.entryOf(p)));
      }
    }
    return Responses.json(status, body);
  }

  private static ObjectNode requireObject(JsonNode element) {
    if (!element.isObject()) {
      throw ApiException.badRequest("json: cannot unmarshal " + ApiJson.kind(element)
          + " into Go value of type struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }");
    }
    return (ObjectNode) element;
  }

  /** Name is checked before upstream, as Toxiproxy does; enabled defaults to true. */
  private static ProxySpec spec(ObjectNode body, String where) {
    String name = ApiJson.string(body, "name", STRUCT, "");
    String listen = ApiJson.string(body, "listen", STRUCT, "");
    String upstream = ApiJson.string(body, "upstream", STRUCT, "");
    boolean enabled = ApiJson.bool(body, "enabled", STRUCT, true);
    if (name.isEmpty()) {
      throw ApiException.missingField("name" + where);
    }
    if (upstream.isBlank()) { // Toxiproxy checks only for ""; a blank upstream can never be dialled either
      throw ApiException.missingField("upstream" + where);
    }
    ApiNames.check("name", name);
    return new ProxySpec(name, listen, upstream, enabled);
  }
}
