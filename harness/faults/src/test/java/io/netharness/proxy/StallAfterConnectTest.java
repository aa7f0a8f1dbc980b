package io.netharness.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netharness.client.TcpClient;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A toxic added right after a client connected applies to that client's data. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StallAfterConnectTest {
  @Test
  void aStallAddedRightAfterConnectHoldsTheData() {
    for (int i = 0; i < 50; i++) {
      try (TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
          FaultProxy proxy = FaultProxy.builder().upstream(echo.address()).build().start();
          TcpClient client = TcpClient.connect(proxy.address())) {
        proxy.add(Direction.UPSTREAM, Toxics.timeout(Duration.ZERO));
        client.sendText("lost", UTF_8);
        try {
          client.expectNothing(Duration.ofMillis(30));
        } catch (RuntimeException e) {
          throw new AssertionError("round " + i + ": " + proxy.stats() + " " + e.getMessage(), e);
        }
      }
    }
  }
}
