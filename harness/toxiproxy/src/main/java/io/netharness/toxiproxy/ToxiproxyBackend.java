package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.proxy.Capability;
import io.netharness.proxy.FaultBackend;
import io.netharness.proxy.ProxyControl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code toxiproxy} fault backend: proxies on a running Toxiproxy server, driven through
 * {@link ToxiproxyApi}. Proxies listen on 127.0.0.1, port 0, when the server is on this machine (on
 * the URL's host when it is elsewhere); {@link #close()} deletes the proxies
 * this backend created, and nothing else.
 *
 * <pre>{@code
 * try (ToxiproxyBackend toxiproxy = ToxiproxyBackend.connect("http://127.0.0.1:8474")) {
 *   ProxyControl db = toxiproxy.createProxy("db", server.address());
 *   db.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(200)));
 * }
 * }</pre>
 */
public final class ToxiproxyBackend implements FaultBackend {
  /** What a Toxiproxy reached without a port forwarder in between shows a client. */
  static final Set<Capability> DIRECT = EnumSet.of(Capability.RESETS, Capability.REFUSAL, Capability.SLICE_BOUNDARIES);

  private final String name;
  private final ToxiproxyApi api;
  private final String description;
  private final Placement placement;
  private final Map<String, RemoteProxy> proxies = new ConcurrentHashMap<>();

  private final Set<Capability> capabilities;

  ToxiproxyBackend(String name, ToxiproxyApi api, String description, Placement placement,
      Set<Capability> capabilities) {
    this.name = name;
    this.api = api;
    this.description = description;
    this.placement = placement;
    this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
  }

  /**
   * A backend on the server at {@code url} (e.g. {@code http://127.0.0.1:8474}); checks that it
   * answers, and throws a {@link HarnessException} that says how to start one if it does not.
   */
  public static ToxiproxyBackend connect(String url) {
    ToxiproxyServer server = ToxiproxyServer.at(url);
    return connect(server, defaultListenHost(server));
  }

  /**
   * Where proxies listen by default: 127.0.0.1 for a server on this machine; for one elsewhere, the
   * address this JVM reaches it at (the URL's host), that one interface and not all of them. A server
   * reached through NAT or a port mapping does not own that address: pass its own with
   * {@link #connect(String, String)} (e.g. {@code "0.0.0.0"}, deliberately).
   */
  static String defaultListenHost(ToxiproxyServer server) {
    return server.isLoopback() ? "127.0.0.1" : server.bareHost();
  }

  /** Like {@link #connect(String)}, with proxies listening on {@code listenHost}. */
  public static ToxiproxyBackend connect(String url, String listenHost) {
    return connect(ToxiproxyServer.at(url), listenHost);
  }

  private static ToxiproxyBackend connect(ToxiproxyServer server, String listenHost) {
    server.requireVersion();
    return new ToxiproxyBackend("toxiproxy", server.api(), "Toxiproxy at " + server.url(),
        new ServerPlacement(server.host(), listenHost), DIRECT);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * What this server gives a scenario. Reached directly: RSTs (from reset_peer on connections that
   * start while it is in the chain), refusal when a proxy is down, and slice boundaries; none of
   * the embedded-only extras (docs/faults.md, "Fidelity"). Behind Docker's port forwarder
   * ({@link TestcontainersBackend} on a bridge network): none at all.
   */
  @Override
  public Set<Capability> capabilities() {
    return EnumSet.copyOf(capabilities);
  }

  @Override
  public ProxyControl createProxy(String proxyName, InetSocketAddress upstream) {
    String listen = placement.listen(proxyName);
    String target = placement.upstream(upstream);
    ProxyInfo proxy;
    try {
      proxy = api.createProxy(proxyName, listen, target, true);
    } catch (ToxiproxyApiException e) {
      placement.released(listen);
      throw new HarnessException("could not create proxy \"" + proxyName + "\" (listen " + listen + ", upstream "
          + target + ") on " + description + ": " + e.getMessage() + hint(e), e);
    }
    RemoteProxy remote = new RemoteProxy(this, api, proxy, placement.applicationAddress(proxy.listen()), listen);
    proxies.put(proxyName, remote);
    return remote;
  }

  /** Deletes every proxy this backend created. Idempotent. */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (RemoteProxy proxy : List.copyOf(proxies.values())) {
      try {
        proxy.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      HarnessException e = new HarnessException("could not delete every proxy on " + description + ": "
          + failures.get(0).getMessage());
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }

  @Override
  public String toString() {
    return name + " backend, " + description;
  }

  String describe() {
    return description;
  }

  void forget(RemoteProxy proxy) {
    proxies.remove(proxy.name(), proxy);
    placement.released(proxy.listen());
  }

  private static String hint(ToxiproxyApiException e) {
    if (e.status() == 409) {
      return " (a proxy of that name is left over from another run or test: delete it with"
          + " `toxiproxy-cli delete <name>`, or POST /reset, or pick another name)";
    }
    return "";
  }

  /** Proxies on a server at a URL: listen where asked, connect to what the server reports. */
  record ServerPlacement(String serverHost, String listenHost) implements Placement {
    @Override
    public String listen(String proxyName) {
      return HostPort.format(InetSocketAddress.createUnresolved(listenHost, 0));
    }

    @Override
    public InetSocketAddress applicationAddress(String reportedListen) {
      InetSocketAddress listen = HostPort.parse(reportedListen);
      InetAddress address = listen.getAddress();
      if (address == null || address.isAnyLocalAddress()) {
        // listening on every interface: this JVM reaches it where it reaches the API
        return new InetSocketAddress(serverHost, listen.getPort());
      }
      return listen;
    }

    @Override
    public String upstream(InetSocketAddress upstream) {
      return HostPort.format(upstream);
    }
  }
}
