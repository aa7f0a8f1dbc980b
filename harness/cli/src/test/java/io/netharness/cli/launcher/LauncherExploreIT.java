package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netharness.cli.launcher.Launched.Result;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./netharness explore} through the real launcher: progress on stderr, the files written on stdout. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LauncherExploreIT {
  private final RepositoryCopy copy = RepositoryCopy.shared();

  @Test
  void aSmallLossSweepShowsProgressOnStderrAndTheFilesOnStdout() {
    Path out = copy.root().resolve("launcher-explore");
    try (Launched explore = Launched.netharness(copy, "explore", "--sweep", "loss", "--steps", "2", "--messages", "20",
        "--out", out.toString())) {
      Result result = explore.finish();
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stderr()).as(result.toString())
          .containsPattern("explore: point 1 of 2 \\(loss 0\\) \\.\\.\\. TCP 100\\.0% in \\d+ ms, UDP 100\\.0% in \\d+ ms\n")
          .containsPattern("explore: point 2 of 2 \\(loss 0\\.5\\) \\.\\.\\. TCP 100\\.0% in \\d+ ms, UDP [\\d.]+% in \\d+ ms\n");
      assertThat(result.stdout()).as(result.toString())
          .startsWith("wrote " + out.resolve("report.html") + "\nwrote " + out.resolve("report.csv") + "\nwrote "
              + out.resolve("report.json") + "\n")
          .containsPattern("2 points in [\\d.]+ s, seed 42\n$");
      assertThat(out.resolve("report.html")).isNotEmptyFile();
    }
  }

  /** As a user runs it: {@code ./netharness explore --lab ...} (root on Linux; skipped with the lab's reason elsewhere). */
  @Test
  void aLabSweepShowsTheKernelsRetransmissionsNextToTheModel() {
    String reason = io.netharness.lab.Lab.unavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "packet lab skipped: " + reason);
    Path out = copy.root().resolve("launcher-explore-lab");
    try (Launched explore = Launched.netharness(copy, "explore", "--lab", "--sweep", "loss", "--from", "0", "--to",
        "0.2", "--steps", "2", "--workload", "file", "--file-size", "64KiB", "--out", out.toString())) {
      Result result = explore.finish();
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stderr()).as(result.toString())
          .containsPattern("\\(loss 0\\) \\.\\.\\. TCP 100\\.0% in \\d+ ms \\(intact\\), UDP 100\\.0% in \\d+ ms"
              + " \\(intact\\), TCP lab 100\\.0% in \\d+ ms \\(intact, \\d+ retransmitted, 0 dropped on the wire\\), UDP lab"
              + " 100\\.0% in \\d+ ms \\(intact, 0 dropped on the wire\\)\n")
          .containsPattern("\\(loss 0\\.2\\) .*, TCP lab 100\\.0% in \\d+ ms \\(intact, [1-9]\\d* retransmitted, [1-9]\\d* dropped"
              + " on the wire\\), UDP lab [\\d.]+% in \\d+ ms \\(not intact, [1-9]\\d* dropped on the wire\\)\n");
      assertThat(out.resolve("report.json")).isNotEmptyFile();
      assertThat(out.resolve("lab").resolve("loss-0.2-tcp.pcap")).isNotEmptyFile();
    }
  }

  @Test
  void anUnknownSweepIsOneLineOnStderrAndExitTwo() {
    try (Launched explore = Launched.netharness(copy, "explore", "--sweep", "nonsense")) {
      LauncherRunIT.assertBadInput(explore.finish(),
          "netharness explore: --sweep must be one of loss, latency, bandwidth, slicer, duplicate, reorder, not 'nonsense'");
    }
  }
}
