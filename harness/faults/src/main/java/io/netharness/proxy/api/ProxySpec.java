package io.netharness.proxy.api;

/**
 * What a client asks for when it creates or populates a proxy: Toxiproxy's {@code name},
 * {@code listen}, {@code upstream} and {@code enabled}. An empty {@code listen} means
 * 127.0.0.1 on a free port (Toxiproxy would listen on every interface).
 *
 * <pre>{@code
 * registry.create(ProxySpec.of("db", "127.0.0.1:0", "127.0.0.1:5432"));
 * }</pre>
 *
 * @param name unique proxy name
 * @param listen {@code host:port} to listen on; empty for loopback on an ephemeral port
 * @param upstream {@code host:port} to forward to, kept verbatim and resolved per connection
 * @param enabled whether the proxy listens right away
 */
public record ProxySpec(String name, String listen, String upstream, boolean enabled) {

  public static ProxySpec of(String name, String listen, String upstream) {
    return new ProxySpec(name, listen, upstream, true);
  }

  /** The address to bind: {@code listen}, or loopback port 0 when it is empty. */
  String bindAddress() {
    return listen.isEmpty() ? "127.0.0.1:0" : listen;
  }
}
