package io.netharness.impairment;

import io.netharness.HarnessException;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.internal.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * A UDP socket that clients send to instead of the target: it forwards each datagram to the
 * target and the target's replies back to the client, impairing both directions from a seed.
 * Each client gets its own upstream socket (like a NAT mapping), so the target sees one source
 * address per client and every reply goes back to the client it belongs to. Those sockets live
 * until the relay closes.
 *
 * <pre>{@code
 * try (UdpRelay relay = UdpRelay.builder().target(server.address()).seed(7)
 *     .upstream(Impairments.loss(0.2)).start()) {
 *   client.sendTo(relay.address(), Payload.utf8("hello"));
 * }
 * }</pre>
 *
 * <p>Datagram {@code n} of a direction (counted from 0 in arrival order, over all clients) meets
 * the same fate on every run with the same seed: each impairment draws from a generator seeded by
 * (seed, direction, n, its position). Only timing-based effects (delay, rate, the reorder
 * time-out) depend on the clock, and they change when a datagram leaves, never whether it does.
 */
public final class UdpRelay implements io.netharness.Endpoint {
  /** Large enough for any UDP payload. */
  static final int RECEIVE_BUFFER_BYTES = 65_536;
  private static final int SOCKET_BUFFER_BYTES = 4 << 20;
  /**
   * Up to 64 datagrams per read event, then one flush for all of them (sendmmsg on epoll). A
   * bare FixedRecvByteBufAllocator reads one datagram per event, which halved the relay's rate.
   */
  private static final RecvByteBufAllocator RECEIVE_ALLOCATOR =
      new FixedRecvByteBufAllocator(RECEIVE_BUFFER_BYTES).maxMessagesPerRead(64);

  private final InetSocketAddress listen;
  private final InetSocketAddress target;
  private final long seed;
  private final Map<UdpDirection, List<Impairment>> impairments;
  private final EventLoop loop = Transports.group().next();
  private final Map<UdpDirection, Lane> lanes = new EnumMap<>(UdpDirection.class);
  private final Map<InetSocketAddress, Session> sessions = new HashMap<>();
  private final List<Session> unflushed = new ArrayList<>();
  private volatile @Nullable Channel channel;
  private volatile boolean closed;

  private UdpRelay(Builder b, InetSocketAddress target) {
    this.listen = new InetSocketAddress(b.host, b.port);
    this.target = target;
    this.seed = b.seed;
    this.impairments = new EnumMap<>(UdpDirection.class);
    for (UdpDirection d : UdpDirection.values()) {
      List<Impairment> list = List.copyOf(b.impairments.get(d));
      impairments.put(d, list);
      lanes.put(d, new Lane(d, seed, loop, list));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the relay's socket. Idempotent; fails fast with a message naming the address. */
  public synchronized UdpRelay start() {
    if (closed) {
      throw new IllegalStateException("this relay was closed: build a new one");
    }
    if (channel != null) {
      return this;
    }
    ChannelFuture bind = datagramBootstrap()
        .handler(new RelayHandlers.FromClients(this))
        .bind(listen)
        .awaitUninterruptibly();
    if (!bind.isSuccess()) {
      Throwable cause = bind.cause();
      throw Connect.bindFailure("UDP relay", listen, cause == null ? new IllegalStateException("cancelled") : cause);
    }
    channel = bind.channel();
    return this;
  }

  Bootstrap datagramBootstrap() {
    return new Bootstrap()
        .group(loop)
        .channel(Transports.datagramChannel())
        .option(ChannelOption.ALLOCATOR, Transports.allocator())
        .option(ChannelOption.RECVBUF_ALLOCATOR, RECEIVE_ALLOCATOR)
        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES);
  }

  /** The address clients send to. */
  public InetSocketAddress address() {
    return (InetSocketAddress) started().localAddress();
  }

  /** "UDP relay to 127.0.0.1:9000", for messages. */
  @Override
  public String name() {
    return "UDP relay to " + io.netharness.HostPort.format(target);
  }

  /** @deprecated use {@link #port()}; endpoints spell their accessors without {@code get} */
  @Deprecated
  public int getPort() {
    return port();
  }

  public InetSocketAddress target() {
    return target;
  }

  /** The seed every random draw derives from; set it with {@link Builder#seed(long)} to replay a run. */
  public long seed() {
    return seed;
  }

  /** @deprecated use {@link #seed()}, as {@code FaultProxy.seed()} */
  @Deprecated
  public long getSeed() {
    return seed;
  }

  public List<Impairment> impairments(UdpDirection direction) {
    return impairments.get(direction);
  }

  public boolean isRunning() {
    Channel c = channel;
    return c != null && c.isOpen();
  }

  /** The counters of one direction, all taken at the same instant. */
  public UdpRelayStats stats(UdpDirection direction) {
    return onLoop(() -> lanes.get(direction).stats());
  }

  /** Indices (from 0, in arrival order) of the datagrams dropped in {@code direction}, ascending. */
  public List<Long> droppedIndices(UdpDirection direction) {
    return onLoop(() -> lanes.get(direction).droppedIndices());
  }

  /** Waits until the relay has received {@code count} datagrams in {@code direction}. */
  public void awaitReceived(UdpDirection direction, long count, Duration timeout) {
    Await.until(timeout, () -> stats(direction).received() >= count,
        () -> this + ": expected " + count + " datagrams " + direction + " within " + Await.human(timeout)
            + ", but " + stats(direction));
  }

  /** Waits until no datagram is held back or delayed in either direction. */
  public void awaitSettled(Duration timeout) {
    Await.until(timeout, () -> stats(UdpDirection.UPSTREAM).pending() == 0
            && stats(UdpDirection.DOWNSTREAM).pending() == 0,
        () -> this + ": datagrams still pending after " + Await.human(timeout) + ": "
            + stats(UdpDirection.UPSTREAM) + ", " + stats(UdpDirection.DOWNSTREAM));
  }

  /** Idempotent: closes the relay's socket and every per-client socket, discarding pending datagrams. */
  @Override
  public void close() {
    Channel c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = channel;
    }
    if (c != null) {
      c.close().syncUninterruptibly();
    }
    onLoop(() -> {
      lanes.values().forEach(Lane::close);
      List<Channel> upstream = new ArrayList<>();
      for (Session s : sessions.values()) {
        s.close(upstream);
      }
      sessions.clear();
      upstream.forEach(Channel::close);
      return null;
    });
  }

