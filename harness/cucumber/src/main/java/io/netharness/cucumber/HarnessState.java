package io.netharness.cucumber;

import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The per-scenario world: endpoints by name, the expectation timeout, the scenario's scratch
 * folder and the last failed attempt. Cucumber makes a new one for every scenario (picocontainer
 * injects it into each step class) and {@link Hooks} closes everything it holds afterwards.
 *
 * <pre>{@code
 * public final class MySteps {
 *   private final HarnessState state;
 *   public MySteps(HarnessState state) { this.state = state; }
 *   @When("{string} pings")
 *   public void pings(String client) { state.client(client).sendText("PING\n", UTF_8); }
 * }
 * }</pre>
 */
public final class HarnessState {
  private final Map<String, TcpServer> servers = new LinkedHashMap<>();
  private final Map<String, TcpClient> clients = new LinkedHashMap<>();
  private final Map<String, UdpPeer> peers = new LinkedHashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, io.netharness.proxy.ProxyControl> proxies = new LinkedHashMap<>();
  private final ProxyRoutes routes = new ProxyRoutes();
  private final ScratchFolder scratch = new ScratchFolder();
  private final Map<String, io.netharness.impairment.UdpRelay> relays = new LinkedHashMap<>();
  private io.netharness.proxy.@Nullable FaultBackend backend;
  private io.netharness.lab.@Nullable Lab lab;
  private Duration timeout = Duration.ofSeconds(5);
  private @Nullable RuntimeException lastFailure;

  public Duration timeout() {
    return timeout;
  }

  public void timeout(Duration timeout) {
    this.timeout = timeout;
  }

  public TcpServer addServer(String name, TcpServer server) {
    requireFreeName(name);
    servers.put(name, server);
    return server;
  }

  public TcpClient addClient(String name, TcpClient client) {
    requireFreeName(name);
    clients.put(name, client);
    return client;
  }

  public UdpPeer addPeer(String name, UdpPeer peer) {
    requireFreeName(name);
    peers.put(name, peer);
    return peer;
  }

  public TcpServer server(String name) {
    TcpServer server = servers.get(name);
    if (server == null) {
      throw unknown(UnknownName.Kind.SERVER, name);
    }
    return server;
  }

  public TcpClient client(String name) {
    TcpClient client = clients.get(name);
    if (client == null) {
      throw unknown(UnknownName.Kind.CLIENT, name);
    }
    return client;
  }

  public UdpPeer peer(String name) {
    UdpPeer peer = peers.get(name);
    if (peer == null) {
      throw unknown(UnknownName.Kind.PEER, name);
    }
    return peer;
  }

  /** The fault backend the configuration names (embedded by default), created on first use. */
  public io.netharness.proxy.FaultBackend backend() {
    if (backend == null) {
      backend = io.netharness.proxy.FaultBackends.fromConfiguration();
    }
    return backend;
  }

  public io.netharness.proxy.ProxyControl addProxy(String name, io.netharness.proxy.ProxyControl proxy) {
    requireFreeName(name);
    proxies.put(name, proxy);
    return proxy;
  }

  public io.netharness.proxy.ProxyControl proxy(String name) {
    io.netharness.proxy.ProxyControl proxy = proxies.get(name);
    if (proxy == null) {
      throw unknown(UnknownName.Kind.PROXY, name);
    }
    return proxy;
  }

  /** The embedded proxy called {@code name}, for what only the embedded backend can do. */
  public io.netharness.proxy.FaultProxy embeddedProxy(String name, String what) {
    if (proxy(name) instanceof io.netharness.proxy.FaultProxy embedded) {
      return embedded;
    }
    throw new HarnessException(what + " needs the embedded fault backend, but this run uses \"" + backend().name()
        + "\": tag the scenario (see docs/faults.md) so it is skipped there, or run with -Dnetharness.faults=embedded");
  }

  public io.netharness.impairment.UdpRelay addRelay(String name, io.netharness.impairment.UdpRelay relay) {
    requireFreeName(name);
    relays.put(name, relay);
    return relay;
  }

