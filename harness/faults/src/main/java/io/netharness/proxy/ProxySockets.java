package io.netharness.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/** The two ways a proxied connection's sockets end: RST at once, or FIN after what was written. */
final class ProxySockets {
  private ProxySockets() {}

  /** RST: SO_LINGER 0, then close. */
  static void abort(Channel channel) {
    if (channel.isOpen()) {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
    }
  }

  /**
   * Closes cleanly: pending writes, then FIN, then reads and discards what the peer still sends
   * until its FIN — a socket closed with unread data would send RST instead. Closed for good
   * after one second either way (a peer that neither reads nor closes cannot hold it open).
   */
  static void closeAfterWrites(Channel channel) {
    if (!channel.isOpen()) {
      return;
    }
    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
      if (f.isSuccess() && channel instanceof DuplexChannel duplex && duplex.isActive() && !duplex.isInputShutdown()) {
        duplex.shutdownOutput();
        channel.config().setAutoRead(true);
      } else {
        channel.close();
      }
    });
    channel.eventLoop().schedule(() -> {
      channel.close();
    }, 1, TimeUnit.SECONDS);
  }
}
