package io.netharness.internal;

import io.netharness.Framing;
import io.netharness.Transcript;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Opens a client connection: the pipeline {@code WireRecorder -> ChunkedWriteHandler -> [frame
 * decoder] -> InboundFeeder}, half-closure allowed, Nagle off, and reading paused while the
 * inbound buffer holds more than it should (flow control).
 */
public final class ClientChannels {
  private ClientChannels() {}

  /** A connected channel plus what records and buffers its traffic. */
  public record Opened(Channel channel, Transcript transcript, InboundBuffer inbound) {}

  public static Opened connect(InetSocketAddress target, Duration connectTimeout, Framing framing, int readBufferBytes) {
    Transcript transcript = new Transcript();
    Channel[] holder = new Channel[1];
    InboundBuffer inbound = new InboundBuffer(
        () -> holder[0].config().setAutoRead(false), () -> holder[0].config().setAutoRead(true));
    Bootstrap bootstrap = new Bootstrap()
        .group(Transports.group())
        .channel(Transports.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
        .option(ChannelOption.ALLOCATOR, Transports.allocator())
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            holder[0] = ch;
            ch.pipeline().addLast("wire", new WireRecorder(transcript));
            ch.pipeline().addLast("chunked", new ChunkedWriteHandler());
            ChannelHandler decoder = framing.newDecoder();
            if (decoder != null) {
              ch.pipeline().addLast("framing", decoder);
            }
            ch.pipeline().addLast("inbound", new InboundFeeder(inbound));
          }
        });
    if (readBufferBytes > 0) {
      bootstrap.option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(readBufferBytes));
    }
    ChannelFuture connect = bootstrap.connect(target);
    connect.awaitUninterruptibly();
    if (!connect.isSuccess()) {
      Throwable cause = connect.cause();
      throw Connect.connectFailure(target, connectTimeout, cause == null ? new IOException("cancelled") : cause);
    }
    return new Opened(connect.channel(), transcript, inbound);
  }
}
