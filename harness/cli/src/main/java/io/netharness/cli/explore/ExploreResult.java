package io.netharness.cli.explore;

import java.time.Duration;
import java.util.List;

/**
 * A finished exploration.
 *
 * @param settings what was run
 * @param points one result per swept value per protocol, TCP before UDP at each value
 * @param elapsed wall time of the whole sweep
 */
public record ExploreResult(ExploreSettings settings, List<PointResult> points, Duration elapsed) {

  /** The points of one series: {@code TCP}, {@code UDP}, {@code TCP lab} or {@code UDP lab}. */
  public List<PointResult> of(String series) {
    return points.stream().filter(p -> p.series().equals(series)).toList();
  }
}
