package io.netharness.internal;

import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Future;

/** Closing a socket with RST instead of FIN (SO_LINGER 0), as the endpoints' {@code abort()} does. */
public final class Resets {
  private Resets() {}

  /**
   * On the channel's event loop (at once if called there), so it cannot close between the check and SO_LINGER;
   * noted in the transcript. The future is done when the RST is sent.
   */
  public static Future<?> reset(Channel channel, Transcript transcript) {
    Runnable reset = () -> {
      if (channel.isOpen()) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        transcript.record(TranscriptEvent.Kind.ABORTED, "RST sent (SO_LINGER 0)");
        channel.close();
      }
    };
    if (channel.eventLoop().inEventLoop()) {
      reset.run();
      return channel.eventLoop().newSucceededFuture(null);
    }
    return channel.eventLoop().submit(reset);
  }
}
