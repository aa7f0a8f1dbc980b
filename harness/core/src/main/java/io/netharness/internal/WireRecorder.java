package io.netharness.internal;

import io.netharness.Transcript;
import io.netharness.TranscriptEvent.Kind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.IOException;
import java.util.Locale;

/**
 * First handler of every TCP pipeline: records each raw read and write, FIN, RST, errors and the
 * close into a {@link Transcript}, before any framing, so the transcript shows what really went
 * over the wire.
 */
public final class WireRecorder extends ChannelDuplexHandler {
  private final Transcript transcript;

  public WireRecorder(Transcript transcript) {
    this.transcript = transcript;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    transcript.record(Kind.CONNECTED, ctx.channel().localAddress() + " <-> " + ctx.channel().remoteAddress());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      int length = buf.readableBytes();
      byte[] kept = transcript.wantsBytes(length) ? ByteBufUtil.getBytes(buf) : new byte[0];
      transcript.recordData(Kind.RECEIVED, kept, length, "");
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf buf) {
      int length = buf.readableBytes();
      byte[] kept = transcript.wantsBytes(length) ? ByteBufUtil.getBytes(buf) : new byte[0];
      transcript.recordData(Kind.SENT, kept, length, "");
    } else if (msg instanceof FileRegion region) {
      long length = region.count();
      transcript.recordData(Kind.SENT, new byte[0], (int) Math.min(Integer.MAX_VALUE, length), "file region");
    }
    ctx.write(msg, promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      transcript.record(Kind.PEER_CLOSED, "FIN: the peer closed its side (an empty read)");
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (isReset(cause)) {
      transcript.record(Kind.PEER_RESET, "RST: " + cause.getMessage());
    } else {
      transcript.record(Kind.ERROR, String.valueOf(cause));
    }
    ctx.fireExceptionCaught(cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    transcript.record(Kind.CLOSED, "");
    ctx.fireChannelInactive();
  }

  /** True for "Connection reset by peer" on NIO and on epoll (ECONNRESET). */
  public static boolean isReset(Throwable cause) {
    String message = cause.getMessage();
    return cause instanceof IOException
        && message != null
        && message.toLowerCase(Locale.ROOT).contains("connection reset");
  }
}
