package io.netharness.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 9, defect 3: removing reset_peer before it fires cancels the reset and leaves no hole. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResetPeerRemovalTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final FaultProxy proxy = FaultProxy.builder().upstream(echo.address()).seed(3).build().start();

  @AfterEach
  void closeAll() {
    proxy.close();
    echo.close();
  }

  @Test
  void removingResetPeerBeforeItFiresDeliversEveryByteAndCancelsTheReset() {
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("0", UTF_8);
      client.expectText("0", UTF_8, WAIT); // the connection is set up before the toxic arrives
      ToxicHandle reset = proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ofSeconds(1)));
      client.sendText("AAAA", UTF_8);
      proxy.awaitStats(s -> s.upstreamBytesReceived() == 5, WAIT);
      reset.close();
      client.sendText("BBBB", UTF_8);
      client.expectText("AAAABBBB", UTF_8, WAIT);
      // the cancelled reset would have fired one second after AAAA: the connection still works after it
      client.expectNothing(Duration.ofMillis(1500));
      client.sendText("C", UTF_8);
      client.expectText("C", UTF_8, WAIT);
    }
  }

  @Test
  void aResetThatFiresStillDiscardsWhatItHeld() {
    proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ofMillis(200)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("AAAA", UTF_8);
      client.awaitPeerReset(WAIT);
      assertThat(client.bytesReceived()).isZero();
    }
  }
}
