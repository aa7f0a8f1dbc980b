package io.netharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, defect 4: a toxic's memory is bounded in pieces as well as bytes. slicer average_size 1
 * on bulk data used to cut each 256 KiB read into 262,144 queued one-byte writes at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlicerPiecesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int BYTES = 256 * 1024;
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final FaultProxy proxy = FaultProxy.builder().upstream(echo.address()).seed(9).build().start();

  @AfterEach
  void closeAll() {
    proxy.close();
    echo.close();
  }

  @Test
  void averageSizeOneDeliversEveryByteInOrderWithFewPiecesHeldAtOnce() {
    proxy.add(Direction.DOWNSTREAM, Toxics.slicer(1, 0, Duration.ZERO));
    assertDeliveredWithBoundedPieces();
  }

  @Test
  void aLatencyBehindTheSlicerHoldsABoundedNumberOfPiecesToo() {
    proxy.add(Direction.DOWNSTREAM, Toxics.slicer(1, 0, Duration.ZERO));
    proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(20)));
    assertDeliveredWithBoundedPieces();
  }

  private void assertDeliveredWithBoundedPieces() {
    byte[] data = new byte[BYTES];
    new Random(9).nextBytes(data);
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.send(data);
      assertThat(client.receiveBytes(BYTES, WAIT)).isEqualTo(data);
    }
    assertThat(proxy.peakPieces()).isLessThanOrEqualTo(2L * Link.MAX_QUEUED_WRITES + 64);
  }
}
