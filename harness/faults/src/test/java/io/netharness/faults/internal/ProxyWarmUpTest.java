package io.netharness.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProxyWarmUpTest {

  @Test
  void runsRoundTripsThroughAThrowawayProxyAndLeavesNothingBehind() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts open descriptors in /proc (Linux)");
    ProxyWarmUp.run(10); // the event loops, the epoll descriptors and the classes exist from now on
    long before = openDescriptors();

    ProxyWarmUp.Result result = ProxyWarmUp.run(200);

    assertThat(result.bytesRelayed()).isEqualTo(400); // a byte each way per round trip
    // the echo server, the proxy's listener and all four sockets of the connection are closed again
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> openDescriptors() <= before);
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void anOddCountStillRunsEveryRoundTrip() {
    // 3 round trips: one on a plain connection, two on two connections through the latency toxic
    assertThat(ProxyWarmUp.run(3).bytesRelayed()).isEqualTo(6);
  }

  @Test
  void stopsStartingRoundTripsOnceItsBudgetIsSpent() {
    // a million round trips take minutes; the budget lets it start them for 200 ms only
    ProxyWarmUp.Result result = ProxyWarmUp.run(1_000_000, Duration.ofMillis(200));

    assertThat(result.bytesRelayed()).isLessThan(2_000_000).isEven();
  }
}
