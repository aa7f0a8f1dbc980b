package io.netharness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.client.TcpClient;
import io.netharness.payload.LineEnding;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InboundTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void eachCheckConsumesWhatItMatchedSoTheNextOneSeesTheRest() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      ServerConnection connection = server.takeConnection(WAIT);
      connection.send("220 ready\r\n250 ok\nrest".getBytes(UTF_8));
      Inbound in = client.inbound();

      in.expectLine("220 ready", LineEnding.CRLF, UTF_8, WAIT);
      assertThat(in.expectLineMatching(Pattern.compile("250 \\w+"), UTF_8, WAIT)).isEqualTo("250 ok");
      in.expectText("rest", UTF_8, WAIT);
      assertThat(in.waiting()).isZero();
      assertThat(in.received()).isEqualTo(22);
    }
  }

  @Test
  void aLineWithTheWrongEndingFailsShowingTheBytes() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.builder().address(server.address()).name("alice").connect()) {
      server.takeConnection(WAIT).send("+OK\n".getBytes(UTF_8));

      assertThatThrownBy(() -> client.inbound().expectLine("+OK", LineEnding.CRLF, UTF_8, WAIT))
          .isInstanceOf(ExpectationFailedException.class)
          .hasMessageStartingWith("client \"alice\" (")
          .hasMessageContaining("different bytes arrived")
          .hasMessageContaining("2b 4f 4b 0a");
    }
  }

  @Test
  void aDifferentLineFailsNamingBothLines() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      server.takeConnection(WAIT).send("221 bye\r\n".getBytes(UTF_8));

      assertThatThrownBy(() -> client.inbound().expectLine("250 ok", UTF_8, WAIT))
          .hasMessageContaining("expected the line \"250 ok\", but received the line \"221 bye\"");
    }
  }

  @Test
  void aFrameIsComparedWhole() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.builder().address(server.address()).framing(Framing.lines()).connect()) {
      server.takeConnection(WAIT).send("one\ntwo\n".getBytes(UTF_8));

      client.inbound().expectFrame("one".getBytes(UTF_8), UTF_8, WAIT);
      assertThatThrownBy(() -> client.inbound().expectFrame("three".getBytes(UTF_8), UTF_8, WAIT))
          .hasMessageContaining("expected the message \"three\" (5 bytes as UTF-8), but the next message was \"two\"");
    }
  }
}
