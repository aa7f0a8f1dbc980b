package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.cli.launcher.Launched.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./netharness run} through the real launcher: reports on stdout, bad input as one line on stderr and exit 2. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherRunIT {
  private static RepositoryCopy copy;
  private static Path passing;
  private static Path failing;

  @BeforeAll
  static void writeFeatures() throws IOException {
    copy = RepositoryCopy.shared();
    Path dir = Files.createDirectories(copy.root().resolve("launcher-run"));
    passing = Files.writeString(dir.resolve("passing.feature"), """
        Feature: Passing
          Scenario: The server replies on the client's own connection
            Given a TCP server "srv" that replies "收到" to "你好"
            And a TCP client "alice" connected to "srv"
            When "alice" sends "你好"
            Then "alice" receives "收到"
        """);
    failing = Files.writeString(dir.resolve("failing.feature"), """
        Feature: Failing
          Scenario: The sender and the receiver disagree on the encoding
            Given a TCP server "srv"
            And a TCP client "alice" connected to "srv"
            When "alice" sends "哈哈" encoded as GBK
            Then "srv" receives "哈哈" from "alice"
        """);
  }

  @Test
  void aPassingFeatureReportsOnStdoutAndExitsZero() {
    try (Launched run = Launched.netharness(copy, "run", passing.toString(), "--report-dir", reportDir("pass"))) {
      Result result = run.finish();
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stdout()).contains("✔ The server replies on the client's own connection")
          .contains("Scenarios: 1 passed, 0 failed, 0 skipped (1 total)");
      assertThat(result.stderr()).as("nothing to rebuild, nothing went wrong").isEmpty();
    }
  }

  @Test
  void aFailingFeatureShowsTheHexdumpOfWhatArrivedAndExitsOne() {
    try (Launched run = Launched.netharness(copy, "run", failing.toString(), "--report-dir", reportDir("fail"))) {
      Result result = run.finish();
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
      assertThat(result.stdout()).contains("✘ The sender and the receiver disagree on the encoding")
          .contains("expected \"哈哈\" (6 bytes as UTF-8), but different bytes arrived.")
          .contains("00000000  b9 fe b9 fe ")
          .contains("Scenarios: 0 passed, 1 failed, 0 skipped (1 total)");
      assertThat(result.stderr()).isEmpty();
    }
  }

  @Test
  void aMissingPathIsOneLineOnStderrAndExitTwo() {
    assertBadInput(run("run", "/nope"), "netharness run: feature path '/nope' does not exist");
  }

  @Test
  void zeroThreadsIsOneLineOnStderrAndExitTwo() {
    assertBadInput(run("run", passing.toString(), "--threads", "0"), "netharness run: --threads must be at least 1, got 0");
  }

  @Test
  void aBadTagExpressionIsOneLineOnStderrAndExitTwo() {
    assertBadInput(run("run", passing.toString(), "--tags", "@smoke and"),
        "netharness run: --tags '@smoke and' is not a valid tag expression");
  }

  @Test
  void aGherkinSyntaxErrorNamesTheFileAndLineAndExitsTwo() throws IOException {
    Path broken = Files.writeString(copy.root().resolve("launcher-run/broken.feature"), """
        Feature: Broken
          Scenario: A line that is no step
            Given a TCP server "srv"
            this is not a step
        """);
    Result result = run("run", broken.toString(), "--report-dir", reportDir("broken"));
    assertBadInput(result, "netharness run: Failed to parse resource at: " + broken.toUri());
    assertThat(result.stderr()).contains("(4:5)").contains("got 'this is not a step'");
  }

  private static Result run(String... args) {
    try (Launched launched = Launched.netharness(copy, args)) {
      return launched.finish();
    }
  }

  static void assertBadInput(Result result, String firstLineStart) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.stdout()).as(result.toString()).isEmpty();
    assertThat(result.stderr()).as(result.toString()).startsWith(firstLineStart).endsWith("\n");
    assertThat(result.stderr().strip().lines()).as("one line: " + result).hasSize(1);
  }

  private static String reportDir(String name) {
    return copy.root().resolve("launcher-run/reports-" + name).toString();
  }
}
