package io.netharness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.client.TcpClient;
import io.netharness.payload.Encodings;
import io.netharness.payload.Payload;
import io.netharness.server.Behaviors;
import io.netharness.server.CloseReason;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpConversationTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void serverReceivesWhatClientSends() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.send(Payload.text("哈哈呵呵呵", Encodings.charset("GBK")));
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitReceivedText("哈哈呵呵呵", Encodings.charset("GBK"), WAIT);
      assertThat(connection.bytesReceived()).isEqualTo(10);
    }
  }

  @Test
  void serverSeesEmptyReadWhenClientCloses() {
    try (TcpServer server = TcpServer.builder().build().start()) {
      TcpClient client = TcpClient.connect(server.address());
      client.send(Payload.utf8("bye"));
      client.close();
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitPeerClosed(WAIT);
      connection.awaitClosed(WAIT);
      assertThat(connection.closeReason()).isEqualTo(CloseReason.PEER_CLOSED);
      assertThat(connection.transcript().has(TranscriptEvent.Kind.PEER_CLOSED)).isTrue();
    }
  }

  @Test
  void echoRepliesOnTheClientsOwnConnection() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("ping", UTF_8);
      client.expectText("ping", UTF_8, WAIT);
    }
  }

  @Test
  void clientSeesResetWhenServerAborts() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.abortAfter(3)).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("abc", UTF_8);
      client.awaitPeerReset(WAIT);
      assertThat(client.awaitEnd(WAIT)).contains("RST");
    }
  }

  @Test
  void serverSeesResetWhenClientAborts() {
    try (TcpServer server = TcpServer.builder().build().start()) {
      TcpClient client = TcpClient.connect(server.address());
      client.sendText("abc", UTF_8);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitBytesReceived(3, WAIT);
      client.abort();
      connection.awaitPeerReset(WAIT);
      assertThat(connection.closeReason()).isEqualTo(CloseReason.PEER_RESET);
    }
  }

  @Test
  void halfCloseStillReceivesTheReply() {
    try (TcpServer server = TcpServer.builder()
            .behavior(new io.netharness.server.Behavior() {
              @Override
              public void onMessage(ServerConnection c, byte[] m) {}

              @Override
              public void onPeerClosed(ServerConnection c) {
                c.send(c.receivedBytes());
                c.close();
              }
            }).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("whole request", UTF_8).shutdownOutput();
      client.expectText("whole request", UTF_8, WAIT);
      client.awaitPeerClosed(WAIT);
    }
  }

  @Test
  void connectingToAClosedPortIsRefused() {
    int port;
    try (TcpServer server = TcpServer.builder().build().start()) {
      port = server.port();
    }
    assertThatThrownBy(() -> TcpClient.connect(new InetSocketAddress("127.0.0.1", port)))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("connection refused by 127.0.0.1:" + port);
  }

  @Test
  void bindingAPortInUseSaysSo() {
    try (TcpServer first = TcpServer.builder().build().start()) {
      TcpServer second = TcpServer.builder().port(first.port()).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(HarnessException.class)
          .hasMessageContaining("address already in use")
          .hasMessageContaining("port 0");
    }
  }

  @Test
  void failedExpectationShowsWhatArrived() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("pang", UTF_8);
      assertThatThrownBy(() -> client.expectText("pong", UTF_8, WAIT))
          .isInstanceOf(ExpectationFailedException.class)
          .hasMessageContaining("\"pong\"")
          .hasMessageContaining("70 61 6e 67")
          .hasMessageContaining("\"pang\"");
    }
  }

  @Test
  void ipv6LoopbackWorks() {
    try (TcpServer server = TcpServer.builder().host("::1").behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      assertThat(server.address().getAddress().getHostAddress()).contains(":");
      client.sendText("v6", UTF_8);
      client.expectText("v6", UTF_8, WAIT);
    }
  }

  @Test
  void smallReadBufferSplitsOneSendIntoManyReads() {
    try (TcpServer server = TcpServer.builder().readBufferBytes(1024).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.send(new byte[5000]);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitBytesReceived(5000, WAIT);
      assertThat(connection.readCount()).isGreaterThanOrEqualTo(5);
      assertThat(connection.readSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1024));
    }
  }

  @Test
  void linesFramingRecoversMessages() {
    try (TcpServer server = TcpServer.builder().framing(Framing.lines()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("one\ntw", UTF_8).sendText("o\nthree\n", UTF_8);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitBytesReceived(14, WAIT);
      org.awaitility.Awaitility.await().atMost(WAIT).until(() -> connection.messageCount() == 3);
      assertThat(connection.messages()).extracting(m -> new String(m, UTF_8)).containsExactly("one", "two", "three");
      assertThat(Framing.lengthPrefixed(2).split(concat(Framing.lengthPrefixed(2).encode("ab".getBytes(UTF_8)),
          Framing.lengthPrefixed(2).encode("cde".getBytes(UTF_8)))))
          .extracting(m -> new String(m, UTF_8)).isEqualTo(List.of("ab", "cde"));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
