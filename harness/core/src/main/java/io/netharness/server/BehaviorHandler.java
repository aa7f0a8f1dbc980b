package io.netharness.server;

import io.netharness.TranscriptEvent;
import io.netharness.internal.WireRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/** Feeds the behaviour, applies back-pressure, and records how the connection ended. */
final class BehaviorHandler extends ChannelInboundHandlerAdapter {
  private final ServerConnection connection;
  private final Behavior behavior;
  private final java.util.function.Consumer<ServerConnection> ended;

  BehaviorHandler(ServerConnection connection, Behavior behavior, java.util.function.Consumer<ServerConnection> ended) {
    this.connection = connection;
    this.behavior = behavior;
    this.ended = ended;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    run(ctx, () -> behavior.onConnect(connection));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    if (!behavior.readsMessages() && connection.record().messagesFull()) {
      connection.record().countMessage(); // nobody reads these bytes and the record is full: no copy (bulk uploads)
      buf.release();
      connection.updateReading();
      return;
    }
    byte[] message;
    try {
      message = ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
    connection.record().recordMessage(message);
    run(ctx, () -> behavior.onMessage(connection, message));
    connection.updateReading(); // the client is not reading our replies: stop reading its requests
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    connection.updateReading();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      connection.markPeerClosed();
      run(ctx, () -> behavior.onPeerClosed(connection));
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    connection.markEnded(WireRecorder.isReset(cause) ? CloseReason.PEER_RESET : CloseReason.FAILED);
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connection.markEnded(CloseReason.CLOSED_BY_SERVER); // only if nothing else ended it first
    run(ctx, () -> behavior.onDisconnect(connection));
    ended.accept(connection);
    ctx.fireChannelInactive();
  }

  private void run(ChannelHandlerContext ctx, Callback callback) {
    try {
      callback.call();
    } catch (Exception e) {
      connection.transcript().record(TranscriptEvent.Kind.ERROR, "behavior failed: " + e);
      connection.markEnded(CloseReason.FAILED);
      ctx.close();
    }
  }

  @FunctionalInterface
  private interface Callback {
    void call() throws Exception;
  }
}
