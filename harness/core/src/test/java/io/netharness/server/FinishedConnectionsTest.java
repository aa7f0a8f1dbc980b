package io.netharness.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FinishedConnectionsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aServerThatKeepsNoFinishedConnectionsLetsGoOfThemButCountsThem() {
    try (TcpServer server = TcpServer.builder().keepFinishedConnections(false).build().start()) {
      WeakReference<ServerConnection> first = new WeakReference<>(finishOneClient(server, 1));
      for (int i = 2; i <= 20; i++) {
        finishOneClient(server, i);
      }

      assertThat(server.connectionCount()).isEqualTo(20);
      Awaitility.await().atMost(WAIT).until(() -> server.connections().isEmpty());
      Awaitility.await().atMost(WAIT).until(() -> {
        System.gc(); // the connection and its 64 KiB of recorded bytes must be collectable
        return first.get() == null;
      });
    }
  }

  @Test
  void byDefaultFinishedConnectionsStayForAssertions() {
    try (TcpServer server = TcpServer.builder().build().start()) {
      finishOneClient(server, 1);

      assertThat(server.connections()).hasSize(1);
      assertThat(server.connections().get(0).bytesReceived()).isEqualTo(64 * 1024);
    }
  }

  private static ServerConnection finishOneClient(TcpServer server, int index) {
    try (TcpClient client = TcpClient.connect(server.address())) {
      client.send(new byte[64 * 1024]);
      ServerConnection connection = server.connection(index, WAIT);
      connection.awaitBytesReceived(64 * 1024, WAIT);
      client.close();
      connection.awaitClosed(WAIT);
      Awaitility.await().atMost(WAIT).until(() -> connection.closeReason() != CloseReason.OPEN);
      return connection;
    }
  }
}
