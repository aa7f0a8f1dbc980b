package io.netharness.cli;

import io.netharness.cli.explore.ByteSizes;
import io.netharness.cli.explore.ExploreResult;
import io.netharness.cli.explore.ExploreSettings;
import io.netharness.cli.explore.Explorer;
import io.netharness.cli.explore.PointResult;
import io.netharness.cli.explore.ReportWriter;
import io.netharness.cli.explore.Scale;
import io.netharness.cli.explore.Sweep;
import io.netharness.cli.explore.Workload;
import io.netharness.lab.Lab;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netharness explore}: sweeps one impairment, runs a fixed workload (numbered messages or a
 * file) over TCP and/or UDP at each point, and writes report.html (inline SVG charts), report.csv
 * and report.json.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {"Sweep one impairment and chart what it does to TCP and UDP:",
        "delivery, completion time, latency p50/p99, duplicates, reordering, goodput, intact.",
        "Writes report.html (inline SVG charts), report.csv and report.json."},
    footer = {"", "Examples:",
        "  netharness explore                    (loss 0 to 0.5, TCP and UDP)",
        "  netharness explore --sweep loss --from 0 --to 0.5 --steps 6",
        "  netharness explore --sweep latency --from 0 --to 500 --seed 7",
        "  netharness explore --sweep bandwidth --message-bytes 100  (log scale)",
        "  netharness explore --sweep slicer --workload file         (TCP only)",
        "  netharness explore --sweep duplicate                      (UDP only)",
        "  netharness explore --sweep reorder --messages 500         (UDP only)",
        "  netharness explore --sweep loss --workload file --file-size 64KiB",
        "  netharness explore --lab --workload file   (+ kernel TCP/UDP)"})
public final class ExploreCommand implements Callable<Integer> {
  private static final int DEFAULT_MESSAGES = 200;
  private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(1);
  private static final long DEFAULT_FILE_BYTES = 1 << 20;

  @Spec private CommandSpec spec;

  @Option(names = "--sweep", paramLabel = "KIND", defaultValue = "loss", description = {
      "What to vary (TCP toxic / UDP impairment; default: ${DEFAULT-VALUE}):",
      "  loss: probability 0-1, packet_loss / loss",
      "  latency: ms, latency / delay",
      "  bandwidth: KB/s (1000 B), bandwidth / rate",
      "  slicer: bytes, slicer / - (TCP only)",
      "  duplicate: 0-1, - / duplicate (UDP only)",
      "  reorder: 0-1, - / reorder, gap 3 (UDP only)"})
  private String sweep = "loss";

  @Option(names = "--from", paramLabel = "VALUE",
      description = "First value (default: 0; 8 for bandwidth, 1 for slicer).")
  private @Nullable Double from;

