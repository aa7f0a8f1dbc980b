package io.netharness.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.util.Locale;

/**
 * Picks Netty's native epoll transport where it loads, NIO otherwise, and owns the one shared
 * event loop group every endpoint runs on. {@code -Dnetharness.transport=nio} (or the
 * {@code NETHARNESS_TRANSPORT} environment variable) forces NIO.
 */
public final class Transports {
  private static final boolean NATIVE = chooseNative();
  private static final EventLoopGroup GROUP = newGroup();
  private static final boolean REUSE_PORT = reusePortSupported();

  private Transports() {}

  public static EventLoopGroup group() {
    return GROUP;
  }

  /**
   * The buffer allocator for every channel: Netty's pooled allocator. Netty 4.2's default
   * (adaptive) allocator measured 20-40% slower on 64 KiB loopback reads and writes here, which
   * cost bulk transfers most of their gap to plain sockets (see docs/benchmarks.md).
   */
  public static ByteBufAllocator allocator() {
    return PooledByteBufAllocator.DEFAULT;
  }

  public static String name() {
    return NATIVE ? "epoll" : "nio";
  }

  public static Class<? extends ServerChannel> serverChannel() {
    return NATIVE ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public static Class<? extends SocketChannel> socketChannel() {
    return NATIVE ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  public static Class<? extends DatagramChannel> datagramChannel() {
    return NATIVE ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }

  /**
   * Whether server sockets can share a port with SO_REUSEPORT (Linux): a port can then be handed from one
   * listening socket to another without a moment in which it is free.
   */
  public static boolean portHandOff() {
    return REUSE_PORT;
  }

  /** Sets SO_REUSEPORT on a server bootstrap's listener where {@link #portHandOff()} holds. */
  public static ServerBootstrap sharingPort(ServerBootstrap bootstrap) {
    if (REUSE_PORT) {
      if (NATIVE) {
        bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
      } else {
        bootstrap.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
      }
    }
    return bootstrap;
  }

  private static boolean reusePortSupported() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return false; // elsewhere SO_REUSEPORT means something else (BSD, macOS) or does not exist (Windows)
    }
    try (java.nio.channels.ServerSocketChannel probe = java.nio.channels.ServerSocketChannel.open()) {
      return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean chooseNative() {
    String wanted = System.getProperty("netharness.transport");
    if (wanted == null || wanted.isBlank()) {
      wanted = System.getenv().getOrDefault("NETHARNESS_TRANSPORT", "auto");
    }
    wanted = wanted.trim().toLowerCase(Locale.ROOT);
    if (wanted.equals("nio")) {
      return false;
    }
    try {
      return Epoll.isAvailable();
    } catch (Throwable notOnThisPlatform) {
      return false;
    }
  }

  private static EventLoopGroup newGroup() {
    IoHandlerFactory factory = NATIVE ? ReAddingEpollIoHandler.wrap(EpollIoHandler.newFactory()) : NioIoHandler.newFactory();
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    // Daemon threads: a forgotten endpoint must never keep a test JVM alive.
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("netharness", true), factory);
  }
}
