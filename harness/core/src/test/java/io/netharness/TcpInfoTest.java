package io.netharness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.internal.Transports;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TCP_INFO on plain loopback: the kernel's view where the transport is epoll, none on NIO. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TcpInfoTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void bothEndsOfAnEstablishedConnectionShowTheKernelsViewOnEpollAndNoneOnNio() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("ping", StandardCharsets.UTF_8).awaitAcknowledged(WAIT);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitReceivedText("ping", StandardCharsets.UTF_8, WAIT);
      Optional<TcpInfo> mine = client.tcpInfo();
      Optional<TcpInfo> theirs = connection.tcpInfo();
      if (!Transports.name().equals("epoll")) {
        assertThat(mine).isEmpty();
        assertThat(theirs).isEmpty();
        return;
      }
      assertThat(mine).hasValueSatisfying(info -> {
        assertThat(info.state()).isEqualTo("ESTABLISHED");
        assertThat(info.rtt()).isPositive().isLessThan(Duration.ofMillis(200)); // loopback: microseconds, usually
        assertThat(info.retransmissionTimeout()).isGreaterThanOrEqualTo(Duration.ofMillis(200)); // Linux's floor
        assertThat(info.congestionWindowSegments()).isPositive();
        assertThat(info.sendMssBytes()).isPositive();
        assertThat(info.totalRetransmits()).isZero();
        assertThat(info.unackedSegments()).isZero();
      });
      assertThat(theirs).hasValueSatisfying(info -> assertThat(info.state()).isEqualTo("ESTABLISHED"));
    }
  }

  @Test
  void aClosedConnectionHasNone() {
    try (TcpServer server = TcpServer.builder().build().start()) {
      TcpClient client = TcpClient.connect(server.address());
      client.close();
      assertThat(client.tcpInfo()).isEmpty();
    }
  }

  @Test
  void statesAreNamedAsTheKernelNamesThem() {
    assertThat(TcpInfo.stateName(1)).isEqualTo("ESTABLISHED");
    assertThat(TcpInfo.stateName(8)).isEqualTo("CLOSE_WAIT");
    assertThat(TcpInfo.stateName(99)).isEqualTo("UNKNOWN(99)");
  }
}
