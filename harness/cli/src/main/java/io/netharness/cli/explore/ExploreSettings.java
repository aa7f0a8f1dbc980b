package io.netharness.cli.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every parameter of one exploration; the report prints them all so a run can be repeated.
 *
 * @param sweep what is varied
 * @param from first value
 * @param to last value
 * @param steps number of points asked for, at least 2 (fewer when whole values repeat)
 * @param scale how the points are spaced from {@code from} to {@code to}
 * @param workload what runs at each point
 * @param seed seed of the proxy, the relay and the file's bytes
 * @param out directory the reports go to
 * @param lab true to run every point a second time with the kernel's TCP and UDP across the packet lab's wire
 *     ({@code --lab}), next to the proxy and relay on loopback
 */
public record ExploreSettings(Sweep sweep, double from, double to, int steps, Scale scale, Workload workload,
    long seed, Path out, boolean lab) {

  /** Without the lab: the proxy and the relay on loopback only. */
  public ExploreSettings(Sweep sweep, double from, double to, int steps, Scale scale, Workload workload, long seed,
      Path out) {
    this(sweep, from, to, steps, scale, workload, seed, out, false);
  }

  /**
   * The series each point runs, in order: the protocols of the sweep through the proxy/relay ({@code TCP},
   * {@code UDP}), then, with {@code --lab}, the same protocols across the lab's wire ({@code TCP lab},
   * {@code UDP lab}).
   */
  public List<String> series() {
    List<String> series = new java.util.ArrayList<>(sweep.protocols());
    if (lab) {
      sweep.labProtocols().forEach(protocol -> series.add(protocol + PointResult.LAB_SUFFIX));
    }
    return List.copyOf(series);
  }

  /** The swept values, {@code from} and {@code to} included, rounded to integers for whole-valued sweeps. */
  public List<Double> values() {
    return scale.values(from, to, steps, sweep.whole());
  }

  /** The command line that repeats this run. */
  public String command() {
    return "netharness explore --sweep " + sweep.wireName() + " --from " + Numbers.plain(from) + " --to "
        + Numbers.plain(to) + " --steps " + steps + " --scale " + scale.wireName() + " " + workload.options()
        + " --seed " + seed + " --report-dir " + out + (lab ? " --lab" : "");
  }

  /**
   * How long to wait for the next arrival before taking what came as the result: generous, since
   * loss stalls a TCP stream for retransmits, plus the swept latency, plus the time the workload's
   * bytes need at the swept bandwidth.
   */
  Duration patience(double value) {
    Duration patience = Duration.ofSeconds(5);
    if (sweep == Sweep.LATENCY) {
      patience = patience.plus(Sweep.millis(value));
    }
    if (sweep == Sweep.BANDWIDTH) {
      patience = patience.plusMillis((long) Math.ceil(workload.impairedBytes() / value));
    }
    return patience;
  }

  /**
   * The same for a point across the lab's wire, longer by 10 s: the kernel backs its retransmission timer off
   * (200 ms, 400 ms, 800 ms ...) when a retransmitted segment is lost again, so under heavy loss a real TCP
   * stream can stall for seconds where the proxy's model resends after 200 ms every time.
   */
  Duration labPatience(double value) {
    return patience(value).plusSeconds(10);
  }
}
