package io.netharness.faults.internal;

import io.netharness.internal.Transports;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The admin API's own event loop, apart from the data path's: however busy the proxied
 * connections keep {@link Transports#group()}, the API reads requests and answers on a thread of
 * its own. One daemon thread, created on first use, of the same transport as the data path.
 *
 * <pre>{@code
 * new ServerBootstrap().group(ControlLoop.group()).channel(Transports.serverChannel()) ...
 * }</pre>
 */
public final class ControlLoop {
  private ControlLoop() {}

  public static EventLoopGroup group() {
    return Holder.GROUP;
  }

  private static final class Holder {
    static final EventLoopGroup GROUP = create();

    private static EventLoopGroup create() {
      IoHandlerFactory factory = Transports.name().equals("epoll") ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
      return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netharness-admin-io", true), factory);
    }
  }
}
