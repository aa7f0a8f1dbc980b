package io.netharness.toxiproxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultSettings;
import io.netharness.proxy.ProxyControl;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The testcontainers backend: runs where Docker is, and explains itself where it is not. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TestcontainersBackendTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final java.util.Optional<String> UNAVAILABLE = TestcontainersBackend.whyUnavailable(FaultSettings.DEFAULT_IMAGE);
  private static final boolean DOCKER = UNAVAILABLE.isEmpty();

  @Test
  void latencyDelaysAnEchoThroughTheContainer() {
    requireDocker();
    try (TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TestcontainersBackend backend = TestcontainersBackend.start(FaultSettings.DEFAULT_IMAGE)) {
      ProxyControl proxy = backend.createProxy("echo-" + ProcessHandle.current().pid(), echo.address());
      int inside = proxy.address().getPort();
      assertThat(inside).isPositive();
      proxy.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(200)));
      try (TcpClient client = TcpClient.connect(proxy.address())) {
        client.sendText("ping", UTF_8);
        client.expectText("ping", UTF_8, WAIT);
        Duration sent = client.transcript().first(TranscriptEvent.Kind.SENT).orElseThrow().at();
        Duration received = client.transcript().first(TranscriptEvent.Kind.RECEIVED).orElseThrow().at();
        assertThat(received.minus(sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
      }
    }
  }

  @Test
  void withoutDockerStartingSaysWhatIsMissingAndHowToRunEmbedded() {
    Assumptions.assumeFalse(DOCKER, "Docker and its images are available here, so the message cannot be shown");
    assertThatThrownBy(() -> TestcontainersBackend.start(FaultSettings.DEFAULT_IMAGE))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("cannot start: " + UNAVAILABLE.orElseThrow())
        .hasMessageContaining("netharness.faults=embedded");
  }

  private static void requireDocker() {
    if (!DOCKER) {
      String reason = "skipped: " + UNAVAILABLE.orElseThrow() + "; the testcontainers backend needs a Docker engine";
      System.out.println("[TestcontainersBackendTest] " + reason);
      Assumptions.abort(reason);
    }
  }
}
