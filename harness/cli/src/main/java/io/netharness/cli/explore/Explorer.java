package io.netharness.cli.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Runs the workload at every swept value, in order, over each protocol the sweep applies to. */
public final class Explorer {
  /** The unimpaired warm-up sends this much of the file at most. */
  private static final long WARM_UP_FILE_BYTES = 1 << 20;
  /** The file workload runs flat out, so its times show how warm the JIT is; the paced messages workload's do not. */
  private static final int FILE_WARM_UP_PASSES = 3;

  /** Told before each point and after it, e.g. to show progress. */
  public interface Listener {
    void starting(int point, int points, double value);

    /** {@code results} holds one result per protocol run, TCP before UDP. */
    void finished(int point, int points, List<PointResult> results);
  }

  private Explorer() {}

  public static ExploreResult run(ExploreSettings settings, Listener listener) throws InterruptedException {
    List<Double> values = settings.values();
    TestFile file = settings.workload() instanceof Workload.FileTransfer f ? TestFile.of(f.fileBytes(), settings.seed())
        : null;
    List<PointResult> results = new ArrayList<>();
    warmUp(settings, file);
    long started = System.nanoTime();
    for (int i = 0; i < values.size(); i++) {
      double value = values.get(i);
      listener.starting(i + 1, values.size(), value);
      List<PointResult> point = new ArrayList<>();
      for (String series : settings.series()) {
        point.add(runPoint(settings, file, series, value, capture(settings, series, value)));
      }
      results.addAll(point);
      listener.finished(i + 1, values.size(), List.copyOf(point));
    }
    return new ExploreResult(settings, List.copyOf(results), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Where the lab's pcap of one point goes: {@code <report dir>/lab/loss-0.2-tcp.pcap}; none off the lab. */
  static @Nullable Path capture(ExploreSettings settings, String series, double value) {
    if (!series.endsWith(PointResult.LAB_SUFFIX)) {
      return null;
    }
    String protocol = series.substring(0, series.length() - PointResult.LAB_SUFFIX.length());
    return settings.out().resolve("lab").resolve(settings.sweep().wireName() + "-" + Numbers.plain(value) + "-"
        + protocol.toLowerCase(Locale.ROOT) + ".pcap");
  }

  /** One series at one value: {@code TCP}/{@code UDP} through the proxy/relay, {@code TCP lab}/{@code UDP lab} across the lab's wire. */
  private static PointResult runPoint(ExploreSettings settings, @Nullable TestFile file, String series, double value,
      @Nullable Path pcap) throws InterruptedException {
    if (series.endsWith(PointResult.LAB_SUFFIX)) {
      boolean tcp = series.startsWith("TCP");
      if (file != null) {
        return tcp ? LabTcp.file(settings, file, value, pcap) : LabUdp.file(settings, file, value, pcap);
      }
      Workload.Messages messages = (Workload.Messages) settings.workload();
      return tcp ? LabTcp.messages(settings, messages, value, pcap) : LabUdp.messages(settings, messages, value, pcap);
    }
    boolean tcp = series.equals("TCP");
    if (file != null) {
      return tcp ? TcpFileTransfer.run(settings, file, value) : UdpFileTransfer.run(settings, file, value);
    }
    Workload.Messages messages = (Workload.Messages) settings.workload();
    return tcp ? TcpWorkload.run(settings, messages, value) : UdpWorkload.run(settings, messages, value);
  }

  /**
   * One short unimpaired run per protocol, not recorded, so the first point does not pay for class
   * loading and JIT. Loss 0 stands in for the sweep: it adds no toxic and no impairment.
   */
  static void warmUp(ExploreSettings settings, @Nullable TestFile file) throws InterruptedException {
    Workload workload = settings.workload();
    Workload quick = workload instanceof Workload.Messages m
        ? new Workload.Messages(Math.min(m.count(), 50), m.messageBytes(), m.interval())
        : new Workload.FileTransfer(Math.min(((Workload.FileTransfer) workload).fileBytes(), WARM_UP_FILE_BYTES));
    ExploreSettings unimpaired = new ExploreSettings(Sweep.LOSS, 0, 0, 2, Scale.LINEAR, quick, settings.seed(),
        settings.out(), settings.lab());
    TestFile small = file == null ? null : TestFile.of(((Workload.FileTransfer) quick).fileBytes(), settings.seed());
    for (int pass = 0; pass < (file == null ? 1 : FILE_WARM_UP_PASSES); pass++) {
      for (String series : settings.series()) {
        runPoint(unimpaired, small, series, 0, null);
      }
    }
  }
}
