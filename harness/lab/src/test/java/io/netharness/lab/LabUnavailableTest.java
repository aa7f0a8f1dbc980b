package io.netharness.lab;

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
 * Without the capabilities, the lab says why and how to fix it instead of failing somewhere deep: a child JVM
 * started by root with every capability dropped (setpriv) stands in for an unprivileged CI machine.
 */
@Timeout(30)
class LabUnavailableTest {
  @Test
  void withoutCapabilitiesTheLabNamesWhatIsMissingAndTheFix() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to drop capabilities");
    assumeTrue(Lab.unavailableReason().isEmpty(), "needs a machine where the lab runs, to take the privileges away");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of("/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all", java,
        "-cp", System.getProperty("java.class.path"), PrintLabAvailability.class.getName()))
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    // JDK 22+ warns about JNA's native access (WARNING lines, then a blank one): not the lab's output
    List<String> lines = out.lines().filter(line -> !line.isBlank() && !line.startsWith("WARNING")).toList();
    assertThat(lines).hasSize(2);
    // the fix that follows depends on the machine (may a user create a user namespace here?): PrivilegesTest
    assertThat(lines.get(0)).startsWith("unshare(CLONE_NEWNET) failed: errno 1 (EPERM, operation not permitted): the"
        + " lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; ").contains("run as root");
    assertThat(lines.get(1)).isEqualTo("refused: " + lines.get(0));
  }
}
