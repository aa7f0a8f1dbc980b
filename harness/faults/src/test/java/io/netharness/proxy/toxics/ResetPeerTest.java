package io.netharness.proxy.toxics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** reset_peer on connections opened before and after it was added, ours and as Toxiproxy 2.12. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResetPeerTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final FaultProxy proxy = FaultProxy.builder().name("echo").upstream(echo.address()).seed(42).build().start();

  @AfterEach
  void close() {
    proxy.close();
    echo.close();
  }

  @Test
  void resetsAConnectionThatWasOpenBeforeTheToxicWasAdded() {
    try (TcpClient client = openAndFlowing()) {
      proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ZERO));
      client.sendText("reset toxic payload", UTF_8);
      client.awaitPeerReset(WAIT);
    }
  }

  @Test
  void asToxiproxyAConnectionThatWasOpenBeforeTheToxicEndsWithAFin() {
    try (TcpClient client = openAndFlowing()) {
      proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ZERO).withFinOnOpenConnections());
      client.sendText("reset toxic payload", UTF_8);
      assertThat(client.awaitEnd(WAIT)).contains("FIN");
      assertThat(client.bytesReceived()).isEqualTo(1); // only the "a" from before
    }
  }

  @Test
  void asToxiproxyAConnectionOpenedWhileTheToxicIsInPlaceIsReset() {
    proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ZERO).withFinOnOpenConnections());
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("reset toxic payload", UTF_8);
      client.awaitPeerReset(WAIT);
    }
  }

  @Test
  void theToxiproxyModeIsNotAnAttributeOnTheWire() {
    ResetPeer toxiproxy = Toxics.resetPeer(Duration.ofMillis(50)).withFinOnOpenConnections();
    assertThat(toxiproxy.attributes()).containsOnlyKeys("timeout").containsEntry("timeout", 50L);
    assertThat(toxiproxy.finOnOpenConnections()).isTrue();
    assertThat(Toxics.resetPeer(Duration.ZERO).finOnOpenConnections()).isFalse();
  }

  private TcpClient openAndFlowing() {
    TcpClient client = TcpClient.connect(proxy.address());
    client.sendText("a", UTF_8);
    client.expectText("a", UTF_8, WAIT);
    return client;
  }
}
