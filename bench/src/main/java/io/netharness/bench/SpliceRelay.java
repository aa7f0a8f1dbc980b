package io.netharness.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A bare Netty epoll proxy that splices (zero copy, socket → pipe → socket) both directions and
 * counts nothing: the ceiling of a zero-copy proxy on this machine, for the bulk bench.
 */
final class SpliceRelay implements AutoCloseable {
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
  private final Channel listener;

  SpliceRelay(InetSocketAddress upstream) {
    ServerBootstrap server = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
        .childOption(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel client) {
            client.pipeline().addLast(new HalfClose());
            new Bootstrap().group(client.eventLoop()).channel(EpollSocketChannel.class)
                .option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new HalfClose())
                .connect(upstream).addListener(f -> {
                  Channel server1 = ((io.netty.channel.ChannelFuture) f).channel();
                  client.attr(HalfClose.PEER).set(server1);
                  server1.attr(HalfClose.PEER).set(client);
                  ((AbstractEpollStreamChannel) client).spliceTo((AbstractEpollStreamChannel) server1, Integer.MAX_VALUE);
                  ((AbstractEpollStreamChannel) server1).spliceTo((AbstractEpollStreamChannel) client, Integer.MAX_VALUE);
                  client.config().setAutoRead(true);
                  server1.config().setAutoRead(true);
                });
          }
        });
    listener = server.bind(InetAddress.getLoopbackAddress(), 0).syncUninterruptibly().channel();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static final class HalfClose extends ChannelInboundHandlerAdapter {
    static final io.netty.util.AttributeKey<Channel> PEER = io.netty.util.AttributeKey.valueOf("peer");

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        Channel peer = ctx.channel().attr(PEER).get();
        if (peer != null) {
          peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> ((DuplexChannel) peer).shutdownOutput());
        }
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Channel peer = ctx.channel().attr(PEER).get();
      if (peer != null) {
        peer.close();
      }
    }
  }
}
