package io.netharness.kotlin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// docs/kotlin.md shows this test beside EchoKotlinTest.kt, its Kotlin twin: keep the two in step.
@Timeout(30)
class EchoJavaTest {
  @Test
  void echoSendsBackWhatArrives() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {

      client.sendText("ping", UTF_8);
      client.expectText("ping", UTF_8, Duration.ofSeconds(5));

      assertThat(new String(server.takeConnection(Duration.ofSeconds(5)).receivedBytes(), StandardCharsets.UTF_8))
          .isEqualTo("ping");
    }
  }
}
