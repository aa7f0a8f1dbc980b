package io.netharness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.client.TcpClient;
import io.netharness.payload.Payload;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every endpoint is made the same way: {@code X.builder()…start()} gives one that is running. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LifecycleSpellingTest {

  @Test
  void serverClientAndPeerStartFromTheirBuilders() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).start();
        TcpClient client = TcpClient.builder().address(server.address()).timeout(Duration.ofSeconds(2)).start();
        UdpPeer rx = UdpPeer.builder().name("rx").timeout(Duration.ofSeconds(2)).start();
        UdpPeer tx = UdpPeer.builder().start()) {
      assertThat(server.isRunning()).isTrue();
      client.sendText("ping", UTF_8);
      client.expectText("ping");

      tx.sendTo(rx.address(), Payload.utf8("one"));
      RecordedDatagram one = rx.expectDatagram("one");

      assertThat(one.sender()).isEqualTo(tx.address());
      assertThat(rx.name()).isEqualTo("rx");
      assertThat(rx.address().getAddress().isLoopbackAddress()).isTrue();
    }
  }

  @Test
  void aPeersShortFormsWaitItsTimeoutAndSaySo() {
    try (UdpPeer rx = UdpPeer.builder().name("rx").timeout(Duration.ofMillis(150)).start()) {
      assertThatThrownBy(rx::receive)
          .isInstanceOf(ExpectationFailedException.class)
          .hasMessageContaining("peer \"rx\"")
          .hasMessageContaining("within 150 ms");
    }
  }

  @Test
  void aPortOutsideTheRangeIsRefusedNamingTheRange() {
    assertThatThrownBy(() -> UdpPeer.builder().port(70_000))
        .isInstanceOf(HarnessException.class)
        .hasMessage("a UDP port is 0 to 65535, not 70000");
  }
}
