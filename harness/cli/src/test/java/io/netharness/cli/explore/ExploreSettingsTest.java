package io.netharness.cli.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExploreSettingsTest {

  @Test
  void valuesAreEvenlySpacedAndIncludeBothEnds() {
    ExploreSettings s = new ExploreSettings(Sweep.LOSS, 0, 0.5, 6, Scale.LINEAR, messages(10), 42, Path.of("out"));

    assertThat(s.values()).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
  }

  @Test
  void theCommandRepeatsTheRun() {
    ExploreSettings s = new ExploreSettings(Sweep.LATENCY, 0, 250, 3, Scale.LINEAR,
        new Workload.Messages(100, 11, Duration.ofMillis(2)), 7, Path.of("out"));

    assertThat(s.command()).isEqualTo("netharness explore --sweep latency --from 0 --to 250 --steps 3 --scale linear"
        + " --workload messages --messages 100 --message-bytes 11 --interval 2ms --seed 7 --out out");
  }

  private static Workload messages(int count) {
    return new Workload.Messages(count, 11, Duration.ofMillis(1));
  }

  @Test
  void chartScalesEndOnARoundNumber() {
    assertThat(SvgChart.niceCeiling(100)).isEqualTo(100);
    assertThat(SvgChart.niceCeiling(412)).isEqualTo(500);
    assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
  }
}
