package io.netharness.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.lab.internal.Fate;
import io.netharness.lab.internal.FatePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FatePlanTest {
  private static final Impairment EVERYTHING =
      Impairment.none().withLoss(0.2).withDuplicate(0.1).withReorder(0.1).withCorrupt(0.1);

  @Test
  void theSameSeedGivesEveryPacketTheSameFate() {
    assertThat(fates(42, Direction.A_TO_B, EVERYTHING)).isEqualTo(fates(42, Direction.A_TO_B, EVERYTHING));
  }

  @Test
  void directionsAndSeedsDrawApart() {
    assertThat(fates(42, Direction.A_TO_B, EVERYTHING)).isNotEqualTo(fates(42, Direction.B_TO_A, EVERYTHING));
    assertThat(fates(42, Direction.A_TO_B, EVERYTHING)).isNotEqualTo(fates(43, Direction.A_TO_B, EVERYTHING));
  }

  @Test
  void raisingDuplicationDoesNotChangeWhichPacketsAreLost() {
    List<Long> lost = fates(5, Direction.A_TO_B, Impairment.none().withLoss(0.2)).stream()
        .filter(Fate::dropped).map(Fate::index).toList();
    List<Long> lostWithDuplicates = fates(5, Direction.A_TO_B, Impairment.none().withLoss(0.2).withDuplicate(0.5))
        .stream().filter(Fate::dropped).map(Fate::index).toList();
    assertThat(lostWithDuplicates).isEqualTo(lost);
  }

  @Test
  void twentyPercentLossDropsAboutOneInFive() {
    long dropped = fates(1, Direction.A_TO_B, Impairment.none().withLoss(0.2)).stream().filter(Fate::dropped).count();
    assertThat(dropped).isBetween(160L, 240L);
  }

  @Test
  void burstyLossKeepsTheRateAndLosesInRunsOfTheMeanLength() {
    List<Fate> fates = new ArrayList<>();
    FatePlan plan = new FatePlan(3, Direction.A_TO_B);
    for (int i = 0; i < 20_000; i++) {
      fates.add(plan.next(Impairment.none().withBurstLoss(0.2, 4)));
    }
    long dropped = fates.stream().filter(Fate::dropped).count();
    int runs = 0;
    for (int i = 0; i < fates.size(); i++) {
      if (fates.get(i).dropped() && (i == 0 || !fates.get(i - 1).dropped())) {
        runs++;
      }
    }
    assertThat(dropped).isBetween(3_400L, 4_600L);
    assertThat((double) dropped / runs).isBetween(3.3, 4.7);
    assertThat(fates(3, Direction.A_TO_B, Impairment.none().withBurstLoss(0.2, 4)))
        .isEqualTo(fates(3, Direction.A_TO_B, Impairment.none().withBurstLoss(0.2, 4)));
  }

  @Test
  void jitterSpreadsEachPacketsDelayAroundTheMeanWithTheSameSeedGivingTheSameDelays() {
    Impairment jittery = Impairment.none().withDelay(Duration.ofMillis(20), Duration.ofMillis(10));
    List<Duration> delays = fates(9, Direction.A_TO_B, jittery).stream().map(Fate::delay).toList();
    assertThat(delays).allMatch(d -> d.compareTo(Duration.ofMillis(10)) >= 0 && d.compareTo(Duration.ofMillis(30)) <= 0);
    assertThat(delays.stream().filter(d -> d.compareTo(Duration.ofMillis(15)) < 0).count()).isBetween(200L, 300L);
    assertThat(delays.stream().filter(d -> d.compareTo(Duration.ofMillis(25)) > 0).count()).isBetween(200L, 300L);
    assertThat(fates(9, Direction.A_TO_B, jittery).stream().map(Fate::delay).toList()).isEqualTo(delays);
  }

  @Test
  void jitterChangesNoOtherFateAndNeverMakesADelayNegative() {
    Impairment lossy = EVERYTHING;
    Impairment jittery = EVERYTHING.withDelay(Duration.ofMillis(2), Duration.ofMillis(10));
    assertThat(fates(4, Direction.A_TO_B, jittery).stream().map(f -> f.dropped() + " " + f.corrupted() + " " + f.corruptAt())
        .toList()).isEqualTo(fates(4, Direction.A_TO_B, lossy).stream()
        .map(f -> f.dropped() + " " + f.corrupted() + " " + f.corruptAt()).toList());
    assertThat(fates(4, Direction.A_TO_B, jittery)).allMatch(f -> !f.delay().isNegative())
        .anyMatch(f -> f.delay().isZero());
  }

  @Test
  void aProbabilityOutsideZeroToOneIsRefusedWithTheRange() {
    assertThatThrownBy(() -> Impairment.none().withLoss(20))
        .hasMessageContaining("loss is a probability between 0.0 and 1.0 (20% is 0.2), was 20.0");
  }

  private static List<Fate> fates(long seed, Direction direction, Impairment impairment) {
    FatePlan plan = new FatePlan(seed, direction);
    List<Fate> fates = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      fates.add(plan.next(impairment));
    }
    return fates;
  }
}
