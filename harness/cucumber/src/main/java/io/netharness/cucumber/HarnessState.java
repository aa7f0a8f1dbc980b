package io.netharness.cucumber;

import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import io.netharness.cucumber.UnknownName.Kind;
import io.netharness.impairment.UdpRelay;
import io.netharness.proxy.FaultBackend;
import io.netharness.proxy.FaultBackends;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.ProxyControl;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final ScenarioEndpoints endpoints = new ScenarioEndpoints();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final ProxyRoutes routes = new ProxyRoutes();
  private final ScratchFolder scratch = new ScratchFolder();
  private @Nullable FaultBackend backend;
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
    return endpoints.add(name, server);
  }

  public TcpClient addClient(String name, TcpClient client) {
    return endpoints.add(name, client);
  }

  public UdpPeer addPeer(String name, UdpPeer peer) {
    return endpoints.add(name, peer);
  }

  public ProxyControl addProxy(String name, ProxyControl proxy) {
    return endpoints.add(name, proxy);
  }

  public UdpRelay addRelay(String name, UdpRelay relay) {
    return endpoints.add(name, relay);
  }

  public TcpServer server(String name) {
    return endpoints.get(Kind.SERVER, name);
  }

  public TcpClient client(String name) {
    return endpoints.get(Kind.CLIENT, name);
  }

  public UdpPeer peer(String name) {
    return endpoints.get(Kind.PEER, name);
  }

  public ProxyControl proxy(String name) {
    return endpoints.get(Kind.PROXY, name);
  }

  public UdpRelay relay(String name) {
    return endpoints.get(Kind.RELAY, name);
  }

  public boolean hasServer(String name) {
    return endpoints.has(Kind.SERVER, name);
  }

  public List<TcpClient> clients() {
    return List.copyOf(endpoints.<TcpClient>all(Kind.CLIENT).values());
  }

  public List<String> clientNames() {
    return List.copyOf(endpoints.all(Kind.CLIENT).keySet());
  }

  /**
   * Where a client or peer should send: a server, peer, proxy or relay name of this scenario, or a literal
   * {@code host:port} such as {@code 127.0.0.1:7000} or {@code [::1]:7000}.
   */
  public InetSocketAddress addressOf(String nameOrAddress) {
    return endpoints.addressOf(nameOrAddress);
  }

  /** The fault backend the configuration names (embedded by default), created on first use. */
  public FaultBackend backend() {
    if (backend == null) {
      backend = FaultBackends.fromConfiguration();
    }
    return backend;
  }

  /** The embedded proxy called {@code name}, for what only the embedded backend can do. */
  public FaultProxy embeddedProxy(String name, String what) {
    if (proxy(name) instanceof FaultProxy embedded) {
      return embedded;
    }
    throw new HarnessException(what + " needs the embedded fault backend, but this run uses \"" + backend().name()
        + "\": tag the scenario (see docs/faults.md) so it is skipped there, or run with -Dnetharness.faults=embedded");
  }

  /** "proxy "p" used seed 42" for every embedded proxy and relay, for failure reports. */
  public List<String> proxySeeds() {
    List<String> seeds = new ArrayList<>();
    endpoints.<ProxyControl>all(Kind.PROXY).forEach((name, p) -> {
      if (p instanceof FaultProxy embedded) {
        seeds.add("proxy \"" + name + "\" used seed " + embedded.seed());
      }
    });
    endpoints.<UdpRelay>all(Kind.RELAY).forEach((name, r) -> seeds.add("UDP relay \"" + name + "\" used seed " + r.seed()));
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
    ProxyControl proxy = endpoints.has(Kind.PROXY, target) ? proxy(target) : null;
    routes.route(client, client(client).localAddress(), proxy, target, timeout);
  }

  /**
   * The address a server sees for {@code client}: its own address, or — when it connected through
   * an embedded proxy — the proxy's upstream socket. Null when a real Toxiproxy hides it.
   */
  public @Nullable InetSocketAddress addressSeenByServer(String client) {
    TcpClient c = client(client);
    var proxy = routes.proxyOf(client).filter(p -> endpoints.has(Kind.PROXY, p)).map(this::proxy);
    return proxy.isEmpty() ? c.localAddress() : routes.seenByServer(client, c.localAddress(), proxy.get(), timeout);
  }

  /**
   * The connection of server {@code server} that belongs to client {@code client}, also when the
   * client went through an embedded proxy. Behind a real Toxiproxy the client's address is
   * hidden, so only a server with a single connection can answer.
   */
  public ServerConnection serverConnectionOf(String server, String client) {
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

  /** Closes every endpoint (clients first), the fault backend, deletes the scratch folder; every failure is kept. */
  public void closeAll() {
    List<RuntimeException> problems = new ArrayList<>();
    endpoints.closeAll(problems);
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
}
