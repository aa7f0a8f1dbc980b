package io.netharness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.client.TcpClient;
import io.netharness.server.Behavior;
import io.netharness.server.Behaviors;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Edge cases of receiving and expecting that once went wrong. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExpectationEdgeCasesTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void lineRepliesAnswerWholeLinesOnlyAndAcceptCrLf() {
    try (TcpServer server = TcpServer.builder().framing(Framing.lines())
            .behavior(Behaviors.lineReplies(Map.of("HELLO", "200 welcome"), UTF_8)).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("OTHELLO\n", UTF_8);
      client.expectNothing(Duration.ofMillis(100));
      client.sendText("HELLO\r\n", UTF_8);
      assertThat(client.receiveLine(UTF_8, WAIT)).isEqualTo("200 welcome");
    }
  }

  @Test
  void regexMatchConsumesExactlyTheMatchedBytesAfterAnUndecodableByte() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.send(new byte[] {(byte) 0xff}).sendText("200 welcome\nNEXT\n", UTF_8);
      client.receiveBytes(1, WAIT);
      assertThat(client.receiveMatching(Pattern.compile("200 \\w+\\n"), UTF_8, WAIT)).isEqualTo("200 welcome\n");
      client.expectText("NEXT\n", UTF_8, WAIT);
    }
  }

  @Test
  void receiveLineOnALineFramedClientTakesOneMessage() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.builder().address(server.address()).framing(Framing.lines()).connect()) {
      client.sendText("one\ntwo\n", UTF_8);
      assertThat(client.receiveLine(UTF_8, WAIT)).isEqualTo("one");
      assertThat(client.receiveLine(UTF_8, WAIT)).isEqualTo("two");
    }
  }

  @Test
  void waitingForTheEndBehindUnreadDataFailsAtOnceWithTheReason() {
    // the server closes only when told: had it closed at once, the FIN could reach the client before it paused,
    // and epoll reads everything up to a FIN it has seen (the end then did arrive, and awaitEnd rightly returns)
    Behavior flood = new Behavior() {
      @Override
      public void onConnect(ServerConnection c) {
        c.send(new byte[6 << 20]);
      }

      @Override
      public void onMessage(ServerConnection c, byte[] m) {
        c.close();
      }
    };
    try (TcpServer server = TcpServer.builder().behavior(flood).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      assertThatThrownBy(() -> client.awaitEnd(Duration.ofSeconds(10)))
          .isInstanceOf(ExpectationFailedException.class)
          .hasMessageContaining("reading is paused");
      client.sendText("done", UTF_8);
      assertThat(client.receiveUntilEnd(WAIT)).hasSize(6 << 20);
    }
  }

  @Test
  void aWrongPrefixFailsWithoutWaitingForTheRest() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("hx", UTF_8);
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.expectText("hello", UTF_8, Duration.ofSeconds(20)))
          .hasMessageContaining("different bytes arrived");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void closingTheServerWhileClientsConnectLeavesNoChannelOpen() {
    for (int round = 0; round < 20; round++) {
      TcpServer server = TcpServer.builder().build().start();
      TcpClient client = TcpClient.connect(server.address());
      server.close();
      client.awaitEnd(WAIT);
      client.close();
      assertThat(server.connections()).allSatisfy(c -> c.awaitClosed(WAIT));
    }
  }

  @Test
  void aCollectingServerCountsEveryMessagePastItsRecordWithoutKeepingThem() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      byte[] block = new byte[64 * 1024];
      for (int i = 0; i < 320; i++) { // 20 MiB: past the 16 MiB record
        client.send(block);
      }
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitBytesReceived(320L * block.length, WAIT);
      org.awaitility.Awaitility.await().atMost(WAIT).until(() -> connection.messageCount() == connection.readCount());
      assertThat(connection.bytesReceived()).isEqualTo(320L * block.length);
      assertThat(connection.messages().stream().mapToLong(m -> m.length).sum()).isLessThanOrEqualTo(ServerConnection.RECORD_LIMIT);
    }
  }
}
