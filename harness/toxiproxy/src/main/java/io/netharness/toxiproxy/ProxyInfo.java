package io.netharness.toxiproxy;

import java.util.List;

/**
 * A proxy as a Toxiproxy server reports it: name, listen address (the bound one once it runs, e.g.
 * {@code 127.0.0.1:40865}), upstream, whether it is enabled, and its toxics (upstream ones first).
 *
 * <pre>{@code
 * ProxyInfo db = api.createProxy("db", "127.0.0.1:0", "127.0.0.1:5432", true);
 * InetSocketAddress connectHere = HostPort.parse(db.listen());
 * }</pre>
 */
public record ProxyInfo(String name, String listen, String upstream, boolean enabled, List<ToxicInfo> toxics) {
  public ProxyInfo {
    toxics = List.copyOf(toxics);
  }

  /** A proxy without toxics, e.g. one entry of {@link ToxiproxyApi#populate(List)}. */
  public ProxyInfo(String name, String listen, String upstream, boolean enabled) {
    this(name, listen, upstream, enabled, List.of());
  }
}
