package io.netharness.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Records every raw read on the connection before any framing. */
final class ReadTap extends ChannelInboundHandlerAdapter {
  private final ServerConnection connection;

  ReadTap(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      connection.recordRead(buf);
    }
    ctx.fireChannelRead(msg);
  }
}
