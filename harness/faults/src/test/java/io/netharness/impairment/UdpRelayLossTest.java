package io.netharness.impairment;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.udp.UdpPeer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UdpRelayLossTest {
  private static final int COUNT = 500;

  @Test
  void sameSeedLosesTheSameDatagramsOnEveryRun() {
    Set<Integer> first = lostWith(42, Impairments.loss(0.2));
    Set<Integer> second = lostWith(42, Impairments.loss(0.2));
    assertThat(first).isNotEmpty().isEqualTo(second);
    assertThat(first.size()).isBetween(COUNT / 10, COUNT * 3 / 10);
  }

  @Test
  void differentSeedsLoseDifferentDatagrams() {
    assertThat(lostWith(1, Impairments.loss(0.2))).isNotEqualTo(lostWith(2, Impairments.loss(0.2)));
  }

  @Test
  void zeroLossDeliversEverything() {
    assertThat(lostWith(7, Impairments.loss(0.0))).isEmpty();
  }

  @Test
  void burstLossIsReplayableAndLosesRunsOfDatagrams() {
    Set<Integer> lost = lostWith(9, Impairments.burstLoss(0.05, 0.3));
    assertThat(lost).isEqualTo(lostWith(9, Impairments.burstLoss(0.05, 0.3)));
    assertThat(lost).anyMatch(i -> lost.contains(i + 1));
  }

  @Test
  void blackholeDeliversNothing() {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address()).upstream(Impairments.blackhole()).start();
         UdpPeer client = UdpPeer.bind()) {
      Numbered.send(client, relay, 100);
      UdpRelayStats stats = relay.stats(UdpDirection.UPSTREAM);
      assertThat(stats.dropped()).isEqualTo(100);
      assertThat(stats.forwarded()).isZero();
      assertThat(relay.droppedIndices(UdpDirection.UPSTREAM)).hasSize(100).startsWith(0L, 1L).endsWith(99L);
      assertThat(target.receivedCount()).isZero();
    }
  }

  /** Sends COUNT numbered datagrams through a relay and returns the numbers that did not arrive. */
  private static Set<Integer> lostWith(long seed, Impairment impairment) {
    try (UdpPeer target = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(target.address()).seed(seed).upstream(impairment).start();
         UdpPeer client = UdpPeer.bind()) {
      Numbered.send(client, relay, COUNT);
      List<Integer> arrived = Numbered.arrived(target, relay);
      Set<Integer> lost = IntStream.range(0, COUNT).boxed().collect(Collectors.toCollection(TreeSet::new));
      lost.removeAll(arrived);
      assertThat(arrived).doesNotHaveDuplicates();
      assertThat(relay.droppedIndices(UdpDirection.UPSTREAM)).map(Long::intValue).containsExactlyElementsOf(lost);
      return lost;
    }
  }
}
