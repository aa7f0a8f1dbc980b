package io.netharness.junit5;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.payload.Payload;
import io.netharness.server.Behaviors;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@NetHarnessTest
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ParameterInjectionTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private Endpoints fromBeforeEach;

  @BeforeEach
  void keepEndpoints(Endpoints endpoints) {
    fromBeforeEach = endpoints;
  }

  @Test
  void injectedServerIsRunningOnLoopbackWithAnEphemeralPort(TcpServer server) {
    assertThat(server.isRunning()).isTrue();
    assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isPositive();
  }

  @Test
  void injectedServerCollectsWhatArrivesAndRepliesNothing(TcpServer server, Endpoints endpoints) {
    TcpClient client = endpoints.connect(server);
    client.sendText("哈哈", UTF_8);

    ServerConnection connection = server.takeConnection(WAIT);
    connection.awaitReceivedText("哈哈", UTF_8, WAIT);
    client.expectNothing(Duration.ofMillis(100));
  }

  @Test
  void eachServerParameterIsItsOwnServer(TcpServer first, TcpServer second) {
    assertThat(first).isNotSameAs(second);
    assertThat(first.port()).isNotEqualTo(second.port());
  }

  @Test
  void injectedUdpPeerReceivesDatagrams(UdpPeer peer, Endpoints endpoints) {
    UdpPeer sender = endpoints.udp();
    sender.sendTo(peer.address(), Payload.utf8("one"));

    peer.expectDatagram(Payload.utf8("one").bytes(), UTF_8, WAIT);
    assertThat(peer.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void endpointsMakeEchoServersAndClients(Endpoints endpoints) {
    TcpServer echo = endpoints.server(Behaviors.echo());
    TcpClient client = endpoints.connect(echo);

    client.sendText("ping", UTF_8).expectText("ping", UTF_8, WAIT);
  }

  @Test
  void endpointsTakeBuildersForAnyKnob(Endpoints endpoints) {
    TcpServer named = endpoints.server(TcpServer.builder().name("gateway").behavior(Behaviors.echo()));
    TcpClient alice = endpoints.connect(TcpClient.builder().address(named.address()).name("alice"));

    assertThat(named.name()).isEqualTo("gateway");
    assertThat(alice.name()).isEqualTo("alice");
    alice.sendText("hi", UTF_8).expectText("hi", UTF_8, WAIT);
  }

  @Test
  void beforeEachAndTheTestShareOneRegistry(Endpoints endpoints) {
    assertThat(endpoints).isSameAs(fromBeforeEach);
  }
}
