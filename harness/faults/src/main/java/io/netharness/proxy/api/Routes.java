package io.netharness.proxy.api;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The route table: method + path pattern ({@code /proxies/{proxy}}) → handler. A path no route
 * matches is 404; a matched path with another method is 405; no trailing-slash matching, as
 * with Toxiproxy's gorilla/mux router.
 */
final class Routes {
  @FunctionalInterface
  interface Handler {
    ApiResponse handle(ApiRequest request);
  }

  private record Route(Set<String> methods, String[] segments, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  Routes add(String methods, String pattern, Handler handler) {
    routes.add(new Route(Set.of(methods.split(",")), pattern.substring(1).split("/", -1), handler));
    return this;
  }

  ApiResponse dispatch(String method, String uri, byte[] body) {
    String[] segments = segments(uri);
    if (segments == null) {
      return Responses.notFound();
    }
    boolean pathMatched = false;
    for (Route route : routes) {
      Map<String, String> params = match(route.segments(), segments);
      if (params == null) {
        continue;
      }
      pathMatched = true;
      if (route.methods().contains(method)) {
        return route.handler().handle(new ApiRequest(method, params, body));
      }
    }
    return pathMatched ? Responses.methodNotAllowed() : Responses.notFound();
  }

  private static String @Nullable [] segments(String uri) {
    String path = new QueryStringDecoder(uri).rawPath();
    if (!path.startsWith("/")) {
      return null;
    }
    String[] raw = path.substring(1).split("/", -1);
    String[] decoded = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      try {
        decoded[i] = QueryStringDecoder.decodeComponent(raw[i].replace("+", "%2B"));
      } catch (IllegalArgumentException badEscape) {
        return null;
      }
    }
    return decoded;
  }

  private static @Nullable Map<String, String> match(String[] pattern, String[] path) {
    if (pattern.length != path.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), path[i]);
      } else if (!p.equals(path[i])) {
        return null;
      }
    }
    return params;
  }
}
