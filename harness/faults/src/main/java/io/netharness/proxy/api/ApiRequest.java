package io.netharness.proxy.api;

import java.util.Map;

/** One admin request as the handlers see it: method, path variables and body bytes. */
record ApiRequest(String method, Map<String, String> params, byte[] body) {

  String param(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no {" + name + "} variable");
    }
    return value;
  }
}
