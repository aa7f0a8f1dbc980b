package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * A Toxiproxy API URL, checked: parsed once, and asked for {@code /version} with short timeouts,
 * so a missing server is reported at once and clearly. The backends' calls then go through
 * {@link #api()}.
 */
record ToxiproxyServer(String url, String scheme, String host, int port) {
  static final int DEFAULT_PORT = 8474;
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  static ToxiproxyServer at(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw badUrl(url, e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw badUrl(url, "expected http://host:port");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
    return new ToxiproxyServer(scheme + "://" + uri.getHost() + ":" + port, scheme, uri.getHost(), port);
  }

  /** The client every backend call goes through (default timeouts: 2 s connect, 30 s read). */
  ToxiproxyApi api() {
    return ToxiproxyApi.at(url);
  }

  /** The URL's host without the brackets of an IPv6 literal, e.g. {@code 2001:db8::1} or {@code toxiproxy.internal}. */
  String bareHost() {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  boolean isLoopback() {
    String bare = bareHost();
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The server's version, or a {@link HarnessException} that says how to get a server. */
  String requireVersion() {
    try {
      return ToxiproxyApi.at(url, CONNECT_TIMEOUT, READ_TIMEOUT).version();
    } catch (ToxiproxyApiException e) {
      throw notToxiproxy(e.getMessage());
    }
  }

  private HarnessException notToxiproxy(String what) {
    return new HarnessException("no Toxiproxy answers at " + url + " (" + what + "). The toxiproxy fault backend"
        + " needs a running Toxiproxy server: start one with `toxiproxy-server` (it listens on localhost:8474;"
        + " `toxiproxy-server -host 0.0.0.0 -port 8474` for other machines), or point -Dnetharness.toxiproxy.url"
        + " (env NETHARNESS_TOXIPROXY_URL) at yours. Without one, use -Dnetharness.faults=embedded (in-process,"
        + " the default) or -Dnetharness.faults=testcontainers (needs Docker).");
  }

  private static HarnessException badUrl(String url, String why) {
    return new HarnessException("netharness.toxiproxy.url \"" + url + "\" is not a Toxiproxy API URL (" + why
        + "); write it like http://127.0.0.1:8474");
  }
}
