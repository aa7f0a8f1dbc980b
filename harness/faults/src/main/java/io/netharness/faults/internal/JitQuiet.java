package io.netharness.faults.internal;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Waits until the JIT compiler has been idle for a while, so that the compilations a warm-up
 * triggered run before real traffic instead of beside it. On a 2-core machine a C2 compilation that
 * starts during a round trip holds a core for milliseconds and delays whichever thread the kernel
 * queued behind it (seen with {@code perf sched}: a client woken by the proxy waited 1.96 ms behind the
 * C2 compiler thread).
 *
 * <pre>{@code
 * Duration waited = JitQuiet.await(Duration.ofMillis(100), Duration.ofSeconds(2));
 * }</pre>
 */
final class JitQuiet {
  private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

  private JitQuiet() {}

  /**
   * Returns once the JVM's total compilation time has not grown for {@code quiet}, or after {@code atMost},
   * or when the calling thread is interrupted. Returns at once where the JVM does not report compilation time.
   *
   * @return how long it waited
   */
  static Duration await(Duration quiet, Duration atMost) {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
      return Duration.ZERO;
    }
    return await(compiler::getTotalCompilationTime, quiet, atMost);
  }

  /** As {@link #await(Duration, Duration)}, watching {@code totalCompilationMillis} (the tests' stand-in for the JIT). */
  static Duration await(LongSupplier totalCompilationMillis, Duration quiet, Duration atMost) {
    long start = System.nanoTime();
    long deadline = start + atMost.toNanos();
    long total = totalCompilationMillis.getAsLong();
    long unchangedSince = start;
    long now = start;
    // an interrupted thread would not park at all, so it stops waiting (its flag stays set)
    while (now - unchangedSince < quiet.toNanos() && now - deadline < 0 && !Thread.currentThread().isInterrupted()) {
      // Polling is the only way: the JVM offers no event for an empty compile queue.
      LockSupport.parkNanos(POLL_NANOS);
      now = System.nanoTime();
      long latest = totalCompilationMillis.getAsLong();
      if (latest != total) {
        total = latest;
        unchangedSince = now;
      }
    }
    return Duration.ofNanos(now - start);
  }
}
