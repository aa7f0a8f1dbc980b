package io.netharness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.payload.Payload;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpPeerTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void threadsReceivingFromOnePeerEachTakeTheirOwnDatagram() throws Exception {
    // receive used to check "one is waiting" and take it in two steps: two threads could both see the last one
    int count = 16;
    try (UdpPeer a = UdpPeer.bind(); UdpPeer b = UdpPeer.bind()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
      try {
        java.util.List<java.util.concurrent.Future<String>> taken = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
          taken.add(pool.submit(() -> new String(b.receive(WAIT).bytes(), UTF_8)));
        }
        for (int i = 0; i < count; i++) {
          a.sendTo(b.address(), Payload.utf8("d" + i));
        }
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<String> f : taken) {
          texts.add(f.get(10, TimeUnit.SECONDS));
        }
        assertThat(texts).containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, count).mapToObj(i -> "d" + i).toList());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void datagramsKeepTheirBoundaries() {
    try (UdpPeer a = UdpPeer.bind(); UdpPeer b = UdpPeer.bind()) {
      a.sendTo(b.address(), Payload.utf8("one")).sendTo(b.address(), Payload.utf8("two"));
      RecordedDatagram first = b.expectDatagram("one".getBytes(UTF_8), UTF_8, WAIT);
      b.expectDatagram("two".getBytes(UTF_8), UTF_8, WAIT);
      assertThat(first.sender()).isEqualTo(a.address());
      assertThat(b.receivedCount()).isEqualTo(2);
      assertThat(a.sentCount()).isEqualTo(2);
    }
  }

  @Test
  void sendingWhereNobodyListensRaisesNoError() {
    int port;
    try (UdpPeer gone = UdpPeer.bind()) {
      port = gone.port();
    }
    try (UdpPeer a = UdpPeer.bind()) {
      a.sendTo(new InetSocketAddress("127.0.0.1", port), Payload.utf8("hello?"));
      a.sendTo(new InetSocketAddress("127.0.0.1", port), Payload.utf8("anyone?"));
      assertThat(a.sentCount()).isEqualTo(2);
      a.expectNothing(Duration.ofMillis(50));
    }
  }

  @Test
  void missingDatagramFailsWithWhatWasReceived() {
    try (UdpPeer b = UdpPeer.bind()) {
      assertThatThrownBy(() -> b.receive(Duration.ofMillis(50)))
          .isInstanceOf(ExpectationFailedException.class)
          .hasMessageContaining("expected a datagram within 50 ms");
      assertThat(b.poll(Duration.ofMillis(10))).isNull();
    }
  }

  @Test
  void oversizedDatagramIsRefusedWithTheLimit() {
    try (UdpPeer a = UdpPeer.bind(); UdpPeer b = UdpPeer.bind()) {
      assertThatThrownBy(() -> a.sendTo(b.address(), new byte[70_000]))
          .isInstanceOf(HarnessException.class)
          .hasMessageContaining("at most 65507 bytes");
    }
  }

  @Test
  void bindingAPortInUseSaysSo() {
    try (UdpPeer a = UdpPeer.bind()) {
      assertThatThrownBy(() -> UdpPeer.bind("b", "127.0.0.1", a.port()))
          .isInstanceOf(HarnessException.class)
          .hasMessageContaining("address already in use");
    }
  }
}
