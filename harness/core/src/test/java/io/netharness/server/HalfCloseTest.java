package io.netharness.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HalfCloseTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void aServerThatKeepsConnectionsOpenRepliesAfterTheClientsFin() {
    try (TcpServer server = TcpServer.builder().closeOnClientFin(false).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("GET /\n", UTF_8).shutdownOutput();
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitReceivedText("GET /\n", UTF_8, WAIT);
      connection.awaitPeerClosed(WAIT);

      connection.send("200 OK\n".getBytes(UTF_8));
      connection.close();

      assertThat(client.receiveUntilEnd(WAIT)).asString(UTF_8).isEqualTo("200 OK\n");
    }
  }

  @Test
  void byDefaultTheServerClosesOnTheClientsFinAndALaterSendFailsSayingWhy() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("GET /\n", UTF_8).shutdownOutput();
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitPeerClosed(WAIT);
      client.awaitPeerClosed(WAIT);

      assertThat(connection.canSend()).isFalse();
      assertThatThrownBy(() -> connection.send("late".getBytes(UTF_8)))
          .isInstanceOf(HarnessException.class)
          .hasMessageContaining("server connection #1")
          .hasMessageContaining("cannot send 4 bytes")
          .hasMessageContaining("the client closed its side (FIN) and the server closed the connection in answer");
    }
  }

  @Test
  void theChoiceCanChangeOnARunningServer() {
    try (TcpServer server = TcpServer.builder().build().start()) {
      server.setCloseOnClientFin(false);
      try (TcpClient client = TcpClient.connect(server.address())) {
        client.shutdownOutput();
        ServerConnection connection = server.takeConnection(WAIT);
        connection.awaitPeerClosed(WAIT);
        assertThat(connection.canSend()).isTrue();
        assertThat(connection.state()).isEqualTo("open; the client closed its side (FIN)");
      }
    }
  }

  @Test
  void sendingOnAConnectionTheClientResetFailsNamingTheReset() {
    try (TcpServer server = TcpServer.builder().build().start()) {
      TcpClient client = TcpClient.connect(server.address());
      ServerConnection connection = server.takeConnection(WAIT);
      client.abort();
      connection.awaitPeerReset(WAIT);

      assertThatThrownBy(() -> connection.send(new byte[] {1}))
          .isInstanceOf(HarnessException.class)
          .hasMessageContaining("cannot send 1 byte: the client reset the connection (RST)");
    }
  }

  @Test
  void sendingAfterTheServerClosedFailsAndTrySendSaysFalse() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      ServerConnection connection = server.takeConnection(WAIT);
      connection.close();

      assertThat(connection.trySend(new byte[] {1})).isFalse();
      assertThatThrownBy(() -> connection.send(new byte[] {1, 2}))
          .hasMessageContaining("cannot send 2 bytes: the server closed the connection");
    }
  }
}
