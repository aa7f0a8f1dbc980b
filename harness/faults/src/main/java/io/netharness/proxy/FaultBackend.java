package io.netharness.proxy;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Where proxies live: {@code embedded} (in-process, the default), {@code toxiproxy} (a server at
 * a URL) or {@code testcontainers} (a Toxiproxy container). Chosen by configuration with
 * {@link FaultBackends#fromConfiguration()}, never by editing scenarios.
 *
 * <pre>{@code
 * try (FaultBackend backend = FaultBackends.fromConfiguration()) {
 *   ProxyControl db = backend.createProxy("db", server.address());
 * }
 * }</pre>
 */
public interface FaultBackend extends AutoCloseable {

  /** "embedded", "toxiproxy" or "testcontainers". */
  String name();

  Set<Capability> capabilities();

  /**
   * Why this backend lacks {@code capability}, for the skip message of a scenario that needs it
   * (e.g. "an RST crosses Docker's port forwarder as a FIN").
   */
  default String whyNot(Capability capability) {
    return capability.whyMissing();
  }

  /** A new proxy in front of {@code upstream}, already listening. */
  ProxyControl createProxy(String name, InetSocketAddress upstream);

  /** Deletes every proxy this backend created and releases it. Idempotent. */
  @Override
  void close();
}
