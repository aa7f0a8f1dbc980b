package io.netharness.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JitQuietTest {

  @BeforeEach
  void compilationTimeIsReported() {
    assumeTrue(ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported(),
        "this JVM reports no compilation time");
  }

  @Test
  void givesUpAfterAtMostWhenTheCompilerIsNeverQuietLongEnough() {
    Duration waited = JitQuiet.await(Duration.ofHours(1), Duration.ofMillis(200));

    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofHours(1));
  }

  @Test
  void returnsOnceTheCompilerHasBeenQuietForThePeriod() {
    Duration waited = JitQuiet.await(Duration.ofMillis(20), Duration.ofMinutes(10));

    // it cannot return before the quiet period has passed once, and it did not run into the 10 minutes
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(20)).isLessThan(Duration.ofMinutes(10));
  }

  @Test
  void aCompilationDuringTheWaitStartsTheQuietPeriodAgain() {
    long start = System.nanoTime();
    long busyFor = Duration.ofMillis(300).toNanos();
    // a stand-in JIT that compiles something at every poll for the first 300 ms, then nothing
    AtomicLong compiled = new AtomicLong();
    LongSupplier totalMillis = () -> System.nanoTime() - start < busyFor ? compiled.incrementAndGet() : compiled.get();

    Duration waited = JitQuiet.await(totalMillis, Duration.ofMillis(100), Duration.ofMinutes(10));

    // it returns only at a poll that saw no change for 100 ms, and every poll in the first 300 ms sees one; a wait
    // that ignored the compiler would return after 100 ms (290: the microseconds between start and the call)
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    assertThat(compiled.get()).isPositive();
  }

  @Test
  void anInterruptedThreadStopsWaitingAndKeepsItsFlag() {
    Thread.currentThread().interrupt();
    try {
      // without the check it would spin (parkNanos returns at once) until the 10 minutes: @Timeout fails it
      Duration waited = JitQuiet.await(Duration.ofHours(1), Duration.ofMinutes(10));

      assertThat(waited).isLessThan(Duration.ofMinutes(10));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