  public io.netharness.impairment.UdpRelay relay(String name) {
    var relay = relays.get(name);
    if (relay == null) {
      throw unknown(UnknownName.Kind.RELAY, name);
    }
    return relay;
  }

  /** "proxy "p" used seed 42" for every embedded proxy and relay, for failure reports. */
  public List<String> proxySeeds() {
    List<String> seeds = new ArrayList<>();
    proxies.forEach((name, p) -> {
      if (p instanceof io.netharness.proxy.FaultProxy embedded) {
        seeds.add("proxy \"" + name + "\" used seed " + embedded.seed());
      }
    });
    relays.forEach((name, r) -> seeds.add("UDP relay \"" + name + "\" used seed " + r.seed()));
    return seeds;
  }

  /** Sets the scenario's packet lab; it is closed after every endpoint. */
  public io.netharness.lab.Lab lab(io.netharness.lab.Lab started) {
    if (lab != null) {
      started.close();
      throw new HarnessException("this scenario already has a packet lab: one lab per scenario");
    }
    lab = started;
    return started;
  }

  /** The scenario's packet lab; fails naming the step that starts one. */
  public io.netharness.lab.Lab lab() {
    if (lab == null) {
      throw new HarnessException("no packet lab in this scenario: start one first with 'Given a packet lab with seed 1'");
    }
    return lab;
  }

  /** Remembers that a client connected to a proxy, so server-side steps can find its connection. */
  public void route(String client, String target) {
    routes.route(client, client(client).localAddress(), proxies.get(target), target, timeout);
  }

  /**
   * The address a server sees for {@code client}: its own address, or — when it connected through
   * an embedded proxy — the proxy's upstream socket. Null when a real Toxiproxy hides it.
   */
  public @Nullable InetSocketAddress addressSeenByServer(String client) {
    TcpClient c = client(client);
    var proxy = routes.proxyOf(client).map(proxies::get);
    return proxy.isEmpty() ? c.localAddress() : routes.seenByServer(client, c.localAddress(), proxy.get(), timeout);
  }

  /**
   * The connection of server {@code server} that belongs to client {@code client}, also when the
   * client went through an embedded proxy. Behind a real Toxiproxy the client's address is
   * hidden, so only a server with a single connection can answer.
   */
  public io.netharness.server.ServerConnection serverConnectionOf(String server, String client) {
    TcpServer tcpServer = server(server);
    InetSocketAddress seenAs = addressSeenByServer(client);
    if (seenAs != null) {
      return tcpServer.connectionFrom(seenAs, timeout);
    }
    tcpServer.awaitConnections(1, timeout);
    if (tcpServer.connectionCount() != 1) {
      throw new HarnessException("cannot tell which of " + tcpServer.connectionCount() + " connections of \"" + server
          + "\" is \"" + client + "\" behind this fault backend; use one client per server");
    }
    return tcpServer.connections().get(0);
  }

  public boolean hasServer(String name) {
    return servers.containsKey(name);
  }

  public List<TcpClient> clients() {
    return List.copyOf(clients.values());
  }

  public List<String> clientNames() {
    return List.copyOf(clients.keySet());
  }

  /**
   * Where a client or peer should send: a server or peer name of this scenario, or a literal
   * {@code host:port} such as {@code 127.0.0.1:7000} or {@code [::1]:7000}.
   */
  public InetSocketAddress addressOf(String nameOrAddress) {
    if (servers.containsKey(nameOrAddress)) {
      return servers.get(nameOrAddress).address();
    }
    if (peers.containsKey(nameOrAddress)) {
      return peers.get(nameOrAddress).address();
    }
    if (proxies.containsKey(nameOrAddress)) {
      return proxies.get(nameOrAddress).address();
    }
    if (relays.containsKey(nameOrAddress)) {
      return relays.get(nameOrAddress).address();
    }
    if (nameOrAddress.matches(".*:\\d+$")) {
      return io.netharness.HostPort.parse(nameOrAddress);
    }
    List<String> targets = new ArrayList<>();
    Stream.of(servers.keySet(), peers.keySet(), proxies.keySet(), relays.keySet()).forEach(targets::addAll);
    String near = UnknownName.nearest(nameOrAddress, targets).map(n -> "; did you mean \"" + n + "\"?").orElse("");
    String isClient = clients.containsKey(nameOrAddress)
        ? "; \"" + nameOrAddress + "\" is a TCP client, which nothing can connect or send to" : "";
    throw new HarnessException("\"" + nameOrAddress + "\" is neither an endpoint of this scenario nor a host:port such as"
        + " 127.0.0.1:7000" + (isClient.isEmpty() ? near : isClient) + ". Known: servers " + servers.keySet()
        + ", UDP peers " + peers.keySet() + ", proxies " + proxies.keySet() + ", UDP relays " + relays.keySet());
  }

