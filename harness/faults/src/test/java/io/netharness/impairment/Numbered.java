package io.netharness.impairment;

import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/** Datagrams that carry a 4-byte sequence number, sent so that no socket buffer overflows. */
final class Numbered {
  static final Duration WAIT = Duration.ofSeconds(10);
  private static final int WINDOW = 64;

  private Numbered() {}

  static byte[] datagram(int seq, int length) {
    ByteBuffer b = ByteBuffer.allocate(Math.max(4, length));
    b.putInt(seq);
    while (b.hasRemaining()) {
      b.put((byte) (seq + b.position()));
    }
    return b.array();
  }

  static int seq(RecordedDatagram d) {
    return ByteBuffer.wrap(d.bytes()).getInt();
  }

  /** Sends 0..count-1 through the relay, waiting for the relay to take each window of 64. */
  static void send(UdpPeer from, UdpRelay relay, int count) {
    send(from, relay, count, 4);
  }

  static void send(UdpPeer from, UdpRelay relay, int count, int length) {
    long before = relay.stats(UdpDirection.UPSTREAM).received();
    for (int i = 0; i < count; i++) {
      from.sendTo(relay.address(), datagram(i, length));
      if ((i + 1) % WINDOW == 0 || i == count - 1) {
        relay.awaitReceived(UdpDirection.UPSTREAM, before + i + 1, WAIT);
      }
    }
  }

  /** Waits until {@code to} has every datagram the relay sent on upstream, and returns their numbers. */
  static List<Integer> arrived(UdpPeer to, UdpRelay relay) {
    relay.awaitSettled(WAIT);
    UdpRelayStats stats = relay.stats(UdpDirection.UPSTREAM);
    to.awaitReceivedCount((int) (stats.forwarded() + stats.duplicated()), WAIT);
    return to.received().stream().map(Numbered::seq).toList();
  }
}
