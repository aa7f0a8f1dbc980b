package io.netharness.cli;

import static io.netharness.cli.ExploreRun.explore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netharness.lab.Lab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explore --lab}: the kernel's TCP and UDP across the packet lab's wire, next to the proxy's model. The
 * sweeps need the lab (root on Linux) and are skipped with its reason elsewhere; the refusals run everywhere.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExploreLabTest {
  @TempDir Path dir;

  @Test
  void aLossSweepAcrossTheLabCountsTheKernelsRetransmissionsAndTheWiresDrops() throws Exception {
    String reason = Lab.unavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "packet lab skipped: " + reason);

    ExploreRun run = explore("--lab", "--sweep", "loss", "--from", "0", "--to", "0.2", "--steps", "2",
        "--workload", "file", "--file-size", "64KiB", "--seed", "42", "--report-dir", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("TCP lab 100.0% in").contains("retransmitted").contains("dropped on the wire");
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    List<String> series = new ArrayList<>();
    for (JsonNode point : report.get("points")) {
      series.add(point.get("value").asDouble() + " " + point.get("protocol").asText() + " "
          + point.get("network").asText());
    }
    assertThat(series).containsExactly("0.0 TCP loopback", "0.0 UDP loopback", "0.0 TCP lab", "0.0 UDP lab",
        "0.2 TCP loopback", "0.2 UDP loopback", "0.2 TCP lab", "0.2 UDP lab");
    JsonNode clean = point(report, 0.0, "TCP");
    JsonNode lossy = point(report, 0.2, "TCP");
    assertThat(clean.get("wire_dropped").asLong()).isZero();
    // not tcp_retrans_segs = 0 at loss 0: a tail loss probe, or a timer that fires while a busy machine's wire is
    // slow, is a retransmission with nothing dropped (seen once: 1)
    assertThat(clean.get("tcp_retrans_segs").asLong()).isLessThan(lossy.get("tcp_retrans_segs").asLong());
    assertThat(lossy.get("wire_dropped").asLong()).isPositive();
    assertThat(lossy.get("tcp_retrans_segs").asLong()).as("the kernel retransmitted what the wire dropped")
        .isPositive();
    assertThat(lossy.get("intact").asBoolean()).as("TCP repairs the stream").isTrue();
    JsonNode udp = point(report, 0.2, "UDP");
    assertThat(udp.get("delivered").asInt()).as("UDP's lost datagrams stay lost")
        .isEqualTo(udp.get("sent").asInt() - (int) udp.get("wire_dropped").asLong());
    assertThat(udp.get("tcp_retrans_segs").isNull()).isTrue();
    assertThat(report.get("parameters").get("lab").asText()).contains("packet lab's wire");
    assertThat(report.get("parameters").get("command").asText()).endsWith(" --lab");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("data-protocol=\"TCP lab\"")
        .contains("id=\"chart-retrans\"");
    assertThat(dir.resolve("lab").resolve("loss-0.2-tcp.pcap")).isNotEmptyFile();
  }

  @Test
  void aBandwidthSweepAcrossTheLabRateLimitsTheWire() throws Exception {
    String reason = Lab.unavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "packet lab skipped: " + reason);

    ExploreRun run = explore("--lab", "--sweep", "bandwidth", "--from", "64", "--to", "256", "--steps", "2",
        "--workload", "file", "--file-size", "64KiB", "--seed", "42", "--report-dir", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    for (double rate : new double[] {64, 256}) {
      JsonNode tcp = point(report, rate, "TCP");
      assertThat(tcp.get("intact").asBoolean()).as("TCP at %s KB/s on the wire", rate).isTrue();
      JsonNode udp = point(report, rate, "UDP");
      assertThat(udp.get("delivered").asInt()).as("UDP at %s KB/s: what the wire did not drop arrived", rate)
          .isEqualTo(udp.get("sent").asInt() - (int) udp.get("wire_dropped").asLong());
    }
  }

  @Test
  void sweepsTheWireCannotDoAreRefusedWithWhatToDoInstead() {
    ExploreRun slicer = explore("--lab", "--sweep", "slicer", "--report-dir", dir.toString());

    assertThat(slicer.code()).isEqualTo(2);
    assertThat(slicer.err()).contains("--lab has no slicer sweep");
  }

  /**
   * Where the lab cannot run, {@code explore --lab} says why and how to fix it, exit 2, no stack trace: a child JVM
   * started with every capability dropped (setpriv) stands in for a user who is not root.
   */
  @Test
  void withoutPrivilegesItNamesTheReasonAndTheFix() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to drop capabilities");
    assumeTrue(Lab.unavailableReason().isEmpty(), "needs a machine where the lab runs, to take the privileges away");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of("/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all", java,
        "-cp", System.getProperty("java.class.path"), NetHarness.class.getName(), "explore", "--lab", "--steps", "2",
        "--report-dir", dir.toString())).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as(out).isEqualTo(2);
    List<String> lines = out.lines().filter(line -> !line.isBlank() && !line.startsWith("WARNING")).toList();
    // the middle of the fix depends on the machine (whether users may create a user namespace: PrivilegesTest)
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("netharness explore: --lab cannot run here: unshare(CLONE_NEWNET) failed: errno 1 (EPERM, operation"
            + " not permitted): the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; ")
        .contains("run as root")
        .endsWith("; or drop --lab to explore through the proxy on loopback only")
        .doesNotContain("Exception");
    assertThat(dir.resolve("report.json")).doesNotExist();
  }

  private static JsonNode point(JsonNode report, double value, String protocol) {
    for (JsonNode point : report.get("points")) {
      if (point.get("value").asDouble() == value && point.get("protocol").asText().equals(protocol)
          && point.get("network").asText().equals("lab")) {
        return point;
      }
    }
    throw new AssertionError("no lab point " + protocol + " at " + value + " in " + report);
  }
}
