package io.netharness.cucumber;

import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.ProxyControl;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which client connected through which proxy, and the address its server sees for it: the
 * client's own, or the proxy's upstream socket. Server-side steps use it to find a client's
 * connection behind a proxy.
 */
final class ProxyRoutes {
  private final Map<String, String> via = new LinkedHashMap<>();
  private final Map<String, InetSocketAddress> seenByServer = new LinkedHashMap<>();

  /** {@code client} (at {@code clientAddress}) connected to {@code proxy}; waits until the proxy dialled upstream. */
  void route(String client, InetSocketAddress clientAddress, @Nullable ProxyControl proxy, String target, Duration timeout) {
    via.put(client, target);
    if (proxy instanceof FaultProxy embedded) {
      // "connected" means through to the server: wait until the proxy has its upstream connection,
      // so a toxic added next applies to this connection for sure
      embedded.upstreamAddressOf(clientAddress, timeout)
          .ifPresent(address -> seenByServer.put(client, address)); // kept: still right after the connection ends
    }
  }

  /** The proxy a client connected through, if it did. */
  Optional<String> proxyOf(String client) {
    return Optional.ofNullable(via.get(client));
  }

  /**
   * The address the server sees for a client that connected through {@code proxy}; null when a
   * real Toxiproxy hides it.
   */
  @Nullable InetSocketAddress seenByServer(String client, InetSocketAddress clientAddress, ProxyControl proxy,
      Duration timeout) {
    InetSocketAddress cached = seenByServer.get(client);
    if (cached != null) {
      return cached;
    }
    return proxy instanceof FaultProxy embedded ? embedded.upstreamAddressOf(clientAddress, timeout).orElse(null) : null;
  }

  void clear() {
    via.clear();
    seenByServer.clear();
  }
}
