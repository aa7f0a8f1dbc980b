package io.netharness.proxy.api;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Toxiproxy's server timeouts for one admin connection: closed when idle between requests for
 * {@code idle} (Go's IdleTimeout, 60 s) and when a started request has not arrived whole within
 * {@code read} (ReadTimeout, 15 s). So idle or half-sent connections cannot pile up.
 */
final class AdminTimeouts extends ChannelDuplexHandler {
  private final Duration idle;
  private final Duration read;
  private @Nullable ScheduledFuture<?> timer;

  AdminTimeouts(Duration idle, Duration read) {
    this.idle = idle;
    this.read = read;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm(ctx, idle);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      arm(ctx, read); // the rest of the request must follow within the read timeout
    }
    if (msg instanceof LastHttpContent) {
      cancel(); // whole: the server is working on it
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse) {
      promise = promise.unvoid();
      promise.addListener(f -> arm(ctx, idle));
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  private void arm(ChannelHandlerContext ctx, Duration after) {
    cancel();
    timer = ctx.executor().schedule(() -> {
      ctx.close();
    }, after.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
