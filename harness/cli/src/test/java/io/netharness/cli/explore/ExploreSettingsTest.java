package io.netharness.cli.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
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
        + " --workload messages --messages 100 --message-bytes 11 --interval 2ms --seed 7 --report-dir out");
  }

  @Test
  void logScaleSpacesPointsByEqualRatios() {
    assertThat(Scale.LOG.values(1, 1024, 6, true)).containsExactly(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0);
    assertThat(Scale.LOG.values(8, 1024, 8, true)).containsExactly(8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0);
  }

  @Test
  void wholeValuedSweepsRoundAndDropRepeats() {
    assertThat(Scale.LOG.values(1, 4, 6, true)).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(Scale.LINEAR.values(0, 10, 4, true)).containsExactly(0.0, 3.0, 7.0, 10.0);
    assertThat(new ExploreSettings(Sweep.SLICER, 1, 4, 6, Sweep.SLICER.defaultScale(), messages(10), 42, Path.of("out"))
        .values()).containsExactly(1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void eachSweepRunsTheProtocolsItHasACounterpartOn() {
    assertThat(Sweep.BANDWIDTH.protocols()).containsExactly("TCP", "UDP");
    assertThat(Sweep.SLICER.protocols()).containsExactly("TCP");
    assertThat(Sweep.DUPLICATE.protocols()).containsExactly("UDP");
    assertThat(Sweep.REORDER.protocols()).containsExactly("UDP");
    assertThat(Sweep.SLICER.toxic(1)).isPresent();
    assertThat(Sweep.SLICER.impairment(1)).isEmpty();
    assertThat(Sweep.DUPLICATE.toxic(0.5)).isEmpty();
    assertThat(Sweep.values()).allSatisfy(s -> assertThat(s.absence().isEmpty()).isEqualTo(s.protocols().size() == 2));
  }

  @Test
  void aLogScaleChartPutsLogSpacedPointsEvenlyAlongItsAxis() {
    ExploreSettings s = new ExploreSettings(Sweep.SLICER, 1, 16, 3, Scale.LOG, messages(10), 42, Path.of("out"));
    List<PointResult> points = s.values().stream().map(v -> new PointResult("TCP", v, 10, 10, 0, 0, Duration.ofMillis(5),
        Duration.ZERO, Duration.ZERO, 0, true)).toList();

    String svg = SvgChart.draw("chart", "title", "y", new ExploreResult(s, points, Duration.ZERO), p -> 1, 1);

    Matcher m = Pattern.compile("points=\"([\\d.]+),[\\d.]+ ([\\d.]+),[\\d.]+ ([\\d.]+),").matcher(svg);
    assertThat(m.find()).as(svg).isTrue();
    double[] x = {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    assertThat(x[1] - x[0]).isCloseTo(x[2] - x[1], within(0.2));
    assertThat(svg).contains("slice size (bytes), log scale");
  }

  @Test
  void fileSizesReadAsPeopleWriteThem() {
    assertThat(ByteSizes.parse("1MiB")).hasValue(1 << 20);
    assertThat(ByteSizes.parse("256 KiB")).hasValue(256 << 10);
    assertThat(ByteSizes.parse("64KB")).hasValue(64_000);
    assertThat(ByteSizes.parse("4096")).hasValue(4096);
    assertThat(ByteSizes.parse("lots")).isEmpty();
    assertThat(ByteSizes.format(1 << 20)).isEqualTo("1MiB");
    assertThat(ByteSizes.format(64_000)).isEqualTo("64000B");
    assertThat(ByteSizes.parse(ByteSizes.format(64_000))).hasValue(64_000);
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