  @Option(names = "--to", paramLabel = "VALUE",
      description = "Last value (default: 0.5 for loss, duplicate, reorder; 200 for latency; 1024 for bandwidth, slicer).")
  private @Nullable Double to;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "6", description = "Points from --from to --to, at least 2 (default: ${DEFAULT-VALUE}).")
  private int steps = 6;

  @Option(names = "--scale", paramLabel = "linear|log",
      description = "Spacing of the points: equal steps or equal ratios, e.g. 1, 4, 16 ... 1024 (default: log for "
          + "bandwidth and slicer, linear for the rest).")
  private @Nullable String scale;

  @Option(names = "--workload", paramLabel = "messages|file", defaultValue = "messages",
      description = "Numbered messages echoed back (round trips), or a seeded random file sent one way in numbered "
          + "1024-byte chunks (default: ${DEFAULT-VALUE}).")
  private String workload = "messages";

  @Option(names = "--messages", paramLabel = "N",
      description = "Numbered messages per point and protocol (default: " + DEFAULT_MESSAGES + ").")
  private @Nullable Integer messages;

  @Option(names = "--message-bytes", paramLabel = "N",
      description = "Size of each message, 11-8192 bytes, padded after its number (default: 11).")
  private @Nullable Integer messageBytes;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Pause between two messages (default: 1ms).")
  private @Nullable Duration interval;

  @Option(names = "--file-size", paramLabel = "SIZE",
      description = "Size of the file for --workload file, 1 B-64 MiB: 64KiB, 1MiB, 64KB (1000 B), 4096 (default: 1MiB).")
  private @Nullable String fileSize;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Seed of the proxy, the relay and the file (default: ${DEFAULT-VALUE}).")
  private long seed = 42;

  @Option(names = {"--report-dir", "--out"}, paramLabel = "DIR", defaultValue = "target/netharness/explore",
      description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
  private Path out = Path.of("target/netharness/explore");

  @Option(names = "--lab", description = {
      "Also run each point with the kernel's own TCP",
      "and UDP across the packet lab's wire (series",
      "'TCP lab', 'UDP lab'), next to the proxy and",
      "relay; the report adds Tcp.RetransSegs and the",
      "wire's drops. Sweeps loss, latency, duplicate,",
      "reorder, bandwidth. Needs Linux, and root or a",
      "user namespace (./netharness starts one;",
      "docs/lab.md)."})
  private boolean lab;

  @Override
  public Integer call() throws InterruptedException {
    ExploreSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean file = settings.workload() instanceof Workload.FileTransfer;
    ExploreResult result = Explorer.run(settings, new Explorer.Listener() {
      @Override
      public void starting(int point, int points, double value) {
        err.print("explore: point " + point + " of " + points + " (" + settings.sweep().wireName() + " " + value(value)
            + ") ...");
        err.flush();
      }

      @Override
      public void finished(int point, int points, List<PointResult> results) {
        List<String> parts = new ArrayList<>();
        results.forEach(r -> parts.add(r.series() + " " + summary(r, file)));
        err.println(" " + String.join(", ", parts));
        err.flush();
      }
    });
    for (Path report : ReportWriter.write(result)) {
      out.println("wrote " + report);
    }
    out.println(String.format(Locale.ROOT, "%d points in %.1f s, seed %d", settings.values().size(),
        result.elapsed().toMillis() / 1000.0, settings.seed()));
    out.flush();
    return ExitCodes.OK;
  }

  private ExploreSettings settings() {
    Sweep kind = Sweep.named(sweep).orElseThrow(() -> bad("--sweep must be one of "
        + String.join(", ", Sweep.names()) + ", not '" + sweep + "'"));
    Scale spacing = scale == null ? kind.defaultScale()
        : Scale.named(scale).orElseThrow(() -> bad("--scale must be linear or log, not '" + scale + "'"));
    double first = from != null ? from : kind.defaultFrom();
    double last = to != null ? to : kind.defaultTo();
    checkRange("--from", first, kind);
    checkRange("--to", last, kind);
    if (first > last) {
      throw bad("--from (" + value(first) + ") must not be greater than --to (" + value(last) + ")");
    }
    if (spacing == Scale.LOG && first <= 0) {
      throw bad("--scale log needs --from above 0, not " + value(first) + ": start at e.g. 0.01, or use --scale linear");
    }
    if (steps < 2) {
      throw bad("--steps must be at least 2, not " + steps);
    }
    Workload load = workload();
    if (lab) {
      if (!kind.labAbsence().isEmpty()) {
        throw bad(kind.labAbsence());
      }
      String reason = Lab.unavailableReason().orElse(null);
      if (reason != null) {
        throw bad("--lab cannot run here: " + reason + "; or drop --lab to explore through the proxy on loopback only");
      }
    }
    return new ExploreSettings(kind, first, last, steps, spacing, load, seed, out, lab);
  }

  private Workload workload() {
    switch (workload.toLowerCase(Locale.ROOT)) {
      case "messages" -> {
        if (fileSize != null) {
          throw bad("--workload messages has no --file-size; add --workload file to send a file");
        }
        int count = messages != null ? messages : DEFAULT_MESSAGES;
        int bytes = messageBytes != null ? messageBytes : Workload.Messages.MIN_BYTES;
        Duration pause = interval != null ? interval : DEFAULT_INTERVAL;
        if (count < 1 || count > 1_000_000) {
          throw bad("--messages must be 1-1000000, not " + count);
        }
        if (bytes < Workload.Messages.MIN_BYTES || bytes > Workload.Messages.MAX_BYTES) {
          throw bad("--message-bytes must be " + Workload.Messages.MIN_BYTES + "-" + Workload.Messages.MAX_BYTES
              + " (a numbered message takes 11), not " + bytes);
        }
        if (pause.isNegative()) {
          throw bad("--interval must not be negative");
        }
        return new Workload.Messages(count, bytes, pause);
      }
      case "file" -> {
        if (messages != null) {
          throw bad("--workload file has no --messages; use --file-size");
        }
        if (messageBytes != null) {
          throw bad("--workload file has no --message-bytes; use --file-size");
        }
        if (interval != null) {
          throw bad("--workload file sends its chunks back to back and has no --interval; drop it");
        }
        return new Workload.FileTransfer(fileBytes());
      }
      default -> throw bad("--workload must be messages or file, not '" + workload + "'");
    }
  }

  private long fileBytes() {
    if (fileSize == null) {
      return DEFAULT_FILE_BYTES;
    }
    OptionalLong bytes = ByteSizes.parse(fileSize);
    if (bytes.isEmpty()) {
      throw bad("--file-size must be a size such as 64KiB, 1MiB, 64KB or 4096, not '" + fileSize + "'");
    }
    if (bytes.getAsLong() < 1 || bytes.getAsLong() > Workload.FileTransfer.MAX_BYTES) {
      throw bad("--file-size must be 1 B-64 MiB, not " + fileSize);
    }
    return bytes.getAsLong();
  }

  private void checkRange(String option, double v, Sweep kind) {
    if (!Double.isFinite(v) || v < kind.min() || v > kind.max()) {
      throw bad(option + " for --sweep " + kind.wireName() + " must be " + value(kind.min()) + "-" + value(kind.max())
          + (kind.unit().isEmpty() ? "" : " " + kind.unit()) + ", not " + value(v));
    }
  }

  private BadInputException bad(String message) {
    return new BadInputException(spec.commandLine(), message);
  }

  /**
   * {@code 91.5% in 200 ms}, then in brackets what else happened: intact or not (file), duplicates, out of order;
   * across the lab also the kernels' TCP retransmissions and what the wire dropped, duplicated and reordered.
   */
  private static String summary(PointResult p, boolean file) {
    List<String> notes = new ArrayList<>();
    if (file) {
      notes.add(p.intact() ? "intact" : "not intact");
    }
    if (p.duplicates() > 0) {
      notes.add(p.duplicates() + " duplicates");
    }
    if (p.outOfOrder() > 0) {
      notes.add(p.outOfOrder() + " out of order");
    }
    PointResult.LabCounts lab = p.lab();
    if (lab != null) {
      if (p.protocol().equals("TCP")) {
        notes.add(lab.tcpRetransSegs() + " retransmitted");
      }
      notes.add(lab.wireDropped() + " dropped on the wire");
      if (lab.wireDuplicated() > 0) {
        notes.add(lab.wireDuplicated() + " duplicated on the wire");
      }
      if (lab.wireReordered() > 0) {
        notes.add(lab.wireReordered() + " reordered on the wire");
      }
    }
    return String.format(Locale.ROOT, "%.1f%% in %d ms", p.deliveredPercent(), p.completion().toMillis())
        + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
  }

  private static String value(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
