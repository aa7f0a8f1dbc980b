package io.netharness.toxiproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netharness.HarnessException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A client for Toxiproxy's HTTP API (a toxiproxy-server 2.x, or NetHarness' own
 * {@code netharness proxy}): every call is bounded by a connect and a read timeout, and every failure
 * is a {@link ToxiproxyApiException} that names the URL, the call and Toxiproxy's
 * {@code {"error":…,"status":…}} answer. Toxics are created in one call, toxicity included.
 *
 * <pre>{@code
 * ToxiproxyApi api = ToxiproxyApi.at("http://127.0.0.1:8474");
 * ProxyInfo db = api.createProxy("db", "127.0.0.1:0", "127.0.0.1:5432", true);
 * api.addToxic("db", "slow", "latency", "downstream", 0.5, Map.of("latency", 200, "jitter", 10));
 * api.removeToxic("db", "slow");
 * api.deleteProxy("db");
 * }</pre>
 */
public final class ToxiproxyApi {
  /** Connect timeout of {@link #at(String)}. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Read timeout of {@link #at(String)}: above Toxiproxy's own 25 s limit on a call (a toxic removed under load). */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern PLAIN_VERSION = Pattern.compile("\\d+(\\.\\d+)*[\\w.+-]*");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String url;
  private final ApiCall http;

  private ToxiproxyApi(String url, Duration connectTimeout, Duration readTimeout) {
    this.url = url;
    this.http = new ApiCall(url, connectTimeout, readTimeout);
  }

  /** The API at {@code url}, e.g. {@code http://127.0.0.1:8474}, with the default timeouts. */
  public static ToxiproxyApi at(String url) {
    return at(url, CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  /**
   * The API at {@code url} with these timeouts; a {@link HarnessException} when {@code url} is not
   * an {@code http(s)://host[:port]} URL.
   */
  public static ToxiproxyApi at(String url, Duration connectTimeout, Duration readTimeout) {
    String base = url.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(base);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new URISyntaxException(url, "expected http://host:port");
      }
    } catch (URISyntaxException e) {
      throw new HarnessException("\"" + url + "\" is not a Toxiproxy API URL (" + e.getReason()
          + "); write it like http://127.0.0.1:8474");
    }
    return new ToxiproxyApi(base, connectTimeout, readTimeout);
  }

  /** The base URL every call goes to, without a trailing slash. */
  public String url() {
    return url;
  }

  /** {@code GET /version}: the server's version, e.g. {@code 2.12.0}. */
  public String version() {
    JsonNode answer;
    try {
      answer = http.send("GET", "/version", null);
    } catch (ToxiproxyApiException e) {
      String text = e.body().strip();
      if (e.failure() == ToxiproxyApiException.Failure.NOT_JSON && e.status() == 200
          && PLAIN_VERSION.matcher(text).matches()) {
        return text;   // older Toxiproxy releases answer the version as plain text
      }
      throw e;
    }
    return answer.path("version").asText(answer.asText());
  }

  /** {@code GET /proxies}: every proxy with its toxics, in the server's order (Toxiproxy sorts them by name). */
  public List<ProxyInfo> proxies() {
    return ApiJson.proxies(http.send("GET", "/proxies", null));
  }

  /** {@code POST /proxies}: a new proxy; {@code listen} {@code 127.0.0.1:0} lets the server pick the port. */
  public ProxyInfo createProxy(String name, String listen, String upstream, boolean enabled) {
    return ApiJson.proxy(http.send("POST", "/proxies", ApiJson.proxyBody(new ProxyInfo(name, listen, upstream, enabled))));
  }

  /** {@code GET /proxies/{name}}. */
  public ProxyInfo proxy(String name) {
    return ApiJson.proxy(http.send("GET", proxyPath(name), null));
  }

  /** Starts or stops a proxy; stopping closes its listener and every open connection. */
  public ProxyInfo setEnabled(String name, boolean enabled) {
    return ApiJson.proxy(http.send("POST", proxyPath(name), NODES.objectNode().put("enabled", enabled)));
  }

  /** {@code DELETE /proxies/{name}}: stops the proxy and forgets it. */
  public void deleteProxy(String name) {
    http.send("DELETE", proxyPath(name), null);
  }

  /**
   * Adds a toxic in one call, toxicity included, so no connection sees it at another strength.
   *
   * @param name the toxic's name, or {@code null} for Toxiproxy's default {@code <type>_<stream>}
   * @param stream {@code upstream} (client to server) or {@code downstream}
   * @param attributes in Toxiproxy's units (ms, KB/s, bytes, µs for slicer delay); missing ones are 0
   */
  public ToxicInfo addToxic(String proxy, @Nullable String name, String type, String stream, double toxicity,
      Map<String, ? extends Number> attributes) {
    ObjectNode body = NODES.objectNode();
    if (name != null) {
      body.put("name", name);
    }
    body.put("type", type).put("stream", stream).put("toxicity", toxicity);
    body.set("attributes", ApiJson.attributes(attributes));
    return ApiJson.toxic(http.send("POST", proxyPath(proxy) + "/toxics", body));
  }

  /** Changes a toxic's toxicity and the attributes given (the others keep their values). */
  public ToxicInfo updateToxic(String proxy, String name, double toxicity, Map<String, ? extends Number> attributes) {
    ObjectNode body = NODES.objectNode().put("toxicity", toxicity);
    body.set("attributes", ApiJson.attributes(attributes));
    return ApiJson.toxic(http.send("POST", toxicPath(proxy, name), body));
  }

  /** {@code DELETE /proxies/{proxy}/toxics/{name}}. */
  public void removeToxic(String proxy, String name) {
    http.send("DELETE", toxicPath(proxy, name), null);
  }

  /** {@code GET /proxies/{proxy}/toxics}: upstream toxics in the order they were added, then downstream ones. */
  public List<ToxicInfo> toxics(String proxy) {
    List<ToxicInfo> toxics = new ArrayList<>();
    http.send("GET", proxyPath(proxy) + "/toxics", null).forEach(node -> toxics.add(ApiJson.toxic(node)));
    return toxics;
  }

  /** {@code POST /reset}: every proxy enabled and without toxics; no proxy is deleted. */
  public void reset() {
    http.send("POST", "/reset", null);
  }

  /**
   * {@code POST /populate}: creates these proxies, or replaces those of the same name that differ
   * (the same name, listen and upstream keeps the proxy and its toxics); their toxics are ignored.
   */
  public List<ProxyInfo> populate(List<ProxyInfo> proxies) {
    ArrayNode body = NODES.arrayNode();
    proxies.forEach(proxy -> body.add(ApiJson.proxyBody(proxy)));
    return ApiJson.proxies(http.send("POST", "/populate", body).path("proxies"));
  }

  @Override
  public String toString() {
    return "Toxiproxy API at " + url;
  }

  private static String proxyPath(String proxy) {
    return "/proxies/" + encode(proxy);
  }

  private static String toxicPath(String proxy, String toxic) {
    return proxyPath(proxy) + "/toxics/" + encode(toxic);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
