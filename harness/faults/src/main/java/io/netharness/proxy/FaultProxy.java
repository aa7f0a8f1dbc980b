package io.netharness.proxy;

import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.internal.Await;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The embedded fault proxy: listens (127.0.0.1, ephemeral port by default), and for each client
 * opens a connection to the upstream and copies bytes both ways through the toxics attached to
 * each direction. Toxics added, changed or removed apply to open connections at once; the call
 * returns when they are in force, and never waits on traffic. A façade over a {@link ToxicChain},
 * a {@link PortHolder} (the port, through every connect fault) and an {@link Acceptor} (the clients).
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.builder().upstream(server.address()).seed(42).build().start()) {
 *   try (ToxicHandle slow = proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(200)))) {
 *     TcpClient client = TcpClient.connect(proxy.address());   // every reply now 200 ms late
 *   }
 * }
 * }</pre>
 */
public final class FaultProxy implements ProxyControl {
  private final String name;
  private final long seed;
  private volatile String listen;
  private volatile String upstream;
  private volatile boolean enabled;
  private volatile boolean closed;
  private volatile ConnectFault connectFault = ConnectFault.none();
  private final ProxyCounters counters = new ProxyCounters();
  private final OpenConnections connections = new OpenConnections();
  private final ToxicChain chain;
  private final PortHolder port;