  /** Remembers a value between steps, e.g. a download's digest. */
  public void put(String key, Object value) {
    values.put(key, value);
  }

  public <T> T get(String key, Class<T> type) {
    return get(key, type, "nothing called \"" + key + "\" was recorded earlier in this scenario");
  }

  /** Like {@link #get(String, Class)}, failing with {@code missing} — a message that says which step to add. */
  public <T> T get(String key, Class<T> type, String missing) {
    Object value = values.get(key);
    if (value == null) {
      throw new HarnessException(missing);
    }
    return type.cast(value);
  }

  /** A folder for this scenario's files, deleted afterwards. */
  public Path scratch() {
    return scratch.path();
  }

  /** Runs an action that is expected to fail, remembering how. */
  public void attempt(Runnable action) {
    lastFailure = null;
    try {
      action.run();
    } catch (RuntimeException e) {
      lastFailure = e;
    }
  }

  public @Nullable RuntimeException lastFailure() {
    return lastFailure;
  }

  /** Closes every endpoint (clients first), deletes the scratch folder. */
  public void closeAll() {
    List<RuntimeException> problems = new ArrayList<>();
    Stream.of(clients.values(), peers.values(), relays.values(), proxies.values(), servers.values())
        .flatMap(java.util.Collection::stream)
        .forEach(endpoint -> {
          try {
            ((AutoCloseable) endpoint).close();
          } catch (Exception e) {
            problems.add(new RuntimeException("closing " + endpoint + " failed", e));
          }
        });
    clients.clear();
    peers.clear();
    proxies.clear();
    relays.clear();
    servers.clear();
    routes.clear();
    if (lab != null) {
      try {
        lab.close(); // after the endpoints: their sockets live in its namespaces
      } catch (RuntimeException e) {
        problems.add(e);
      }
      lab = null;
    }
    if (backend != null) {
      try {
        backend.close();
      } catch (RuntimeException e) {
        problems.add(e);
      }
      backend = null;
    }
    try {
      scratch.delete();
    } catch (RuntimeException e) {
      problems.add(e);
    }
    if (!problems.isEmpty()) {
      RuntimeException first = problems.get(0);
      problems.subList(1, problems.size()).forEach(first::addSuppressed); // none is lost
      throw first;
    }
  }

  private void requireFreeName(String name) {
    if (servers.containsKey(name) || clients.containsKey(name) || peers.containsKey(name) || proxies.containsKey(name)
        || relays.containsKey(name)) {
      throw new HarnessException("the name \"" + name + "\" is already used in this scenario: give each endpoint its own name");
    }
  }

  private HarnessException unknown(UnknownName.Kind kind, String name) {
    String target = kind == UnknownName.Kind.RELAY
        ? peers.keySet().stream().findFirst().orElse("peer")
        : servers.keySet().stream().findFirst().orElse("srv");
    Map<UnknownName.Kind, java.util.Collection<String>> known = new java.util.EnumMap<>(UnknownName.Kind.class);
    known.put(UnknownName.Kind.SERVER, servers.keySet());
    known.put(UnknownName.Kind.CLIENT, clients.keySet());
    known.put(UnknownName.Kind.PEER, peers.keySet());
    known.put(UnknownName.Kind.PROXY, proxies.keySet());
    known.put(UnknownName.Kind.RELAY, relays.keySet());
    return UnknownName.of(kind, name, known, target);
  }
}
