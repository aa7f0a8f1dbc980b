package io.netharness.server;

import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.HarnessException;
import io.netharness.Transcript;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.internal.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A TCP server bound to 127.0.0.1 on an ephemeral port unless told otherwise, with a backlog of
 * 128 and SO_REUSEADDR, as in the tutorial. Every connection is handled on its own, by one
 * {@link Behavior}, and recorded as a {@link ServerConnection}.
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start()) {
 *   int port = server.port();
 *   // ... run the code under test against 127.0.0.1:port ...
 *   ServerConnection first = server.takeConnection(Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class TcpServer implements io.netharness.Endpoint {
  private final Builder settings;
  // by accept order: child channels initialise on different event loops, so list order would race
  private final java.util.concurrent.ConcurrentSkipListMap<Integer, ServerConnection> byIndex =
      new java.util.concurrent.ConcurrentSkipListMap<>();
  private final AtomicInteger acceptedCount = new AtomicInteger();
  private static final io.netty.util.AttributeKey<Integer> INDEX = io.netty.util.AttributeKey.valueOf("netharness.index");
  private final AtomicInteger taken = new AtomicInteger();
  private final AtomicInteger forgotten = new AtomicInteger();
  // stayClosed: a connection still registering when close() runs is closed as it joins
  private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE, true);
  private volatile @Nullable Channel listener;
  private volatile boolean closeOnClientFin;
  private volatile @Nullable InetSocketAddress boundAddress;
  private boolean closed;

  private TcpServer(Builder settings) {
    this.settings = settings;
    this.closeOnClientFin = settings.closeOnClientFin;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this server's settings, e.g. to start a twin on another port. */
  public Builder toBuilder() {
    return new Builder(settings);
  }

  /** Binds and starts accepting. A second call does nothing. */
  public synchronized TcpServer start() {
    if (closed) {
      throw new IllegalStateException("server \"" + settings.name + "\" is closed; build a new one");
    }
    if (listener != null) {
      return this;
    }
    InetSocketAddress bindAddress = new InetSocketAddress(settings.host, settings.port);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(Transports.group())
        .channel(Transports.serverChannel())
        .option(ChannelOption.ALLOCATOR, Transports.allocator())
        .childOption(ChannelOption.ALLOCATOR, Transports.allocator())
        .option(ChannelOption.SO_BACKLOG, settings.backlog)
        .option(ChannelOption.SO_REUSEADDR, settings.reuseAddress)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object child) {
            ((Channel) child).attr(INDEX).set(acceptedCount.incrementAndGet()); // numbered in accept order
            ctx.fireChannelRead(child);
          }
        })
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            Integer index = ch.attr(INDEX).get();
            ServerConnection connection = new ServerConnection(index == null ? acceptedCount.incrementAndGet() : index, ch,
                new Transcript(), () -> closeOnClientFin);
            byIndex.put(connection.index(), connection);
            open.add(ch);
            ConnectionPipeline.install(ch.pipeline(), connection, settings.framing, settings.behavior, TcpServer.this::ended);
          }
        });
    if (settings.readBufferBytes > 0) {
      bootstrap.childOption(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(settings.readBufferBytes));
    }
    ChannelFuture bind = bootstrap.bind(bindAddress).awaitUninterruptibly();
    if (!bind.isSuccess()) {
      Throwable cause = bind.cause();
      throw Connect.bindFailure("TCP", bindAddress, cause == null ? new IllegalStateException("bind cancelled") : cause);
    }
    listener = bind.channel();
    boundAddress = (InetSocketAddress) bind.channel().localAddress();
    return this;
  }

  public String name() {
    return settings.name;
  }

  /**
   * The port the server listens on.
   *
   * @deprecated use {@link #port()}; endpoints spell their accessors without {@code get}
   */
  @Deprecated
  public int getPort() {
    return port();
  }

  /** The address clients connect to, e.g. 127.0.0.1:41234. */
  public InetSocketAddress address() {
    InetSocketAddress bound = boundAddress;
    if (bound == null) {
      throw new IllegalStateException("call start() first");
    }
    return bound;
  }

  public boolean isRunning() {
    Channel l = listener;
    return l != null && l.isActive();
  }

  public Framing framing() {
    return settings.framing;
  }

  /** Whether connections close when their client sends FIN; see {@link Builder#closeOnClientFin(boolean)}. */
  public boolean isCloseOnClientFin() {
    return closeOnClientFin;
  }

  /**
   * Changes {@link Builder#closeOnClientFin(boolean)} on a running server, for connections whose
   * FIN arrives from now on.
   */
  public void setCloseOnClientFin(boolean close) {
    this.closeOnClientFin = close;
  }

  /**
   * Every connection so far, in the order they were accepted; without finished ones when the
   * server was built with {@link Builder#keepFinishedConnections(boolean) keepFinishedConnections(false)}.
   */
  public List<ServerConnection> connections() {
    return List.copyOf(byIndex.values());
  }

  /** Connections accepted so far, including finished ones the server no longer keeps. */
  public int connectionCount() {
    return byIndex.size() + forgotten.get();
  }

  /** A connection ended: a server that keeps no finished connections lets go of it (its bytes, its transcript). */
  private void ended(ServerConnection connection) {
    if (!settings.keepFinishedConnections && byIndex.remove(connection.index()) != null) {
      forgotten.incrementAndGet();
    }
  }

  /** Connections still open right now. */
  public long openConnectionCount() {
    return byIndex.values().stream().filter(ServerConnection::isOpen).count();
  }

  /** The connection with this 1-based index, waiting for it to arrive. */
  public ServerConnection connection(int index, Duration timeout) {
    awaitConnections(index, timeout);
    Await.until(timeout, () -> byIndex.containsKey(index),
        () -> "server \"" + settings.name + "\": no connection #" + index + " within " + Await.human(timeout));
    return byIndex.get(index);
  }

  /** The next connection not taken before, waiting up to {@code timeout} for it. */
  public ServerConnection takeConnection(Duration timeout) {
    int next = taken.incrementAndGet();
    try {
      return connection(next, timeout);
    } catch (ExpectationFailedException e) {
      taken.decrementAndGet();
      throw e;
    }
  }

  /** The next connection not taken before, or null if none arrives within {@code timeout}. */
  public @Nullable ServerConnection pollConnection(Duration timeout) {
    int next = taken.get() + 1;
    if (!Await.holdsWithin(timeout, () -> byIndex.containsKey(next))) {
      return null;
    }
    return taken.compareAndSet(next - 1, next) ? byIndex.get(next) : pollConnection(timeout); // another taker won
  }

  public void awaitConnections(int count, Duration timeout) {
    Await.until(timeout, () -> connectionCount() >= count,
        () -> "server \"" + settings.name + "\" (" + describeAddress() + "): expected " + count + " connection"
            + (count == 1 ? "" : "s") + " within " + Await.human(timeout) + ", but " + connectionCount()
            + " arrived");
  }

  /** Pauses reading on every open connection; see {@link ServerConnection#pauseReading()}. */
  public void pauseReading() {
    byIndex.values().forEach(ServerConnection::pauseReading);
  }

  public void resumeReading() {
    byIndex.values().forEach(ServerConnection::resumeReading);
  }

  /** The connection whose remote end is {@code clientAddress}, waiting for it to be accepted. */
  public ServerConnection connectionFrom(InetSocketAddress clientAddress, Duration timeout) {
    Await.until(timeout, () -> byIndex.values().stream().anyMatch(c -> clientAddress.equals(c.remoteAddress())),
        () -> "server \"" + settings.name + "\": expected a connection from " + Connect.describe(clientAddress)
            + " within " + Await.human(timeout) + ", but it has " + byIndex.size() + " other connection(s)");
    return byIndex.values().stream().filter(c -> clientAddress.equals(c.remoteAddress())).findFirst().orElseThrow();
  }

  /** Waits until exactly {@code count} connections are open at once. */
  public void awaitOpenConnections(int count, Duration timeout) {
    Await.until(timeout, () -> openConnectionCount() == count,
        () -> "server \"" + settings.name + "\": expected " + count + " open connections within "
            + Await.human(timeout) + ", but " + openConnectionCount() + " are open (" + connectionCount()
            + " accepted in all)");
  }

  /** Sends bytes to every connection that can still send (see {@link ServerConnection#canSend()}). */
  public void broadcast(byte[] bytes) {
    for (ServerConnection c : byIndex.values()) {
      c.trySend(bytes);
    }
  }

  /** Stops listening and closes every connection. Idempotent. */
  @Override
  public void close() {
    Channel toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = listener;
    }
    // waited on outside the lock: a behaviour on an event loop may call getPort() meanwhile
    if (toClose != null) {
      toClose.close().awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
    }
    open.close().awaitUninterruptibly(5, java.util.concurrent.TimeUnit.SECONDS);
  }

  private String describeAddress() {
    InetSocketAddress bound = boundAddress;
    return bound == null ? "not started" : Connect.describe(bound);
  }

  @Override
  public String toString() {
    return "TcpServer[" + settings.name + " " + describeAddress() + "]";
  }

  /** Server settings. Defaults: 127.0.0.1, port 0 (ephemeral), backlog 128, SO_REUSEADDR, collect. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private int backlog = 128;
    private boolean reuseAddress = true;
    private Behavior behavior = Behaviors.collect();
    private Framing framing = Framing.raw();
    private int readBufferBytes;
    private String name = "server";
    private boolean closeOnClientFin = true;
    private boolean keepFinishedConnections = true;

    private Builder() {}

    private Builder(Builder other) {
      this.host = other.host;
      this.port = other.port;
      this.backlog = other.backlog;
      this.reuseAddress = other.reuseAddress;
      this.behavior = other.behavior;
      this.framing = other.framing;
      this.readBufferBytes = other.readBufferBytes;
      this.name = other.name;
      this.closeOnClientFin = other.closeOnClientFin;
      this.keepFinishedConnections = other.keepFinishedConnections;
    }

    /** The address to listen on: 127.0.0.1 (default), ::1, or another local address. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** 0 (default) picks a free ephemeral port; tests should keep it. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new HarnessException("bad port " + port + ": ports are 0-65535 (0 picks a free one)");
      }
      this.port = port;
      return this;
    }

    public Builder backlog(int backlog) {
      if (backlog < 1) {
        throw new HarnessException("backlog must be at least 1, not " + backlog);
      }
      this.backlog = backlog;
      return this;
    }

    public Builder reuseAddress(boolean reuseAddress) {
      this.reuseAddress = reuseAddress;
      return this;
    }

    public Builder behavior(Behavior behavior) {
      this.behavior = behavior;
      return this;
    }

    /** How reads are cut into messages before the behaviour sees them; raw by default. */
    public Builder framing(Framing framing) {
      this.framing = framing;
      return this;
    }

    /** Read at most this many bytes per read, like {@code recv(1024)}; 0 lets Netty adapt. */
    public Builder readBufferBytes(int bytes) {
      if (bytes < 0) {
        throw new HarnessException("read buffer size cannot be negative: " + bytes);
      }
      this.readBufferBytes = bytes;
      return this;
    }

    /**
     * True (default): when a client shuts down its output (FIN), the server closes the connection
     * too, as the tutorial's server does on an empty read. False: the connection stays open, so
     * the server can still reply to a client that half-closed (request, {@code shutdown(SHUT_WR)},
     * response) until it closes it itself. A behaviour that overrides
     * {@link Behavior#onPeerClosed} decides for itself.
     */
    public Builder closeOnClientFin(boolean close) {
      this.closeOnClientFin = close;
      return this;
    }

    /**
     * True (default): every connection stays in {@link TcpServer#connections()} with its bytes and
     * transcript after it ends, for assertions. False, for long-running servers such as
     * {@code netharness tcp listen}: a connection is dropped when it ends (after
     * {@link Behavior#onDisconnect}), so memory stays flat however many clients come and go;
     * {@link TcpServer#connectionCount()} still counts it.
     */
    public Builder keepFinishedConnections(boolean keep) {
      this.keepFinishedConnections = keep;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** A server with these settings, not started yet: call {@link TcpServer#start()}. */
    /** Builds and starts: the one spelling every endpoint's builder has. */
    public TcpServer start() {
      return build().start();
    }

    public TcpServer build() {
      return new TcpServer(new Builder(this));
    }
  }
}
