package io.netharness;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.internal.InboundBuffer;
import io.netharness.server.Behavior;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A fast sender is held back by TCP flow control, not by the receiver's heap. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlowControlTest {
  private static final long FILE_BYTES = 64L << 20;

  @Test
  void unreadDataStaysBoundedAndArrivesIntactOnceRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.bin");
    String expectedDigest = writeRandomFile(file);
    Behavior streamFile = new Behavior() {
      @Override
      public void onConnect(ServerConnection connection) {
        connection.sendFile(file, true);
      }

      @Override
      public void onMessage(ServerConnection connection, byte[] message) {}
    };
    try (TcpServer server = TcpServer.builder().behavior(streamFile).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      // Not reading: wait until the received count stops growing (the sender is stalled).
      AtomicLong last = new AtomicLong(-1);
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
          .until(() -> {
            long now = client.bytesReceived();
            return now > 0 && now == last.getAndSet(now);
          });
      assertThat(client.bytesReceived())
          .as("bytes pulled off the socket while the test did not read")
          .isLessThan(FILE_BYTES)
          .isLessThanOrEqualTo(InboundBuffer.HIGH_WATER + (1L << 20));
      assertThat(client.bytesWaiting()).isEqualTo(client.bytesReceived());

      assertThat(client.sha256UntilEnd(Duration.ofSeconds(30))).isEqualTo(expectedDigest);
      assertThat(client.bytesReceived()).isEqualTo(FILE_BYTES);
    }
  }

  private static String writeRandomFile(Path file) throws Exception {
    Random random = new Random(42);
    byte[] block = new byte[1 << 20];
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      for (long written = 0; written < FILE_BYTES; written += block.length) {
        random.nextBytes(block);
        out.write(block);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
