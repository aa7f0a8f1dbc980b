package io.netharness.cucumber;

import io.cucumber.java.Scenario;
import io.netharness.HarnessException;
import io.netharness.lab.Direction;
import io.netharness.lab.Lab;
import io.netharness.lab.LabCapture;
import io.netharness.lab.LabHost;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What both lab step classes need: host names to hosts and directions, the scenario's capture and where it
 * goes, and printing evidence to the console and the report.
 *
 * <pre>{@code
 * LabContext lab = new LabContext(state);
 * lab.log(lab.host("a").kernelCounters().toString());
 * }</pre>
 */
final class LabContext {
  private final HarnessState state;

  LabContext(HarnessState state) {
    this.state = state;
  }

  LabCapture capture() {
    Lab lab = state.lab();
    lab.wire().flushCapture();
    return LabCapture.read(lab.wire().pcap().orElseThrow());
  }

  LabHost host(String name) {
    return switch (name) {
      case "a" -> state.lab().a();
      case "b" -> state.lab().b();
      default -> throw new HarnessException("the packet lab has hosts \"a\" and \"b\", not \"" + name + "\"");
    };
  }

  Direction from(String host) {
    return switch (host) {
      case "a" -> Direction.A_TO_B;
      case "b" -> Direction.B_TO_A;
      default -> throw new HarnessException("the packet lab has hosts \"a\" and \"b\", not \"" + host + "\"");
    };
  }

  Direction into(String host) {
    return from(host) == Direction.A_TO_B ? Direction.B_TO_A : Direction.A_TO_B;
  }

  Path capturePath() {
    Scenario scenario = state.get("lab.scenario", Scenario.class,
        "tag the scenario @lab: lab scenarios are skipped where the lab cannot run, and their capture is named after them");
    String name = scenario.getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    Path dir = Path.of(System.getProperty("netharness.lab.captures", "target/netharness/lab"));
    return dir.resolve(name + ".pcap");
  }

  /** A duration in milliseconds with microseconds, for evidence and messages: "23.417 ms". */
  static String millis(java.time.Duration d) {
    return d.toNanos() / 1000 / 1000.0 + " ms";
  }

  void log(String text) {
    System.out.println(text);
    state.get("lab.scenario", Scenario.class).log(text);
  }
}
