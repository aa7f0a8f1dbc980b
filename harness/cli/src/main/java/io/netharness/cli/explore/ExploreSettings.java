package io.netharness.cli.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every parameter of one exploration; the report prints them all so a run can be repeated.
 *
 * @param sweep what is varied
 * @param from first value
 * @param to last value
 * @param steps number of points, evenly spaced from {@code from} to {@code to}, at least 2
 * @param messages numbered messages sent at each point, per protocol
 * @param interval pause between two sends
 * @param seed seed of the proxy and the relay
 * @param out directory the reports go to
 */
public record ExploreSettings(Sweep sweep, double from, double to, int steps, int messages, Duration interval,
    long seed, Path out) {

  /** The swept values, {@code from} and {@code to} included. */
  public List<Double> values() {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      double value = i == steps - 1 ? to : from + (to - from) * i / (steps - 1);
      values.add(Math.round(value * 1e9) / 1e9);
    }
    return values;
  }

  /** The command line that repeats this run. */
  public String command() {
    return "netharness explore --sweep " + sweep.wireName() + " --from " + Numbers.plain(from) + " --to "
        + Numbers.plain(to) + " --steps " + steps + " --messages " + messages + " --interval "
        + interval.toMillis() + "ms --seed " + seed + " --out " + out;
  }
}
