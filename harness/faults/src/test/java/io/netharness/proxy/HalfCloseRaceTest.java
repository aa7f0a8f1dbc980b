package io.netharness.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netharness.client.TcpClient;
import io.netharness.server.Behavior;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that sends and half-closes at once gets its reply through the proxy. This once failed
 * about one time in a hundred: epoll read the bytes and the FIN before the proxy had wired the
 * connection, and then re-enabling reads on the half-closed socket failed and closed it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HalfCloseRaceTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static final Behavior REPLY_ON_FIN = new Behavior() {
    @Override
    public void onMessage(ServerConnection c, byte[] m) {}

    @Override
    public void onPeerClosed(ServerConnection c) {
      c.send(c.receivedBytes());
      c.close();
    }
  };

  @Test
  void sendThenHalfCloseGetsTheReplyEveryTime() {
    for (int round = 0; round < 150; round++) {
      try (TcpServer server = TcpServer.builder().behavior(REPLY_ON_FIN).build().start();
          FaultProxy proxy = FaultProxy.builder().upstream(server.address()).build().start();
          TcpClient client = TcpClient.connect(proxy.address())) {
        client.sendText("abc", UTF_8).shutdownOutput();
        client.expectText("abc", UTF_8, WAIT);
        client.awaitPeerClosed(WAIT);
      }
    }
  }

  @Test
  void bytesAndFinSentBeforeTheUpstreamIsReachedStillArrive() {
    for (int round = 0; round < 20; round++) {
      try (TcpServer server = TcpServer.builder().behavior(REPLY_ON_FIN).build().start();
          FaultProxy proxy = FaultProxy.builder().upstream(server.address()).build().start()) {
        proxy.connectFault(ConnectFault.slowOpen(Duration.ofMillis(20))); // the links are wired late
        try (TcpClient client = TcpClient.connect(proxy.address())) {
          client.sendText("early", UTF_8).shutdownOutput();
          client.expectText("early", UTF_8, WAIT);
          client.awaitPeerClosed(WAIT);
        }
      }
    }
  }
}
