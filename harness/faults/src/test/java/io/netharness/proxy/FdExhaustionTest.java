package io.netharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, defect 1: running out of file descriptors must not kill the event loops. A child JVM
 * with a lowered descriptor limit fills its descriptor table through a proxy, lets go, and must then
 * answer {@code /version} and pass data again.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FdExhaustionTest {

  @Test
  void theProxyAndTheApiRecoverAfterTheProcessRanOutOfDescriptors() throws Exception {
    assumeTrue(new File("/usr/bin/prlimit").canExecute() || new File("/bin/prlimit").canExecute(),
        "needs prlimit (util-linux) to lower the child's descriptor limit");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = Files.createTempFile("fd-exhaustion", ".txt");
    Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        FdExhaustionProbe.class.getName())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean ended = child.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    System.out.println(output);
    Files.deleteIfExists(out);
    assertThat(ended).as("the child ended in time; its output:\n" + output).isTrue();
    assertThat(output).contains("api answers, proxy echoes");
    assertThat(child.exitValue()).as(output).isZero();
  }
}
