package io.netharness.proxy;

import io.netharness.HostPort;
import io.netharness.faults.internal.AcceptBackoff;
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
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Accepts a proxy's clients: for each, dials the upstream on the client's own event loop (after the slow-open delay,
 * if that connect fault is set), then wires a {@link ProxyConnection} with every toxic the chain has.
 */
final class Acceptor {
  /** Reads grow to 256 KiB under bulk traffic (Netty's default stops at 64 KiB): fewer, larger syscalls. */
  private static final RecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(64, 2048, 256 * 1024);
  /** A destination stays writable up to 512 KiB queued, so bulk reads do not stop and start at 64 KiB. */
  private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 512 * 1024);

  private final FaultProxy proxy;
  private final ProxyCounters counters;
  private final OpenConnections connections;
  private final ToxicChain chain;

  Acceptor(FaultProxy proxy, ProxyCounters counters, OpenConnections connections, ToxicChain chain) {
    this.proxy = proxy;
    this.counters = counters;
    this.connections = connections;
    this.chain = chain;
  }

  /** The listening side: accepted sockets read nothing until their upstream is connected. */
  ServerBootstrap listenerBootstrap(String what) {
    return Transports.sharingPort(new ServerBootstrap())
        .group(Transports.group())
        .channel(Transports.serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .handler(new AcceptBackoff("proxy \"" + what + "\""))
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
        });
  }

  private void connectUpstream(Channel client, long index, AcceptHandler accept) {
    if (!client.isActive() || !proxy.acceptsTraffic()) {
      client.close();
      return;
    }
    InetSocketAddress target;
    try {
      target = HostPort.parse(proxy.upstream());
    } catch (RuntimeException e) {
      client.close();
      return;
    }
    if (proxy.loopsBack()) {
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
          ProxyConnection connection = new ProxyConnection(counters, connections, chain.lastSerial(), index, client, server);
          connections.opened(connection);
          chain.attachAll(connection);
          if (!client.isActive() || !proxy.acceptsTraffic()) {
            connection.close(); // disabled while this client was connecting
            return;
          }
          accept.handOver();
          connection.startReading();
        });
  }

  /** Keeps what a client sends before its upstream is connected, and hands it to the links once they exist. */
  private final class AcceptHandler extends ChannelInboundHandlerAdapter {
    // Epoll reports a peer's FIN (EPOLLRDHUP) and reads even with autoRead off, so a client that
    // sends and half-closes at once can deliver bytes before the links exist: keep them for them.
    private final List<Object> early = new ArrayList<>();
    private boolean earlyEnd;
    private ChannelHandlerContext ctx;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      early.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        earlyEnd = true;
      } else {
        ctx.fireUserEventTriggered(evt);
      }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      early.forEach(ReferenceCountUtil::release); // not handed on: the client went away
      early.clear();
    }

    /** The links are wired after this handler: hand them what arrived early, then step aside. */
    void handOver() {
      if (ctx.isRemoved()) {
        return;
      }
      for (Object msg : early) {
        ctx.fireChannelRead(msg);
      }
      early.clear();
      if (earlyEnd) {
        ctx.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
      }
      ctx.pipeline().remove(this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel client = ctx.channel();
      long index = counters.accepted(); // at accept, so the seed's draws follow accept order
      connections.connecting(client);
      if (proxy.connectFault() instanceof ConnectFault.SlowOpen slow) {
        client.eventLoop().schedule(() -> connectUpstream(client, index, this), slow.delay().toNanos(), TimeUnit.NANOSECONDS);
      } else {
        connectUpstream(client, index, this);
      }
    }
  }
}
