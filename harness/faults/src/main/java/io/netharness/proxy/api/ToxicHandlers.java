package io.netharness.proxy.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netharness.HarnessException;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicAttachment;

/** The toxic endpoints of one proxy: index, create, show, update, delete. */
final class ToxicHandlers {
  private static final String STRUCT = "ToxicWrapper";
  private final ProxyRegistry registry;

  ToxicHandlers(ProxyRegistry registry) {
    this.registry = registry;
  }

  /** GET: upstream toxics in insertion order, then downstream ones; {@code []} when none. */
  ApiResponse index(ApiRequest request) {
    return Responses.json(200, ApiJson.toxics(registry.entry(request.param("proxy"))));
  }

  /**
   * POST: 200 and the toxic. Checks in Toxiproxy's order: proxy (404), body (400), stream (400),
   * type (400), name in either stream (409), attributes (400).
   */
  ApiResponse create(ApiRequest request) {
    ProxyRegistry.Entry entry = registry.entry(request.param("proxy"));
    ToxicAttachment added = add(entry, request.body());
    return Responses.json(200, ApiJson.toxic(added, entry.spellings()));
  }

  /** Adds a toxic from a JSON body in the API's format, with the API's checks and errors. */
  ToxicAttachment add(ProxyRegistry.Entry entry, byte[] json) {
    ObjectNode body = ApiJson.parseObject(json, "toxics.ToxicWrapper");
    String stream = ApiJson.string(body, "stream", STRUCT, "downstream");
    String type = ApiJson.string(body, "type", STRUCT, "");
    String given = ApiJson.string(body, "name", STRUCT, "");
    float toxicity = ApiJson.float32(body, "toxicity", STRUCT, 1f);
    Direction direction = direction(stream);
    String name = ApiNames.check("name", given.isEmpty() ? type + "_" + stream : given);
    if (!ToxicAttributes.known(type)) {
      throw new ApiException(400, "invalid toxic type");
    }
    FaultProxy proxy = entry.proxy();
    synchronized (entry) {
      if (proxy.toxic(name).isPresent()) {
        throw new ApiException(409, "toxic already exists");
      }
      Toxic toxic = ToxicAttributes.create(type, ApiJson.field(body, "attributes"));
      try {
        proxy.add(name, direction, ToxicSpellings.clamp(toxicity), toxic);
      } catch (HarnessException e) {
        // 409 only for a name taken meanwhile (through the Java API); any other failure is reported as it is
        throw String.valueOf(e.getMessage()).startsWith("toxic already exists") ? new ApiException(409, "toxic already exists") : e;
      }
      entry.spellings().put(name, stream, toxicity);
    }
    return attachment(proxy, name);
  }

  ApiResponse show(ApiRequest request) {
    ProxyRegistry.Entry entry = registry.entry(request.param("proxy"));
    return Responses.json(200, ApiJson.toxic(attachment(entry.proxy(), request.param("toxic")), entry.spellings()));
  }

  /**
   * POST or PATCH: attributes are merged into the current ones, toxicity kept when omitted;
   * name, type and stream in the body are ignored.
   */
  ApiResponse update(ApiRequest request) {
    ProxyRegistry.Entry entry = registry.entry(request.param("proxy"));
    FaultProxy proxy = entry.proxy();
    String name = request.param("toxic");
    ToxicAttachment current = attachment(proxy, name);
    ObjectNode body = ApiJson.parseObject(request.body(), "struct { Attributes interface {}; Toxicity float32 }");
    synchronized (entry) {
      float toxicity = ApiJson.float32(body, "toxicity", "Toxicity", entry.spellings().toxicity(current));
      Toxic merged = ToxicAttributes.merge(current.toxic(), ApiJson.field(body, "attributes"));
      try {
        proxy.update(name, merged, ToxicSpellings.clamp(toxicity));
      } catch (HarnessException e) {
        throw proxy.toxic(name).isPresent() ? e : ApiException.toxicNotFound();
      }
      entry.spellings().put(name, entry.spellings().stream(current), toxicity);
    }
    return Responses.json(200, ApiJson.toxic(attachment(proxy, name), entry.spellings()));
  }

  ApiResponse delete(ApiRequest request) {
    ProxyRegistry.Entry entry = registry.entry(request.param("proxy"));
    String name = request.param("toxic");
    synchronized (entry) {
      if (entry.proxy().toxic(name).isEmpty()) {
        throw ApiException.toxicNotFound();
      }
      entry.proxy().remove(name);
      entry.spellings().remove(name);
    }
    return ApiResponse.empty(204);
  }

  private static ToxicAttachment attachment(FaultProxy proxy, String name) {
    return proxy.toxic(name).orElseThrow(ApiException::toxicNotFound);
  }

  /** Case-insensitive, no trimming, {@code ""} refused: Toxiproxy's stream.ParseDirection. */
  private static Direction direction(String stream) {
    if (stream.equalsIgnoreCase("upstream")) {
      return Direction.UPSTREAM;
    }
    if (stream.equalsIgnoreCase("downstream")) {
      return Direction.DOWNSTREAM;
    }
    throw new ApiException(400, "stream was invalid, can be either upstream or downstream");
  }
}
