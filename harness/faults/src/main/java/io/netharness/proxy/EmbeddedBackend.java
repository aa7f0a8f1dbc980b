package io.netharness.proxy;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default backend: {@link FaultProxy} instances in this JVM, on 127.0.0.1.
 *
 * <pre>{@code
 * try (FaultBackend backend = new EmbeddedBackend(Optional.of(42L))) {
 *   ProxyControl db = backend.createProxy("db", server.address());
 * }
 * }</pre>
 */
public final class EmbeddedBackend implements FaultBackend {
  private final Optional<Long> seed;
  private final Map<String, FaultProxy> proxies = new ConcurrentHashMap<>();

  public EmbeddedBackend(Optional<Long> seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public FaultProxy createProxy(String name, InetSocketAddress upstream) {
    FaultProxy.Builder builder = FaultProxy.builder().name(name).upstream(upstream);
    seed.ifPresent(s -> builder.seed(ToxicChain.mix(s, name.hashCode())));
    FaultProxy proxy = builder.build().start();
    proxies.put(name, proxy);
    return proxy;
  }

  @Override
  public void close() {
    proxies.values().forEach(FaultProxy::close);
    proxies.clear();
  }
}
