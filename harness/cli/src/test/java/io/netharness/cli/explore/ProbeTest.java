package io.netharness.cli.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeTest {

  @Test
  void countsDuplicatesAndLateArrivalsSeparatelyFromDelivery() {
    Probe probe = new Probe(4, 10);
    for (int i = 0; i < 4; i++) {
      probe.sent(i, i * 1_000_000L);
    }
    probe.arrived(0, 5_000_000L);
    probe.arrived(2, 6_000_000L);
    probe.arrived(1, 7_000_000L);
    probe.arrived(2, 8_000_000L);
    probe.arrived(99, 9_000_000L);

    PointResult r = probe.result("UDP", 0.1);

    assertThat(r.delivered()).isEqualTo(3);
    assertThat(r.deliveredPercent()).isEqualTo(75.0);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.outOfOrder()).isEqualTo(1);
    assertThat(r.completion()).isEqualTo(Duration.ofMillis(8));
    assertThat(r.latencyP50()).isEqualTo(Duration.ofMillis(5));
    assertThat(r.latencyP99()).isEqualTo(Duration.ofMillis(6));
    assertThat(r.goodputBytesPerSecond()).isEqualTo(30 / 0.008);
  }

  @Test
  void theShortLastChunkCountsOnlyItsOwnBytesAndIntactNeedsEveryMessage() {
    Probe probe = new Probe(3, 1000, 2500);
    for (int i = 0; i < 3; i++) {
      probe.sent(i, 0);
      probe.arrived(i, 1_000_000_000L);
    }
    Probe missing = new Probe(2, 10);
    missing.sent(0, 0);
    missing.sent(1, 0);
    missing.arrived(1, 5);

    assertThat(probe.result("TCP", 0).goodputBytesPerSecond()).isEqualTo(2500);
    assertThat(probe.result("TCP", 0).intact()).isTrue();
    assertThat(missing.result("UDP", 0).intact()).isFalse();
    assertThat(missing.result("UDP", 0).outOfOrder()).isZero();
  }

  @Test
  void aGarbledArrivalMeansNotIntact() {
    Probe probe = new Probe(1, 11);
    probe.sent(0, 0);
    probe.arrived(0, 5);
    probe.garbled();

    assertThat(probe.result("TCP", 0).delivered()).isEqualTo(1);
    assertThat(probe.result("TCP", 0).intact()).isFalse();
  }

  @Test
  void nothingArrivedMeansZeroesNotErrors() {
    Probe probe = new Probe(2, 10);
    probe.sent(0, 0);
    probe.sent(1, 1);

    PointResult r = probe.result("UDP", 0.5);

    assertThat(r.delivered()).isZero();
    assertThat(r.completion()).isZero();
    assertThat(r.latencyP99()).isZero();
    assertThat(r.goodputBytesPerSecond()).isZero();
  }

  @Test
  void percentilesUseTheNearestRank() {
    List<Long> sorted = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();

    assertThat(Probe.percentile(sorted, 50)).isEqualTo(Duration.ofNanos(50));
    assertThat(Probe.percentile(sorted, 99)).isEqualTo(Duration.ofNanos(99));
  }
}
