package io.netharness.proxy;

import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.faults.internal.AcceptBackoff;
import io.netharness.faults.internal.Loops;
import io.netharness.internal.Connect;
import io.netharness.internal.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The embedded fault proxy: listens (127.0.0.1, ephemeral port by default), and for each client
 * opens a connection to the upstream and copies bytes both ways through the toxics attached to
 * each direction. Toxics added, changed or removed apply to open connections at once; the call
 * returns when they are in force, and never waits on traffic.
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
  /** Reads grow to 256 KiB under bulk traffic (Netty's default stops at 64 KiB): fewer, larger syscalls. */
  private static final RecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(64, 2048, 256 * 1024);
  /** A destination stays writable up to 512 KiB queued, so bulk reads do not stop and start at 64 KiB. */
  private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 512 * 1024);
  private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(5);

  private final String name;
  private final long seed;
  private volatile String listen;
  private volatile String upstream;
  private volatile boolean enabled;
  private volatile ConnectFault connectFault = ConnectFault.none();
  private final List<ToxicAttachment> toxics = new CopyOnWriteArrayList<>();
  private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
  private final Set<Channel> connecting = ConcurrentHashMap.newKeySet();
  private final AtomicLong serials = new AtomicLong();
  /** One toxic change at a time, so every connection sees the changes in the same order. */
  private final Object control = new Object();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong peakPieces = new AtomicLong();
  private final AtomicLong[] received = {new AtomicLong(), new AtomicLong()};
  private final AtomicLong[] sent = {new AtomicLong(), new AtomicLong()};
  private @Nullable Channel listener;
  private volatile @Nullable InetSocketAddress boundAddress;
  private final List<AutoCloseable> blackholeSockets = new ArrayList<>();
  private volatile boolean closed;

  private FaultProxy(Builder builder) {
    this.name = builder.name;
    this.listen = builder.listen;
    this.upstream = builder.upstream;
    this.enabled = builder.enabled;
    this.seed = builder.seed != null ? builder.seed : new SplittableRandom().nextLong();
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  /** Starts listening if enabled. Idempotent. */
  public synchronized FaultProxy start() {
    if (closed) {
      throw new IllegalStateException("proxy \"" + name + "\" is closed");
    }
    if (enabled && listener == null && blackholeSockets.isEmpty()) {
      bind();
    }
    return this;
  }

  /**
   * Whether the upstream is this proxy's own listen address: every connection would come back to
   * the proxy, without end. Such a proxy is refused at start and by {@link #upstream(String)}, and
   * a connection that would loop anyway (a name that resolves to it later) is closed at once.
   */
  public synchronized boolean loopsBack() {
    return boundAddress != null && pointsAt(upstream, boundAddress);
  }

  private static boolean pointsAt(String hostPort, InetSocketAddress listener) {
    try {
      return Loops.reaches(HostPort.parse(hostPort), listener);
    } catch (RuntimeException unparsable) {
      return false;
    }
  }

  private HarnessException loopRefused(String hostPort) {
    return new HarnessException("proxy \"" + name + "\": upstream " + hostPort + " is the proxy's own listen address "
        + (boundAddress == null ? listen : HostPort.format(boundAddress))
        + "; every connection would loop back into it. Point the upstream at the server instead");
  }

  /** Stops listening and closes every connection through it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    unbind();
    closeConnections();
  }

  /** Listens again (on the same port as before if it had one). */
  @Override
  public synchronized void enable() {
    if (!closed && listener == null && blackholeSockets.isEmpty()) {
      bind(); // throws if the port is taken: the proxy then stays disabled
    }
    enabled = true;
  }

  /** Toxiproxy's "down": stops listening and closes every open connection. */
  @Override
  public synchronized void disable() {
    enabled = false;
    unbind();
    closeConnections();
  }

  public boolean isEnabled() {
    return enabled;
  }

  public synchronized boolean isRunning() {
    return listener != null && listener.isActive();
  }

  @Override
  public String name() {
    return name;
  }

  /** The seed of every random choice this proxy makes; the same seed replays the same run. */
  public long seed() {
    return seed;
  }

  /** The address clients connect to: the bound address once started, else the configured one. */
  @Override
  public synchronized InetSocketAddress address() {
    if (boundAddress == null) {
      throw new IllegalStateException("call start() first (proxy \"" + name + "\" is not listening)");
    }
    return boundAddress;
  }

  /** As Toxiproxy reports it: the bound address once started, else what was configured. */
  public synchronized String listen() {
    return boundAddress != null ? HostPort.format(boundAddress) : listen;
  }

  public String upstream() {
    return upstream;
  }

  /** Changes the upstream for new connections; open ones are closed, as Toxiproxy does. */
  public synchronized void upstream(String hostPort) {
    if (boundAddress != null && pointsAt(hostPort, boundAddress)) {
      throw loopRefused(hostPort);
    }
    if (!hostPort.equals(upstream)) {
      upstream = hostPort;
      closeConnections();
    }
  }

  /** Moves the listener; open connections are closed. */
  public synchronized void listen(String hostPort) {
    if (!hostPort.equals(listen())) {
      listen = hostPort;
      boundAddress = null;
      unbind();
      closeConnections();
      if (enabled && !closed) {
        bind();
      }
    }
  }

  public synchronized void connectFault(ConnectFault fault) {
    ConnectFault old = connectFault;
    connectFault = fault;
    if (!enabled || closed) {
      return;
    }
    if (listener != null && acceptsOnListener(old) && acceptsOnListener(fault)) {
      return; // a slow open acts when a connection is accepted: the listener stays
    }
    handOverPort();
  }

  private static boolean acceptsOnListener(ConnectFault fault) {
    return !(fault instanceof ConnectFault.Refuse) && !(fault instanceof ConnectFault.Blackhole);
  }

  /**
   * Moves the port from what holds it now (listener, placeholder or blackhole) to what the connect fault needs.
   * Where SO_REUSEPORT allows, the new holder binds before the old one closes, so there is no moment in which
   * the port is free and an outgoing connection could be given it as its local port (which made the rebind fail).
   * A client connecting to the old listener in that moment, not yet accepted, is reset when it closes.
   */
  private void handOverPort() {
    PreviousHolders old = new PreviousHolders(listener, List.copyOf(blackholeSockets));
    listener = null;
    blackholeSockets.clear();
    RuntimeException sharingRefused = null;
    if (Transports.portHandOff()) {
      try {
        bind(old::close, false);
        return;
      } catch (RuntimeException e) {
        sharingRefused = e;
        unbind(); // whatever the failed bind had set up
      }
    }
    old.close();
    try {
      bind(() -> {}, false);
    } catch (RuntimeException e) {
      if (sharingRefused != null) {
        e.addSuppressed(sharingRefused);
      }
      throw e;
    }
  }

  /** What held the port before a hand-over; closed once, when the new holder has the port. */
  private static final class PreviousHolders {
    private final @Nullable Channel listener;
    private final List<AutoCloseable> sockets;
    private boolean closed;

    PreviousHolders(@Nullable Channel listener, List<AutoCloseable> sockets) {
      this.listener = listener;
      this.sockets = sockets;
    }

    void close() {
      if (!closed) {
        closed = true;
        if (listener != null) {
          listener.close().syncUninterruptibly();
        }
        closeQuietly(sockets);
      }
    }
  }

  public ConnectFault connectFault() {
    return connectFault;
  }

  // ---- toxics ---------------------------------------------------------------------------------

  /** The serial of the newest toxic added so far (0 before the first). */
  long lastToxicSerial() {
    return serials.get();
  }

  /** Adds a toxic named {@code <type>_<direction>} with toxicity 1. */
  public ToxicHandle add(Direction direction, Toxic toxic) {
    return add(toxic.type() + "_" + direction.wireName(), direction, 1.0, toxic);
  }

  /** Adds a toxic at the end of its direction's chain, on open connections too. */
  @Override
  public ToxicHandle add(String toxicName, Direction direction, double toxicity, Toxic toxic) {
    requireToxicity(toxicity);
    synchronized (control) {
      ToxicAttachment attachment;
      synchronized (this) {
        if (toxic(toxicName).isPresent()) {
          throw new HarnessException("toxic already exists: proxy \"" + name + "\" has a toxic named \""
              + toxicName + "\"; remove it first or choose another name");
        }
        attachment = new ToxicAttachment(toxicName, direction, toxicity, toxic, serials.incrementAndGet(), new AtomicLong());
        toxics.add(attachment);
      }
      onEveryConnection("adding toxic " + toxicName, c -> attach(c, attachment));
      return new ToxicHandle(this, toxicName);
    }
  }


  /** Replaces a toxic's settings (and toxicity) on new and open connections. */
  @Override
  public void update(String toxicName, Toxic toxic, double toxicity) {
    requireToxicity(toxicity);
    synchronized (control) {
      ToxicAttachment updated;
      synchronized (this) {
        ToxicAttachment current = toxic(toxicName).orElseThrow(() -> notFound(toxicName));
        if (!current.toxic().type().equals(toxic.type())) {
          throw new HarnessException("toxic \"" + toxicName + "\" is a " + current.toxic().type() + ", not a " + toxic.type());
        }
        updated = current.with(toxic, toxicity);
        toxics.set(toxics.indexOf(current), updated);
      }
      onEveryConnection("updating toxic " + toxicName,
          c -> c.link(updated.direction()).update(updated, applies(c, updated)));
    }
  }


  /** Removes a toxic; what it held is delivered, never dropped. */
  @Override
  public void remove(String toxicName) {
    synchronized (control) {
      ToxicAttachment removed;
      synchronized (this) {
        removed = toxic(toxicName).orElseThrow(() -> notFound(toxicName));
        toxics.remove(removed);
      }
      onEveryConnection("removing toxic " + toxicName, c -> c.link(removed.direction()).remove(toxicName));
    }
  }


  /**
   * Removes every toxic (Toxiproxy's reset, without re-enabling). One removal that cannot take
   * effect in time does not keep the others: all are removed, then the first failure is thrown.
   */
  @Override
  public void removeAll() {
    HarnessException first = null;
    for (ToxicAttachment t : toxics()) {
      try {
        remove(t.name());
      } catch (HarnessException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Toxics in the order they apply: upstream ones first, then downstream, each in insertion order. */
  public List<ToxicAttachment> toxics() {
    List<ToxicAttachment> ordered = new ArrayList<>();
    toxics.stream().filter(t -> t.direction() == Direction.UPSTREAM).forEach(ordered::add);
    toxics.stream().filter(t -> t.direction() == Direction.DOWNSTREAM).forEach(ordered::add);
    return ordered;
  }

  public Optional<ToxicAttachment> toxic(String toxicName) {
    return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst();
  }

  @Override
  public long touchedBytes(String toxicName) {
    return toxic(toxicName).map(ToxicAttachment::touchedBytes).orElse(0L);
  }

  /**
   * The local address of the proxy's upstream socket for the client at {@code clientAddress} —
   * what the server sees as that client's address. Waits up to {@code timeout} for the
   * connection to be set up.
   */
  public Optional<InetSocketAddress> upstreamAddressOf(InetSocketAddress clientAddress, Duration timeout) {
    try {
      io.netharness.internal.Await.until(timeout, () -> findUpstream(clientAddress).isPresent(), () -> "");
    } catch (io.netharness.ExpectationFailedException notThere) {
      return Optional.empty();
    }
    return findUpstream(clientAddress);
  }

  private Optional<InetSocketAddress> findUpstream(InetSocketAddress clientAddress) {
    return connections.stream()
        .filter(c -> clientAddress.equals(c.client().remoteAddress()))
        .map(ProxyConnection::upstreamLocalAddress)
        .findFirst();
  }


  /** Waits until the counters satisfy {@code condition}; the failure shows them. */
  public ProxyStats awaitStats(Duration timeout, java.util.function.Predicate<ProxyStats> condition) {
    io.netharness.internal.Await.until(timeout, () -> condition.test(stats()),
        () -> "proxy \"" + name + "\": its counters did not reach the expected values within "
            + io.netharness.internal.Await.human(timeout) + ": " + stats());
    return stats();
  }

  /** @deprecated the lambda goes last: {@link #awaitStats(Duration, java.util.function.Predicate)} */
  @Deprecated
  public ProxyStats awaitStats(java.util.function.Predicate<ProxyStats> condition, Duration timeout) {
    return awaitStats(timeout, condition);
  }

  public ProxyStats stats() {
    return new ProxyStats(accepted.get(), connections.size(), received[0].get(), sent[0].get(),
        received[1].get(), sent[1].get());
  }

  // ---- internals ------------------------------------------------------------------------------

  private void attach(ProxyConnection connection, ToxicAttachment attachment) {
    long mix = mix(seed, connection.index(), attachment.direction().ordinal(), attachment.serial());
    connection.link(attachment.direction()).add(attachment, new SplittableRandom(mix), applies(connection, attachment));
  }

  /** The toxicity roll for this toxic on this connection: the same seed gives the same answer. */
  private boolean applies(ProxyConnection connection, ToxicAttachment attachment) {
    long mix = mix(seed, connection.index(), attachment.direction().ordinal(), attachment.serial());
    return attachment.toxicity() >= 1.0 || new SplittableRandom(~mix ^ Double.doubleToLongBits(attachment.toxicity()))
        .nextDouble() < attachment.toxicity();
  }


  private void onEveryConnection(String what, Consumer<ProxyConnection> action) {
    List<Future<?>> pending = new ArrayList<>();
    for (ProxyConnection c : connections) {
      Channel channel = c.client();
      if (channel.eventLoop().inEventLoop()) {
        action.accept(c);
      } else {
        Promise<Void> done = channel.eventLoop().newPromise();
        channel.eventLoop().execute(() -> {
          try {
            action.accept(c);
            done.setSuccess(null);
          } catch (RuntimeException e) {
            done.setFailure(e);
          }
        });
        pending.add(done);
      }
    }
    long deadline = System.nanoTime() + CONTROL_TIMEOUT.toNanos();
    for (Future<?> f : pending) {
      // bounded: the control path never hangs on a busy or dead connection
      if (!f.awaitUninterruptibly(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new HarnessException("proxy \"" + name + "\": " + what + " did not take effect on every connection within "
            + CONTROL_TIMEOUT.toSeconds() + " s (an event loop is blocked)");
      }
      if (!f.isSuccess()) {
        throw new HarnessException("proxy \"" + name + "\": " + what + " failed: " + f.cause(), f.cause());
      }
    }
  }


  /** Binds what the connect fault needs on a port this proxy does not hold yet; refuses a loop to itself. */
  private void bind() {
    boolean anyPort = HostPort.parse(listen).getPort() == 0;
    for (int attempt = 1; ; attempt++) {
      bind(() -> {}, true);
      if (!loopsBack()) {
        return;
      }
      unbind();
      boundAddress = null;
      // Asked for any port, the kernel may hand out the upstream's own port (SO_REUSEPORT relaxes its choice,
      // or the upstream is not listening right now): that is not the user's loop, so take another port.
      if (!anyPort || attempt == 5) {
        throw loopRefused(upstream);
      }
    }
  }

  /**
   * Binds what the connect fault needs; {@code thenCloseOld} runs once it holds the port. A {@code fresh} bind of a
   * given port first checks that nothing else holds it: SO_REUSEPORT would otherwise let two proxies share it.
   */
  private void bind(Runnable thenCloseOld, boolean fresh) {
    InetSocketAddress address = boundAddress != null ? boundAddress : HostPort.parse(listen);
    if (fresh && Transports.portHandOff() && address.getPort() != 0) {
      requireFree(address);
    }
    if (connectFault instanceof ConnectFault.Refuse) {
      boundAddress = reservePort(address);
      thenCloseOld.run();
      return;
    }
    if (connectFault instanceof ConnectFault.Blackhole) {
      boundAddress = blackhole(address, thenCloseOld);
      return;
    }
    ChannelFuture bind = Transports.sharingPort(new ServerBootstrap())
        .group(Transports.group())
        .channel(Transports.serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .handler(new AcceptBackoff("proxy \"" + name + "\""))
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.ALLOCATOR, Transports.allocator())
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel client) {
            client.pipeline().addLast("accept", new AcceptHandler());
          }
        })
        .bind(address)
        .awaitUninterruptibly();
    if (!bind.isSuccess()) {
      Throwable cause = bind.cause();
      throw Connect.bindFailure("TCP", address, cause == null ? new IOException("bind cancelled") : cause);
    }
    listener = bind.channel();
    boundAddress = (InetSocketAddress) listener.localAddress();
    thenCloseOld.run();
  }

  private void unbind() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
      listener = null;
    }
    closeQuietly(blackholeSockets);
    blackholeSockets.clear();
  }

  /** SO_REUSEPORT on a placeholder or blackhole socket, so it can take the port over from the listener. */
  private static void sharePort(Socket socket) throws IOException {
    if (Transports.portHandOff()) {
      socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    }
  }

  private static void sharePort(ServerSocket socket) throws IOException {
    if (Transports.portHandOff()) {
      socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    }
  }

  private static void closeQuietly(List<AutoCloseable> sockets) {
    for (AutoCloseable c : sockets) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing a socket we own; nothing to report
      }
    }
  }

  /** Binds without listening: connects are refused, and nothing else can take the port meanwhile. */
  private InetSocketAddress reservePort(InetSocketAddress address) {
    Socket placeholder = new Socket();
    try {
      // with SO_REUSEADDR another non-listening bind could share it; SO_REUSEPORT alone shares it with us only
      placeholder.setReuseAddress(!Transports.portHandOff());
      sharePort(placeholder);
      placeholder.bind(address);
    } catch (IOException e) {
      closeQuietly(List.of(placeholder));
      throw Connect.bindFailure("TCP", address, e);
    }
    blackholeSockets.add(placeholder);
    return new InetSocketAddress(address.getAddress(), placeholder.getLocalPort());
  }

  /** Fails with the usual "port in use" message if anything listens on or holds {@code address}. */
  private static void requireFree(InetSocketAddress address) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(address, 1);
    } catch (IOException e) {
      throw Connect.bindFailure("TCP", address, e);
    }
  }

  /**
   * Listens with a backlog of one and fills it, so the kernel drops further SYNs. The old holder closes before the
   * fillers connect, so none of them is accepted by it instead.
   */
  private InetSocketAddress blackhole(InetSocketAddress address, Runnable thenCloseOld) {
    List<AutoCloseable> made = new ArrayList<>();
    try {
      ServerSocket full = new ServerSocket();
      made.add(full);
      full.setReuseAddress(true);
      sharePort(full);
      full.bind(address, 1);
      thenCloseOld.run();
      InetSocketAddress bound = new InetSocketAddress(address.getAddress(), full.getLocalPort());
      for (int i = 0; i < 3; i++) {
        SocketChannel filler = SocketChannel.open();
        made.add(filler);
        filler.configureBlocking(false);
        filler.connect(bound);
      }
      blackholeSockets.addAll(made);
      return bound;
    } catch (IOException e) {
      closeQuietly(made);
      throw new UncheckedIOException("cannot set up the blackhole on " + address, e);
    }
  }

  private void closeConnections() {
    for (Channel pending : List.copyOf(connecting)) {
      pending.close();
    }
    for (ProxyConnection c : List.copyOf(connections)) {
      c.client().eventLoop().execute(c::close);
    }
  }

  void forget(ProxyConnection connection) {
    connections.remove(connection);
  }

  void notePeakPieces(long pieces) {
    peakPieces.accumulateAndGet(pieces, Math::max);
  }

  /** The most pieces one link of this proxy held at once (queued writes plus pieces held by toxics). */
  long peakPieces() {
    return peakPieces.get();
  }

  void countReceived(Direction direction, long bytes) {
    received[direction.ordinal()].addAndGet(bytes);
  }

  void countSent(Direction direction, long bytes) {
    sent[direction.ordinal()].addAndGet(bytes);
  }

  private HarnessException notFound(String toxicName) {
    return new HarnessException("toxic not found: proxy \"" + name + "\" has no toxic \"" + toxicName
        + "\" (it has " + toxics().stream().map(ToxicAttachment::name).toList() + ")");
  }

  private static void requireToxicity(double toxicity) {
    if (!(toxicity >= 0 && toxicity <= 1)) {
      throw new HarnessException("toxicity is a probability from 0.0 to 1.0, not " + toxicity);
    }
  }

  static long mix(long... values) {
    long h = 0x9E3779B97F4A7C15L;
    for (long v : values) {
      h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  /** Accepts a client: connects to the upstream on the same event loop, then wires the links. */
  private final class AcceptHandler extends ChannelInboundHandlerAdapter {
    // Epoll reports a peer's FIN (EPOLLRDHUP) and reads even with autoRead off, so a client that
    // sends and half-closes at once can deliver bytes before the links exist: keep them for them.
    private final List<Object> early = new ArrayList<>();
    private boolean earlyEnd;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      early.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
        earlyEnd = true;
      } else {
        ctx.fireUserEventTriggered(evt);
      }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      early.forEach(io.netty.util.ReferenceCountUtil::release); // not handed on: the client went away
      early.clear();
    }

    /** The links are wired after this handler: hand them what arrived early, then step aside. */
    void handOver(ChannelHandlerContext ctx) {
      for (Object msg : early) {
        ctx.fireChannelRead(msg);
      }
      early.clear();
      if (earlyEnd) {
        ctx.fireUserEventTriggered(io.netty.channel.socket.ChannelInputShutdownEvent.INSTANCE);
      }
      ctx.pipeline().remove(this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel client = ctx.channel();
      long index = accepted.incrementAndGet(); // at accept, so the seed's draws follow accept order
      connecting.add(client);
      client.closeFuture().addListener(f -> connecting.remove(client));
      ConnectFault fault = connectFault;
      if (fault instanceof ConnectFault.SlowOpen slow) {
        client.eventLoop().schedule(() -> connectUpstream(client, index), slow.delay().toNanos(), TimeUnit.NANOSECONDS);
      } else {
        connectUpstream(client, index);
      }
    }

    private void connectUpstream(Channel client, long index) {
      if (!client.isActive() || !enabled || closed) {
        client.close();
        return;
      }
      InetSocketAddress target;
      try {
        target = HostPort.parse(upstream);
      } catch (RuntimeException e) {
        client.close();
        return;
      }
      InetSocketAddress self = boundAddress;
      if (self != null && Loops.reaches(target, self)) {
        client.close(); // it would connect to this very listener, and so on without end
        return;
      }
      new Bootstrap()
          .group(client.eventLoop())
          .channel(Transports.socketChannel())
          .option(ChannelOption.AUTO_READ, false)
          .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.ALLOCATOR, Transports.allocator())
          .option(ChannelOption.RCVBUF_ALLOCATOR, READS)
          .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
          .handler(new ChannelInboundHandlerAdapter())
          .connect(target)
          .addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
              client.close(); // as Toxiproxy: accepted, then closed (EOF) when the upstream is down
              return;
            }
            Channel server = f.channel();
            server.pipeline().remove(ChannelInboundHandlerAdapter.class);
            ProxyConnection connection = new ProxyConnection(FaultProxy.this, index, client, server);
            connections.add(connection);
            connecting.remove(client);
            for (ToxicAttachment t : toxics) {
              attach(connection, t);
            }
            if (!client.isActive() || !enabled || closed) {
              connection.close(); // disabled while this client was connecting
              return;
            }
            ChannelHandlerContext acceptCtx = client.pipeline().context(this);
            if (acceptCtx != null) {
              handOver(acceptCtx);
            }
            connection.startReading();
          });
    }
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
      this.name = name;
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

    public FaultProxy build() {
      if (upstream.isBlank()) {
        throw new HarnessException("missing required field: upstream — a proxy needs the host:port to forward to");
      }
      return new FaultProxy(this);
    }
  }
}
