package io.netharness.cli;

import io.netharness.cli.explore.ExploreResult;
import io.netharness.cli.explore.ExploreSettings;
import io.netharness.cli.explore.Explorer;
import io.netharness.cli.explore.PointResult;
import io.netharness.cli.explore.ReportWriter;
import io.netharness.cli.explore.Sweep;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netharness explore}: sweeps one impairment, runs N numbered messages over TCP and UDP at
 * each point, and writes report.html (inline SVG charts), report.csv and report.json.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {"Sweep one impairment and chart what it does to TCP and UDP:",
        "delivery, completion time, latency p50/p99, duplicates, reordering, goodput.",
        "Writes report.html (inline SVG charts), report.csv and report.json."},
    footer = {"", "Examples:", "  netharness explore --sweep loss --from 0 --to 0.5 --steps 6",
        "  netharness explore --sweep latency --from 0 --to 200 --steps 5 --seed 7"})
public final class ExploreCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--sweep", required = true, paramLabel = "KIND",
      description = "What to vary: loss (probability 0-1) or latency (ms).")
  private String sweep = "";

  @Option(names = "--from", paramLabel = "VALUE", description = "First value (default: 0).")
  private double from;

  @Option(names = "--to", paramLabel = "VALUE", description = "Last value (default: 0.5 for loss, 200 for latency).")
  private @Nullable Double to;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "6", description = "Points from --from to --to, at least 2 (default: ${DEFAULT-VALUE}).")
  private int steps = 6;

  @Option(names = "--messages", paramLabel = "N", defaultValue = "200", description = "Numbered messages per point and protocol (default: ${DEFAULT-VALUE}).")
  private int messages = 200;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1ms", converter = DurationConverter.class,
      description = "Pause between two sends (default: ${DEFAULT-VALUE}).")
  private Duration interval = Duration.ofMillis(1);

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Seed of the proxy and the relay (default: ${DEFAULT-VALUE}).")
  private long seed = 42;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/netharness/explore",
      description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
  private Path out = Path.of("target/netharness/explore");

  @Override
  public Integer call() throws InterruptedException {
    ExploreSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExploreResult result = Explorer.run(settings, new Explorer.Listener() {
      @Override
      public void starting(int point, int points, double value) {
        err.print("explore: point " + point + " of " + points + " (" + settings.sweep().wireName() + " " + value(value)
            + ") ...");
        err.flush();
      }

      @Override
      public void finished(int point, int points, PointResult tcp, PointResult udp) {
        err.println(" TCP " + summary(tcp) + ", UDP " + summary(udp));
        err.flush();
      }
    });
    for (Path file : ReportWriter.write(result)) {
      out.println("wrote " + file);
    }
    out.println(String.format(Locale.ROOT, "%d points in %.1f s, seed %d", settings.steps(),
        result.elapsed().toMillis() / 1000.0, settings.seed()));
    out.flush();
    return ExitCodes.OK;
  }

  private ExploreSettings settings() {
    Sweep kind = Sweep.named(sweep).orElseThrow(() -> bad("--sweep must be one of "
        + String.join(", ", Sweep.names()) + ", not '" + sweep + "'"));
    double last = to != null ? to : kind == Sweep.LOSS ? 0.5 : 200;
    checkRange("--from", from, kind);
    checkRange("--to", last, kind);
    if (from > last) {
      throw bad("--from (" + value(from) + ") must not be greater than --to (" + value(last) + ")");
    }
    if (steps < 2) {
      throw bad("--steps must be at least 2, not " + steps);
    }
    if (messages < 1 || messages > 1_000_000) {
      throw bad("--messages must be 1-1000000, not " + messages);
    }
    if (interval.isNegative()) {
      throw bad("--interval must not be negative");
    }
    return new ExploreSettings(kind, from, last, steps, messages, interval, seed, out);
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

  private static String summary(PointResult p) {
    return String.format(Locale.ROOT, "%.1f%% in %d ms", p.deliveredPercent(), p.completion().toMillis());
  }

  private static String value(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
