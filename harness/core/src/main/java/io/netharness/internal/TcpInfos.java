package io.netharness.internal;

import io.netharness.TcpInfo;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.epoll.EpollTcpInfo;
import java.time.Duration;
import java.util.Optional;

/** Reads TCP_INFO through Netty's epoll channel; NIO channels, and closed ones, have none to give. */
public final class TcpInfos {
  private TcpInfos() {}

  public static Optional<TcpInfo> of(Channel channel) {
    if (!(channel instanceof EpollSocketChannel epoll) || !epoll.isOpen()) {
      return Optional.empty();
    }
    try {
      EpollTcpInfo i = epoll.tcpInfo(); // one getsockopt: safe from any thread
      return Optional.of(new TcpInfo(TcpInfo.stateName(i.state()), micros(i.rtt()), micros(i.rttvar()),
          micros(i.rto()), i.sndCwnd(), i.sndSsthresh(), i.sndMss(), i.pmtu(), i.unacked(), i.lost(),
          i.retransmits(), i.totalRetrans()));
    } catch (ChannelException closedMeanwhile) {
      return Optional.empty();
    }
  }

  private static Duration micros(long micros) {
    return Duration.ofNanos(micros * 1000);
  }
}
