package io.netharness.lab;

import static io.netharness.lab.LabAssumptions.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RateLimitTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @BeforeEach
  void needsTheLab() {
    assumeLab();
  }

  @Test
  void aRateLimitedWireSpacesDatagramsByTheirTransmissionTimeAndKeepsTheirOrder() {
    // 1000 bytes of payload + 28 of headers = 8224 bits: 8.2 ms each at 1 Mbit/s
    try (Lab lab = Lab.builder().impair(Direction.A_TO_B, Impairment.none().withRate(1_000_000, 100)).start();
        UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 0));
        UdpPeer sender = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
      for (int i = 0; i < 20; i++) {
        byte[] datagram = new byte[1000];
        datagram[0] = (byte) i;
        sender.sendTo(receiver.address(), datagram);
      }
      receiver.awaitReceivedCount(20, WAIT);
      List<RecordedDatagram> got = receiver.received();
      assertThat(got).extracting(d -> (int) d.bytes()[0]).containsExactlyElementsOf(
          java.util.stream.IntStream.range(0, 20).boxed().toList());
      Duration spread = got.get(19).at().minus(got.get(0).at());
      // 19 transmission times of 8.2 ms = 156 ms after the first; unlimited, all 20 arrive within a few ms. The
      // bound leaves room for a receiver that records the first datagram late on a busy machine.
      assertThat(spread).as("spread of 20 datagrams at 1 Mbit/s").isGreaterThan(Duration.ofMillis(100));
      assertThat(lab.wire().counters(Direction.A_TO_B).queueDrops()).isZero();
    }
  }

  @Test
  void aFullQueueDropsWhatOverflowsItAndCountsIt() {
    try (Lab lab = Lab.builder().impair(Direction.A_TO_B, Impairment.none().withRate(100_000, 5)).start();
        UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 0));
        UdpPeer sender = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
      for (int i = 0; i < 50; i++) {
        sender.sendTo(receiver.address(), new byte[1000]); // 82 ms each at 100 kbit/s: all sent within the first
      }
      org.awaitility.Awaitility.await().atMost(WAIT)
          .until(() -> lab.wire().counters(Direction.A_TO_B).packets() == 50);
      WireCounters counters = lab.wire().counters(Direction.A_TO_B);
      assertThat(counters.queueDrops()).isGreaterThan(0);
      assertThat(counters.forwarded() + counters.queueDrops()).isEqualTo(50);
      receiver.awaitReceivedCount((int) counters.forwarded(), WAIT);
      assertThat(receiver.receivedCount()).isEqualTo(counters.forwarded());
    }
  }
}
