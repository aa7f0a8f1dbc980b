package io.netharness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A long transfer is counted in full but kept only up to the record limits, so it cannot fill the heap. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerConnectionLimitsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void keepsAtMostRecordLimitBytesOfReadsAndMessages() {
    int chunk = 64 * 1024;
    long total = ServerConnection.RECORD_LIMIT + 4L * chunk;
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      byte[] bytes = new byte[chunk];
      for (long sent = 0; sent < total; sent += chunk) {
        client.send(bytes);
      }
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitBytesReceived(total, WAIT);

      assertThat(connection.bytesReceived()).isEqualTo(total);
      assertThat(connection.receivedBytes()).hasSize(ServerConnection.RECORD_LIMIT);
      List<byte[]> kept = connection.messages();
      long keptBytes = kept.stream().mapToLong(m -> m.length).sum();
      assertThat(keptBytes).isLessThanOrEqualTo(ServerConnection.RECORD_LIMIT);
      assertThat(connection.messageCount()).isGreaterThan(kept.size());
    }
  }
}
