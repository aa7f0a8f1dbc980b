package io.netharness.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/** Hands every read (or frame) to an {@link InboundBuffer} and notes how the stream ended. */
public final class InboundFeeder extends ChannelInboundHandlerAdapter {
  private final InboundBuffer inbound;

  public InboundFeeder(InboundBuffer inbound) {
    this.inbound = inbound;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      inbound.append(ByteBufUtil.getBytes(buf));
    } finally {
      buf.release();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      inbound.end("closed by the peer (FIN)");
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    inbound.end(WireRecorder.isReset(cause) ? "reset by the peer (RST)" : "failed: " + cause.getMessage());
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    inbound.end("closed");
    ctx.fireChannelInactive();
  }
}
