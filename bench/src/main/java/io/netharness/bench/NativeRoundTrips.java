package io.netharness.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One-byte round trips from a client outside the JVM: {@code bench/src/main/c/idle_rtt.c}, which {@code bench/run.sh}
 * compiles to {@code bench/target/idle-rtt} where gcc exists ({@code -Dbench.idleRtt=PATH} names another binary).
 * With its echo server ({@link ExternalRelay#nativeEcho()}) only the proxy under test runs on a JVM, so a fresh
 * proxy process is measured without a second JVM's JIT and wake-ups in the numbers.
 *
 * <pre>{@code
 * long[] nanos = NativeRoundTrips.run(proxy.address(), 150, Duration.ofMillis(100));
 * }</pre>
 */
final class NativeRoundTrips {
  private NativeRoundTrips() {}

  static Path binary() {
    return Path.of(System.getProperty("bench.idleRtt", "bench/target/idle-rtt"));
  }

  static boolean available() {
    return Files.isExecutable(binary());
  }

  /**
   * Connects to {@code target}, then {@code count} times waits {@code idle} and times a 1-byte round trip (ns). The C
   * client gives up when a reply takes more than 10 s; the child is stopped whatever goes wrong here.
   */
  static long[] run(InetSocketAddress target, int count, Duration idle) throws IOException, InterruptedException {
    Process p = ProcessReaper.watch(new ProcessBuilder(List.of(binary().toString(), "client",
        String.valueOf(target.getPort()), String.valueOf(count), String.valueOf(idle.toMillis())))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    long[] nanos = new long[count];
    int read = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null && read < count; ) {
        nanos[read++] = Long.parseLong(line.strip());
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("idle-rtt client did not end");
      }
    } finally {
      if (p.isAlive()) {
        ProcessReaper.kill(p);
      }
    }
    if (p.exitValue() != 0 || read != count) {
      throw new IllegalStateException("idle-rtt client: exit " + p.exitValue() + " after " + read + " of " + count
          + " round trips");
    }
    return nanos;
  }
}
