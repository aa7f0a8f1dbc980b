package io.netharness.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProxyWarmUpTest {

  @Test
  void runsRoundTripsThroughAThrowawayProxyAndLeavesNothingBehind() {
    ProxyWarmUp.Result result = ProxyWarmUp.run(200);

    assertThat(result.bytesRelayed()).isEqualTo(400); // a byte each way per round trip
    // the echo thread ends when the proxy closes its upstream connection
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("netharness-warm-up-echo")));
  }

  @Test
  void anOddCountStillRunsEveryRoundTrip() {
    // 3 round trips: one without the toxic, two through the latency toxic's timer
    assertThat(ProxyWarmUp.run(3).bytesRelayed()).isEqualTo(6);
  }
}