  private FaultProxy(Builder builder) {
    this.name = builder.name;
    this.listen = builder.listen;
    this.upstream = builder.upstream;
    this.enabled = builder.enabled;
    this.seed = builder.seed != null ? builder.seed : new SplittableRandom().nextLong();
    this.chain = new ToxicChain(name, seed, connections);
    this.port = new PortHolder(name, new Acceptor(this, counters, connections, chain));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening if enabled. Idempotent. */
  public synchronized FaultProxy start() {
    if (closed) {
      throw new IllegalStateException("proxy \"" + name + "\" is closed");
    }
    if (enabled && !port.holdsPort()) {
      port.take(listen, connectFault, upstream);
    }
    return this;
  }

  /** Stops listening and closes every connection through it. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      port.release();
      connections.closeAll();
    }
  }

  /** Listens again, on the port it kept while down (or binds it, if it never had one; throws if that is taken). */
  @Override
  public synchronized void enable() {
    if (!closed && (!enabled || !port.holdsPort())) {
      port.up(listen, connectFault, upstream);
    }
    enabled = true;
  }

  /** Toxiproxy's "down": closes every connection and refuses new ones, keeping the port bound so nothing takes it. */
  @Override
  public synchronized void disable() {
    if (enabled) {
      port.down(listen);
    }
    enabled = false;
    connections.closeAll();
  }

  public boolean isEnabled() {
    return enabled;
  }

  public synchronized boolean isRunning() {
    return port.isListening();
  }

  /** Whether new clients are wired to the upstream (enabled and not closed). */
  boolean acceptsTraffic() {
    return enabled && !closed;
  }

  @Override
  public String name() {
    return name;
  }

  /** The seed of every random choice this proxy makes; the same seed replays the same run. */
  public long seed() {
    return seed;
  }

  /** The address clients connect to once started. */
  @Override
  public InetSocketAddress address() {
    InetSocketAddress bound = port.bound();
    if (bound == null) {
      throw new IllegalStateException("call start() first (proxy \"" + name + "\" is not listening)");
    }
    return bound;
  }

  /** As Toxiproxy reports it: the bound address once started, else what was configured. */
  public String listen() {
    InetSocketAddress bound = port.bound();
    return bound != null ? HostPort.format(bound) : listen;
  }

  public String upstream() {
    return upstream;
  }

  /** Changes the upstream for new connections; open ones are closed, as Toxiproxy does. */
  public synchronized void upstream(String hostPort) {
    port.refuseLoopTo(hostPort, listen);
    if (!hostPort.equals(upstream)) {
      upstream = hostPort;
      connections.closeAll();
    }
  }

  /** Moves the listener; open connections are closed. */
  public synchronized void listen(String hostPort) {
    if (!hostPort.equals(listen())) {
      listen = hostPort;
      port.releaseAndForget();
      connections.closeAll();
      if (enabled && !closed) {
        port.take(listen, connectFault, upstream);
      }
    }
  }

  public ConnectFault connectFault() {
    return connectFault;
  }

  /** Sets how new connections are opened (refused, blackholed, slow); the port stays held throughout. */
  public synchronized void connectFault(ConnectFault fault) {
    ConnectFault old = connectFault;
    connectFault = fault;
    if (enabled && !closed) {
      port.switchFault(listen, old, fault);
    }
  }

  /** Whether the upstream is the proxy's own port, a loop without end: refused, and such connections closed. */
  public boolean loopsBack() {
    return port.pointsHere(upstream);
  }

  /** Adds a toxic named {@code <type>_<direction>} with toxicity 1. */
  public ToxicHandle add(Direction direction, Toxic toxic) {
    return add(toxic.type() + "_" + direction.wireName(), direction, 1.0, toxic);
  }

  @Override
  public ToxicHandle add(String toxicName, Direction direction, double toxicity, Toxic toxic) {
    chain.add(toxicName, direction, toxicity, toxic);
    return new ToxicHandle(this, toxicName);
  }

  @Override
  public void update(String toxicName, Toxic toxic, double toxicity) {
    chain.update(toxicName, toxic, toxicity);
  }

  @Override
  public void remove(String toxicName) {
    chain.remove(toxicName);
  }

  @Override
  public void removeAll() {
    chain.removeAll();
  }

  /** Toxics in the order they apply: upstream ones first, then downstream, each in insertion order. */
  public List<ToxicAttachment> toxics() {
    return chain.ordered();
  }

  public Optional<ToxicAttachment> toxic(String toxicName) {
    return chain.find(toxicName);
  }

  @Override
  public long touchedBytes(String toxicName) {
    return toxic(toxicName).map(ToxicAttachment::touchedBytes).orElse(0L);
  }

  /** The upstream socket's local address for the client at {@code clientAddress}: what the server sees. */
  public Optional<InetSocketAddress> upstreamAddressOf(InetSocketAddress clientAddress, Duration timeout) {
    Await.holdsWithin(timeout, () -> connections.upstreamOf(clientAddress).isPresent());
    return connections.upstreamOf(clientAddress);
  }

  /** Waits until the counters satisfy {@code condition}; the failure shows them. */
  public ProxyStats awaitStats(Duration timeout, Predicate<ProxyStats> condition) {
    Await.until(timeout, () -> condition.test(stats()), () -> "proxy \"" + name
        + "\": its counters did not reach the expected values within " + Await.human(timeout) + ": " + stats());
    return stats();
  }

  public ProxyStats stats() {
    return counters.stats(connections.size());
  }

  long peakPieces() {
    return counters.peakPieces();
  }

  /** Bytes that went through {@link SpliceRelay} instead of the links, for tests. */
  long splicedBytes() {
    return counters.splicedBytes();
  }

  @Override
  public String toString() {
    return "FaultProxy[" + name + " " + listen() + " -> " + upstream + (enabled ? "" : " (disabled)") + "]";
  }

  /** Proxy settings. Defaults: name "proxy", listen 127.0.0.1:0, enabled, a random seed. */
  public static final class Builder {
    private String name = "proxy";
    private String listen = "127.0.0.1:0";
    private String upstream = "";
    private boolean enabled = true;
    private @Nullable Long seed;

    private Builder() {}

    public Builder name(String name) {
      this.name = Names.require("proxy name", name);
      return this;
    }

    /** {@code host:port} to listen on; loopback unless you name another address. */
    public Builder listen(String hostPort) {
      HostPort.parse(hostPort);
      this.listen = hostPort;
      return this;
    }

    /** {@code host:port} of the upstream; resolved per connection, like Toxiproxy. */
    public Builder upstream(String hostPort) {
      this.upstream = hostPort;
      return this;
    }

    public Builder upstream(InetSocketAddress address) {
      return upstream(HostPort.format(address));
    }

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Seeds every random choice (toxicity, jitter, slice sizes, loss). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds and starts: the one spelling every endpoint's builder has. */
    public FaultProxy start() {
      return build().start();
    }

    public FaultProxy build() {
      if (upstream.isBlank()) {
        throw new HarnessException("missing required field: upstream — a proxy needs the host:port to forward to");
      }
      return new FaultProxy(this);
    }
  }
}
