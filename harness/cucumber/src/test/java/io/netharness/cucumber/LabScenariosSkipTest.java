package io.netharness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A machine without the lab's privileges skips every @lab scenario with the reason and the fix, and the run
 * passes: Cucumber's own command line in a child JVM that root started with every capability dropped.
 */
@Timeout(60)
class LabScenariosSkipTest {
  @Test
  void withoutCapabilitiesEveryLabScenarioIsSkippedWithTheReason() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to drop capabilities");
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root, to start a child without its capabilities");
    Path feature = Path.of("../../features/lab/handshake.feature").toAbsolutePath().normalize();
    assumeTrue(Files.exists(feature), "runs from harness/cucumber in the repository");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of("/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all", java,
        "-cp", System.getProperty("java.class.path"), "io.cucumber.core.cli.Main", "--glue", "io.netharness.cucumber",
        "--plugin", "summary", "--monochrome", feature.toString()))
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(40, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    assertThat(out).contains("2 scenarios (2 skipped)")
        .contains("TCP shakes hands before the first data byte: skipped: the packet lab cannot run here:"
            + " unshare(CLONE_NEWNET) failed: errno 1 (EPERM, operation not permitted): the lab needs Linux,"
            + " /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; ")
        .contains("run as root");
  }
}
