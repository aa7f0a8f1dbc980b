package io.netharness.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;

/**
 * Picks Netty's native epoll transport where it loads, NIO otherwise, and owns the one shared
 * event loop group every endpoint runs on. {@code -Dnetharness.transport=nio} (or the
 * {@code NETHARNESS_TRANSPORT} environment variable) forces NIO.
 */
public final class Transports {
  private static final boolean NATIVE = chooseNative();
  private static final EventLoopGroup GROUP = newGroup();

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
    IoHandlerFactory factory = NATIVE ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    // Daemon threads: a forgotten endpoint must never keep a test JVM alive.
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("netharness", true), factory);
  }
}
