package io.netharness.proxy;

import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.faults.internal.Loops;
import io.netharness.internal.Connect;
import io.netharness.internal.Transports;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Holds a proxy's port through every connect fault: a listener that accepts, a bound but not listening socket
 * that refuses, or a full backlog that drops SYNs (blackhole). Moving between them never leaves the port free
 * where SO_REUSEPORT allows, so no outgoing connection can be given it as its local port meanwhile.
 */
final class PortHolder {
  private final String proxyName;
  private final Acceptor acceptor;
  private @Nullable Channel listener;
  private volatile @Nullable InetSocketAddress bound;
  private final List<AutoCloseable> sockets = new ArrayList<>();

  PortHolder(String proxyName, Acceptor acceptor) {
    this.proxyName = proxyName;
    this.acceptor = acceptor;
  }

  /** The address held, or the one held last (so enabling again takes the same port); null before the first bind. */
  @Nullable InetSocketAddress bound() {
    return bound;
  }

  boolean holdsPort() {
    return listener != null || !sockets.isEmpty();
  }

  boolean isListening() {
    return listener != null && listener.isActive();
  }

  /** Lets the port go; the next bind takes the configured address again, not the one held last. */
  void releaseAndForget() {
    release();
    bound = null;
  }

  /**
   * Takes the port (the one held last, else {@code configured}) for {@code fault}; refuses a port another holds, and
   * an upstream that is the port itself, since every connection would loop back into the proxy.
   */
  void take(String configured, ConnectFault fault, String upstream) {
    boolean anyPort = HostPort.parse(configured).getPort() == 0;
    for (int attempt = 1; ; attempt++) {
      bind(configured, fault, () -> {}, true);
      if (!pointsHere(upstream)) {
        return;
      }
      releaseAndForget();
      // Asked for any port, the kernel may hand out the upstream's own port (SO_REUSEPORT relaxes its choice,
      // or the upstream is not listening right now): that is not the user's loop, so take another port.
      if (!anyPort || attempt == 5) {
        throw loopRefused(upstream, configured);
      }
    }
  }

  /** Whether a connection to {@code hostPort} would reach the port held (or held last). */
  boolean pointsHere(String hostPort) {
    InetSocketAddress held = bound;
    return held != null && Loops.pointsAt(hostPort, held);
  }

  /** Throws if a connection to {@code upstream} would reach the port held: the proxy would loop into itself. */
  void refuseLoopTo(String upstream, String configured) {
    if (pointsHere(upstream)) {
      throw loopRefused(upstream, configured);
    }
  }

  private HarnessException loopRefused(String upstream, String configured) {
    InetSocketAddress held = bound;
    return new HarnessException("proxy \"" + proxyName + "\": upstream " + upstream + " is the proxy's own listen address "
        + (held != null ? HostPort.format(held) : configured)
        + "; every connection would loop back into it. Point the upstream at the server instead");
  }

  /**
   * Moves the port from what holds it now to what {@code fault} needs. Where SO_REUSEPORT allows, the new holder
   * binds before the old one closes; a client connecting to the old listener in that moment is reset.
   */
  void handOver(String configured, ConnectFault fault) {
    PreviousHolders old = new PreviousHolders(listener, List.copyOf(sockets));
    listener = null;
    sockets.clear();
    RuntimeException sharingRefused = null;
    if (Transports.portHandOff()) {
      try {
        bind(configured, fault, old::close, false);
        return;
      } catch (RuntimeException e) {
        sharingRefused = e;
        release(); // whatever the failed bind had set up
      }
    }
    old.close();
    try {
      bind(configured, fault, () -> {}, false);
    } catch (RuntimeException e) {
      if (sharingRefused != null) {
        e.addSuppressed(sharingRefused);
      }
      throw e;
    }
  }

  /** Accepts again after {@link #down}, or takes the port if it holds none. */
  void up(String configured, ConnectFault fault, String upstream) {
    if (holdsPort()) {
      handOver(configured, fault);
    } else {
      take(configured, fault, upstream);
    }
  }

  /**
   * The proxy is down: refuses connects but keeps the port bound (unlike Toxiproxy, which frees it), so a listener
   * started meanwhile — another scenario's, asking for any port — cannot be given it and answer in its place.
   */
  void down(String configured) {
    if (holdsPort()) {
      handOver(configured, ConnectFault.refuse());
    }
  }

  /** Moves the port to what {@code fault} needs; a slow open acts at accept, so only refuse and blackhole move it. */
  void switchFault(String configured, ConnectFault old, ConnectFault fault) {
    if (!(isListening() && acceptsOnListener(old) && acceptsOnListener(fault))) {
      handOver(configured, fault);
    }
  }

  private static boolean acceptsOnListener(ConnectFault fault) {
    return !(fault instanceof ConnectFault.Refuse) && !(fault instanceof ConnectFault.Blackhole);
  }

  /** Lets the port go (the address is kept for the next bind). */
  void release() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
      listener = null;
    }
    closeQuietly(sockets);
    sockets.clear();
  }

  private void bind(String configured, ConnectFault fault, Runnable thenCloseOld, boolean fresh) {
    InetSocketAddress address = bound != null ? bound : HostPort.parse(configured);
    if (fresh && Transports.portHandOff() && address.getPort() != 0) {
      requireFree(address); // SO_REUSEPORT would otherwise let two proxies share it
    }
    if (fault instanceof ConnectFault.Refuse) {
      bound = reservePort(address);
      thenCloseOld.run();
    } else if (fault instanceof ConnectFault.Blackhole) {
      bound = blackhole(address, thenCloseOld);
    } else {
      ChannelFuture bind = acceptor.listenerBootstrap(proxyName).bind(address).awaitUninterruptibly();
      if (!bind.isSuccess()) {
        Throwable cause = bind.cause();
        throw Connect.bindFailure("TCP", address, cause == null ? new IOException("bind cancelled") : cause);
      }
      listener = bind.channel();
      bound = (InetSocketAddress) listener.localAddress();
      thenCloseOld.run();
    }
  }

  /** Binds without listening: connects are refused, and nothing else can take the port meanwhile. */
  private InetSocketAddress reservePort(InetSocketAddress address) {
    Socket placeholder = new Socket();
    try {
      // with SO_REUSEADDR another non-listening bind could share it; SO_REUSEPORT alone shares it with us only
      placeholder.setReuseAddress(!Transports.portHandOff());
      if (Transports.portHandOff()) {
        placeholder.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      placeholder.bind(address);
    } catch (IOException e) {
      closeQuietly(List.of(placeholder));
      throw Connect.bindFailure("TCP", address, e);
    }
    sockets.add(placeholder);
    return new InetSocketAddress(address.getAddress(), placeholder.getLocalPort());
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
      if (Transports.portHandOff()) {
        full.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      full.bind(address, 1);
      thenCloseOld.run();
      InetSocketAddress held = new InetSocketAddress(address.getAddress(), full.getLocalPort());
      for (int i = 0; i < 3; i++) {
        SocketChannel filler = SocketChannel.open();
        made.add(filler);
        filler.configureBlocking(false);
        filler.connect(held);
      }
      sockets.addAll(made);
      return held;
    } catch (IOException e) {
      closeQuietly(made);
      throw new UncheckedIOException("cannot set up the blackhole on " + address, e);
    }
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

  private static void closeQuietly(List<AutoCloseable> toClose) {
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing a socket we own; nothing to report
      }
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
}