  @Override
  public String toString() {
    Channel c = channel;
    return "UdpRelay[" + (c == null ? "not started" : Connect.describe(c.localAddress())) + " -> "
        + Connect.describe(target) + ", seed " + seed + "]";
  }

  // ---- used by the handlers, on the event loop only ----

  Channel started() {
    Channel c = channel;
    if (c == null) {
      throw new IllegalStateException("call start() first");
    }
    return c;
  }

  Lane lane(UdpDirection direction) {
    return lanes.get(direction);
  }

  Session session(InetSocketAddress client) {
    Session s = sessions.get(client);
    if (s == null) {
      s = new Session(this, client);
      sessions.put(client, s);
      s.open(upstreamBindAddress());
    }
    return s;
  }

  void markUnflushed(Session s) {
    unflushed.add(s);
  }

  void flushUpstream() {
    for (Session s : unflushed) {
      s.flush();
    }
    unflushed.clear();
  }

  boolean isClosed() {
    return closed;
  }

  /** Loopback for a loopback target, else the one local address that routes to it; never every interface. */
  private InetSocketAddress upstreamBindAddress() {
    return io.netharness.HostPort.sourceFor(target);
  }

  private <T> T onLoop(Callable<T> task) {
    if (loop.inEventLoop()) {
      try {
        return task.call();
      } catch (Exception e) {
        throw new HarnessException(this + ": " + e, e);
      }
    }
    return loop.submit(task).syncUninterruptibly().getNow();
  }

  /** Where the relay listens, where it forwards to, its seed and its impairments per direction. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private @Nullable InetSocketAddress target;
    private long seed = new SplittableRandom().nextLong();
    private final Map<UdpDirection, List<Impairment>> impairments = new EnumMap<>(UdpDirection.class);

    private Builder() {
      for (UdpDirection d : UdpDirection.values()) {
        impairments.put(d, new ArrayList<>());
      }
    }

    /** Where clients send to; default 127.0.0.1 on a free port (port 0). */
    public Builder listen(String host, int port) {
      if (port < 0 || port > 65_535) {
        throw new HarnessException("UDP relay: listen port must be 0 (any free port) to 65535, not " + port);
      }
      this.host = host;
      this.port = port;
      return this;
    }

    public Builder target(InetSocketAddress target) {
      if (target.isUnresolved()) {
        throw new HarnessException("UDP relay: cannot resolve target host \"" + target.getHostString()
            + "\": check the host name");
      }
      this.target = target;
      return this;
    }

    /** Fixes every random draw; without it the relay picks a seed, which {@link UdpRelay#getSeed()} tells. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Adds impairments for datagrams going {@code direction}, applied in the order added. */
    public Builder impair(UdpDirection direction, Impairment... impairments) {
      this.impairments.get(direction).addAll(List.of(impairments));
      return this;
    }

    /** Adds impairments for client → target, applied in the order added. */
    public Builder upstream(Impairment... impairments) {
      return impair(UdpDirection.UPSTREAM, impairments);
    }

    /** Adds impairments for target → client, applied in the order added. */
    public Builder downstream(Impairment... impairments) {
      return impair(UdpDirection.DOWNSTREAM, impairments);
    }

    /** A relay not started yet. */
    public UdpRelay build() {
      InetSocketAddress t = target;
      if (t == null) {
        throw new HarnessException("UDP relay: no target: call target(address) with the address to forward to");
      }
      return new UdpRelay(this, t);
    }

    /** Builds and starts the relay. */
    public UdpRelay start() {
      return build().start();
    }
  }
}
