package io.netharness.faults.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * On a listening channel: when accepting fails (typically "Too many open files"), stops accepting
 * for a while and tries again, doubling the pause up to {@link #MAX_PAUSE} and starting over after
 * an accept succeeds. The error never travels on to Netty's pipeline tail, whose log line could
 * itself fail (a logging backend that must open a file when no descriptor is left) and kill the
 * event loop thread. One warning per episode of failures, never more than one a second.
 *
 * <pre>{@code
 * new ServerBootstrap().handler(new AcceptBackoff("proxy \"db\"")) ...
 * }</pre>
 */
public final class AcceptBackoff extends ChannelInboundHandlerAdapter {
  static final Duration FIRST_PAUSE = Duration.ofMillis(10);
  static final Duration MAX_PAUSE = Duration.ofSeconds(1);
  private static final InternalLogger LOG = InternalLoggerFactory.getInstance(AcceptBackoff.class);

  private final String owner;
  private Duration pause = FIRST_PAUSE;
  private boolean paused;
  private long failures;
  private long lastWarningNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);

  public AcceptBackoff(String owner) {
    this.owner = owner;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object child) {
    pause = FIRST_PAUSE; // accepting works again
    ctx.fireChannelRead(child);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    failures++;
    warn(cause);
    if (paused || !ctx.channel().isOpen()) {
      return;
    }
    paused = true;
    ctx.channel().config().setAutoRead(false);
    ctx.executor().schedule(() -> {
      paused = false;
      if (ctx.channel().isOpen()) {
        ctx.channel().config().setAutoRead(true);
      }
    }, pause.toNanos(), TimeUnit.NANOSECONDS);
    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
  }

  /** Accept failures since the listener started (a test and the robustness suite read this). */
  public long failures() {
    return failures;
  }

  private void warn(Throwable cause) {
    long now = System.nanoTime();
    if (now - lastWarningNanos < TimeUnit.SECONDS.toNanos(1)) {
      return;
    }
    lastWarningNanos = now;
    try {
      LOG.warn("{}: cannot accept a connection ({}); pausing accepts for {} ms and trying again ({} failures so far)",
          owner, cause.getMessage(), pause.toMillis(), failures);
    } catch (Throwable loggingFailed) { // NOPMD: a failing logger must never take the event loop down with it
      // nothing else can be done: the accept loop carries on
    }
  }
}
