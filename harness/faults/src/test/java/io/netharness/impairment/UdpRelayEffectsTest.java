package io.netharness.impairment;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UdpRelayEffectsTest {
  @Test
  void duplicateOneDeliversEachDatagramTwice() {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address()).upstream(Impairments.duplicate(1.0)).start();
         UdpPeer client = UdpPeer.bind()) {
      Numbered.send(client, relay, 100);
      Map<Integer, Long> copies = Numbered.arrived(target, relay).stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(copies).hasSize(100).allSatisfy((seq, n) -> assertThat(n).isEqualTo(2));
      assertThat(relay.stats(UdpDirection.UPSTREAM).duplicated()).isEqualTo(100);
    }
  }

  @Test
  void reorderDeliversEveryDatagramButOutOfOrder() {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address()).seed(3)
             .upstream(Impairments.reorder(0.2, 3, Duration.ofMillis(200))).start();
         UdpPeer client = UdpPeer.bind()) {
      Numbered.send(client, relay, 200);
      List<Integer> arrived = Numbered.arrived(target, relay);
      assertThat(arrived).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).boxed().toList());
      assertThat(arrived).isNotEqualTo(arrived.stream().sorted().toList());
      long late = IntStream.range(1, arrived.size()).filter(i -> arrived.get(i) < arrived.get(i - 1)).count();
      assertThat(late).isPositive();
      assertThat(relay.stats(UdpDirection.UPSTREAM).reordered()).isPositive();
    }
  }

  @Test
  void corruptFlipsBitsButKeepsTheLength() {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address()).seed(5)
             .upstream(Impairments.corrupt(1.0, 3)).start();
         UdpPeer client = UdpPeer.bind()) {
      Numbered.send(client, relay, 50, 32);
      relay.awaitSettled(Numbered.WAIT);
      target.awaitReceivedCount(50, Numbered.WAIT);
      for (int i = 0; i < 50; i++) {
        byte[] sent = Numbered.datagram(i, 32);
        byte[] got = target.received().get(i).bytes();
        assertThat(got).hasSize(32).isNotEqualTo(sent);
        assertThat(differentBits(sent, got)).isEqualTo(3);
      }
      assertThat(relay.stats(UdpDirection.UPSTREAM).corrupted()).isEqualTo(50);
    }
  }

  @Test
  void delayAndRateDelayButDeliverEverything() {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address())
             .upstream(Impairments.delay(Duration.ofMillis(20), Duration.ofMillis(5)),
                 Impairments.datagramsPerSecond(2_000)).start();
         UdpPeer client = UdpPeer.bind()) {
      Numbered.send(client, relay, 50);
      assertThat(Numbered.arrived(target, relay)).hasSize(50).doesNotHaveDuplicates();
      UdpRelayStats stats = relay.stats(UdpDirection.UPSTREAM);
      assertThat(stats.delayed()).isEqualTo(50);
      assertThat(stats.pending()).isZero();
    }
  }

  @Test
  void aRateLimitNeverReordersEvenWhenDatagramsArriveAsFastAsItLetsThemOut() {
    // arrivals paced at the rate itself: each one comes about when the previous one is due, which is
    // when a late timer used to let the newcomer overtake it
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address())
             .upstream(Impairments.datagramsPerSecond(4_000)).start();
         UdpPeer client = UdpPeer.bind()) {
      long start = System.nanoTime();
      for (int i = 0; i < 400; i++) {
        long due = start + i * 250_000L;
        while (System.nanoTime() - due < 0) {
          Thread.onSpinWait(); // pacing the sender, not waiting for a result
        }
        client.sendTo(relay.address(), Numbered.datagram(i, 4));
      }
      relay.awaitReceived(UdpDirection.UPSTREAM, 400, Numbered.WAIT);
      assertThat(Numbered.arrived(target, relay)).isEqualTo(IntStream.range(0, 400).boxed().toList());
    }
  }

  @Test
  void repliesGoBackToTheClientThatSent() {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address()).start();
         UdpPeer alice = UdpPeer.bind();
         UdpPeer bob = UdpPeer.bind()) {
      alice.sendTo(relay.address(), bytes("alice"));
      bob.sendTo(relay.address(), bytes("bob"));
      for (int i = 0; i < 2; i++) {
        RecordedDatagram d = target.receive(Numbered.WAIT);
        target.sendTo(d.sender(), bytes(new String(d.bytes(), java.nio.charset.StandardCharsets.UTF_8) + "!"));
      }
      assertThat(target.received().get(0).sender()).isNotEqualTo(target.received().get(1).sender());
      assertThat(alice.receive(Numbered.WAIT).bytes()).isEqualTo(bytes("alice!"));
      assertThat(bob.receive(Numbered.WAIT).bytes()).isEqualTo(bytes("bob!"));
      assertThat(alice.received()).allSatisfy(d -> assertThat(d.sender()).isEqualTo(relay.address()));
      assertThat(relay.stats(UdpDirection.DOWNSTREAM).forwarded()).isEqualTo(2);
    }
  }

  @Test
  void countersAddUp() {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address()).seed(11)
             .upstream(Impairments.loss(0.3), Impairments.duplicate(0.5), Impairments.corrupt(0.2),
                 Impairments.reorder(0.1, 2))
             .start();
         UdpPeer client = UdpPeer.bind()) {
      Numbered.send(client, relay, 300, 8);
      List<Integer> arrived = Numbered.arrived(target, relay);
      UdpRelayStats s = relay.stats(UdpDirection.UPSTREAM);
      assertThat(s.received()).isEqualTo(300);
      assertThat(s.forwarded() + s.dropped()).isEqualTo(s.received());
      assertThat(s.pending()).isZero();
      assertThat(arrived).hasSize((int) (s.forwarded() + s.duplicated()));
      assertThat(relay.droppedIndices(UdpDirection.UPSTREAM)).hasSize((int) s.dropped());
      assertThat(s.duplicated()).isPositive().isLessThanOrEqualTo(s.forwarded());
      assertThat(s.corrupted()).isPositive().isLessThanOrEqualTo(s.forwarded());
      assertThat(s.reordered()).isPositive();
      assertThat(relay.stats(UdpDirection.DOWNSTREAM).received()).isZero();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int differentBits(byte[] a, byte[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += Integer.bitCount((a[i] ^ b[i]) & 0xFF);
    }
    return n;
  }
}
