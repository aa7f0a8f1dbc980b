package io.netharness.cli.explore;

import java.util.ArrayList;
import java.util.List;

/** Runs the workload over TCP and UDP at every swept value, in order. */
public final class Explorer {
  /** Told before each point and after it, e.g. to show progress. */
  public interface Listener {
    void starting(int point, int points, double value);

    void finished(int point, int points, PointResult tcp, PointResult udp);
  }

  private Explorer() {}

  public static ExploreResult run(ExploreSettings settings, Listener listener) throws InterruptedException {
    List<Double> values = settings.values();
    List<PointResult> results = new ArrayList<>();
    warmUp(settings);
    long started = System.nanoTime();
    for (int i = 0; i < values.size(); i++) {
      double value = values.get(i);
      listener.starting(i + 1, values.size(), value);
      PointResult tcp = TcpWorkload.run(settings, value);
      PointResult udp = UdpWorkload.run(settings, value);
      results.add(tcp);
      results.add(udp);
      listener.finished(i + 1, values.size(), tcp, udp);
    }
    return new ExploreResult(settings, List.copyOf(results), java.time.Duration.ofNanos(System.nanoTime() - started));
  }

  /** One short unimpaired run per protocol, not recorded, so the first point does not pay for class loading and JIT. */
  static void warmUp(ExploreSettings settings) throws InterruptedException {
    ExploreSettings quick = new ExploreSettings(settings.sweep(), 0, 0, 2, Math.min(settings.messages(), 50),
        settings.interval(), settings.seed(), settings.out());
    TcpWorkload.run(quick, 0);
    UdpWorkload.run(quick, 0);
  }
}
