package io.netharness.impairment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Impairments on their own, without sockets: one fate per datagram, as a relay lane makes them. */
@Timeout(30)
class DatagramFateTest {
  private static DatagramFate fate(long seed, long index, int length) {
    DatagramFate fate = new DatagramFate(UdpDirection.UPSTREAM);
    fate.reset(seed, index, length, 1_000_000_000L);
    fate.enter(0);
    return fate;
  }

  @Test
  void drawsDependOnSeedDirectionIndexAndPositionOnly() {
    DatagramFate a = fate(1, 17, 10);
    long first = a.random().nextLong();
    assertThat(fate(1, 17, 10).random().nextLong()).isEqualTo(first);
    assertThat(fate(1, 18, 10).random().nextLong()).isNotEqualTo(first);
    assertThat(fate(2, 17, 10).random().nextLong()).isNotEqualTo(first);
    DatagramFate downstream = new DatagramFate(UdpDirection.DOWNSTREAM);
    downstream.reset(1, 17, 10, 0);
    downstream.enter(0);
    assertThat(downstream.random().nextLong()).isNotEqualTo(first);
    DatagramFate second = fate(1, 17, 10);
    second.enter(1);
    assertThat(second.random().nextLong()).isNotEqualTo(first);
  }

  @Test
  void lossDropsAboutItsProbability() {
    int dropped = 0;
    for (int i = 0; i < 10_000; i++) {
      DatagramFate f = fate(4, i, 10);
      new Loss(0.2).impair(f);
      dropped += f.isDropped() ? 1 : 0;
    }
    assertThat(dropped).isBetween(1_800, 2_200);
  }

  @Test
  void gilbertLossComesInBurstsAtItsMeanRate() {
    BurstLoss model = BurstLoss.gilbert(0.05, 0.25);
    BurstLoss.State state = model.newState();
    List<Integer> bursts = new ArrayList<>();
    int run = 0;
    int lost = 0;
    for (int i = 0; i < 20_000; i++) {
      DatagramFate f = fate(8, i, 10);
      model.impair(f, state);
      if (f.isDropped()) {
        lost++;
        run++;
      } else if (run > 0) {
        bursts.add(run);
        run = 0;
      }
    }
    assertThat(model.meanLoss()).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lost / 20_000.0).isBetween(0.13, 0.20);
    assertThat(bursts.stream().mapToInt(Integer::intValue).average().orElse(0)).isBetween(3.0, 5.0);
  }

  @Test
  void delayStaysWithinJitter() {
    for (int i = 0; i < 1_000; i++) {
      DatagramFate f = fate(3, i, 10);
      Impairments.delay(Duration.ofMillis(10), Duration.ofMillis(4)).impair(f);
      assertThat(f.totalDelay()).isBetween(Duration.ofMillis(6), Duration.ofMillis(14));
    }
  }

  @Test
  void rateSpacesDatagramsByTheirSize() {
    Rate rate = Rate.bytesPerSecond(1_000);
    Rate.State state = rate.newState();
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      DatagramFate f = fate(0, i, 100);
      rate.impair(f, state);
      delays.add(f.totalDelay());
    }
    assertThat(delays).containsExactly(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void corruptFlipsDistinctBitsEvenInTinyDatagrams() {
    DatagramFate f = fate(1, 0, 1);
    new Corrupt(1.0, 20).impair(f);
    assertThat(f.flipCount()).isEqualTo(8);
    assertThat(java.util.stream.IntStream.range(0, 8).map(f::flip).distinct().count()).isEqualTo(8);
  }

  @Test
  void customImpairmentCanDropByIndex() {
    Impairment everyTenth = fate -> {
      if (fate.index() % 10 == 9) {
        fate.drop();
      }
    };
    DatagramFate f = fate(0, 19, 4);
    everyTenth.impair(f);
    assertThat(f.isDropped()).isTrue();
  }
}
