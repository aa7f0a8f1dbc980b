package io.netharness.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** netharness-lab is optional: with neither it nor JNA on the class path, the extension still injects endpoints. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WithoutLabJarTest {
  @Test
  void theExtensionWorksWithoutTheLabOnTheClassPath() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("netharness-lab") && !entry.contains("harness" + File.separator + "lab"
            + File.separator) && !entry.contains(File.separator + "jna" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).isNotEqualTo(System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-cp", classPath, WithoutLabJar.class.getName()))
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(50, TimeUnit.SECONDS)).isTrue();

    assertThat(out).as(out).contains("lab class there: false").contains("succeeded 1, failed 0");
  }
}
