package io.netharness.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JitQuietTest {

  @Test
  void givesUpAfterAtMostWhenTheCompilerIsNeverQuietLongEnough() {
    assumeTrue(ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported(),
        "this JVM reports no compilation time");

    Duration waited = JitQuiet.await(Duration.ofHours(1), Duration.ofMillis(200));

    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofHours(1));
  }

  @Test
  void returnsOnceTheCompilerHasBeenQuietForThePeriod() {
    assumeTrue(ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported(),
        "this JVM reports no compilation time");

    Duration waited = JitQuiet.await(Duration.ofMillis(20), Duration.ofMinutes(10));

    // it cannot return before the quiet period has passed once, and it did not run into the 10 minutes
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(20)).isLessThan(Duration.ofMinutes(10));
  }
}
