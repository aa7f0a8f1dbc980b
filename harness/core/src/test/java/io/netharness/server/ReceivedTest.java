package io.netharness.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.client.TcpClient;
import io.netharness.payload.Encodings;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cumulative checks of a server connection: what the steps "has received…", "got … in N reads" and such run. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceivedTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Charset GBK = Encodings.charset("GBK");

  @Test
  void aCountIsExactAndChecksLeaveTheBytesForTheNextCheck() {
    try (TcpServer server = TcpServer.builder().start(); TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("one\ntwo\n", UTF_8);
      ServerConnection c = server.takeConnection(WAIT);

      c.received().expectCount(8, WAIT);
      c.received().expectSplit(Framing.lines(), List.of("one", "two"), UTF_8);
      c.received().expectDecodesTo(UTF_8, "one\ntwo\n");
      assertThatThrownBy(() -> c.received().expectCount(7, WAIT))
          .isInstanceOf(ExpectationFailedException.class)
          .hasMessageStartingWith("server connection #1 from 127.0.0.1:")
          .hasMessageEndingWith(": expected 7 bytes in all, but 8 arrived");
    }
  }

  @Test
  void readCountsSayHowTheStreamWasCut() {
    try (TcpServer server = TcpServer.builder().start(); TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("abc", UTF_8).awaitAcknowledged(WAIT);
      ServerConnection c = server.takeConnection(WAIT);
      c.received().expectCount(3, WAIT);

      c.received().expectReads(1);
      assertThatThrownBy(() -> c.received().expectAtLeastReads(2))
          .hasMessageEndingWith("expected at least 2 reads of the bytes, but there were 1: read sizes [3]");
    }
  }

  @Test
  void messagesWithAFramingAreComparedAsText() {
    try (TcpServer server = TcpServer.builder().framing(Framing.lines()).start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("hello\nworld\n", UTF_8);
      ServerConnection c = server.takeConnection(WAIT);

      c.received().expectMessages(List.of("hello", "world"), UTF_8, WAIT);
      assertThatThrownBy(() -> c.received().expectMessages(List.of("hello", "there"), UTF_8, WAIT))
          .hasMessageEndingWith("expected the messages [hello, there], but got [hello, world]");
    }
  }

  @Test
  void theWrongCharsetShowsInTheDecodedText() {
    try (TcpServer server = TcpServer.builder().start(); TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("哈哈", GBK);
      ServerConnection c = server.takeConnection(WAIT);
      c.received().expectCount(4, WAIT);

      c.received().expectDecodesTo(GBK, "哈哈");
      c.received().expectDoesNotDecodeTo(UTF_8, "哈哈");
      c.received().expectMalformed(UTF_8);
      assertThatThrownBy(() -> c.received().expectMalformed(GBK))
          .hasMessageEndingWith("the bytes b9 fe b9 fe are valid GBK");
      assertThatThrownBy(() -> c.received().expectDecodesTo(UTF_8, "哈哈"))
          .hasMessageContaining("decoded as UTF-8, the bytes read ");
    }
  }

  @Test
  void numberedLinesMustBeCompleteAndInOrderOnBothSides() {
    io.netharness.payload.NumberedMessages numbered = io.netharness.payload.NumberedMessages.shortest();
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText(numbered.text(1) + numbered.text(2) + numbered.text(4), UTF_8);
      ServerConnection c = server.takeConnection(WAIT);
      c.received().expectCount(33, WAIT);

      c.received().expectNumberedLines(numbered, 2);
      assertThatThrownBy(() -> c.received().expectNumberedLines(numbered, 3))
          .hasMessageEndingWith("expected line 3 to be \"msg-000003\", but it was \"msg-000004\" (3 lines arrived)");
      client.inbound().expectNumberedLines(numbered, 2, WAIT);
      assertThatThrownBy(() -> client.inbound().expectNumberedLines(numbered, 1, WAIT))
          .hasMessageContaining("expected line 1 to be \"msg-000001\", but it was \"msg-000004\"");
    }
  }
}
