package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpListenCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static InetSocketAddress listening(AssistantRun run) {
    Awaitility.await().atMost(WAIT).until(() -> run.announcedPort() > 0);
    return new InetSocketAddress("127.0.0.1", run.announcedPort());
  }

  @Test
  void onceShowsWhatTheClientSentAndItsByteCountsThenExits() throws Exception {
    AssistantRun run = AssistantRun.withInput("");
    CompletableFuture<Integer> listen = run.start("tcp", "listen", "127.0.0.1:0", "--once");

    try (TcpClient client = TcpClient.connect(listening(run))) {
      client.send("hi\n".getBytes(StandardCharsets.UTF_8));
      client.shutdownOutput();
      client.awaitPeerClosed(WAIT);
    }

    assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(run.out()).contains("client 1 <- hi");
    assertThat(run.err()).containsPattern("\\[client 1 127\\.0\\.0\\.1:\\d+ connected]")
        .containsPattern("\\[client 1 127\\.0\\.0\\.1:\\d+ disconnected: 3 bytes received, 0 bytes sent]");
  }

  @Test
  void typedLinesGoToEveryClientOrToOneChosenWithAt() throws Exception {
    AssistantRun run = AssistantRun.interactive();
    CompletableFuture<Integer> listen = run.start("tcp", "listen", "127.0.0.1:0", "--once", "--verbose");
    InetSocketAddress address = listening(run);

    try (TcpClient one = TcpClient.connect(address); TcpClient two = TcpClient.connect(address)) {
      Awaitility.await().atMost(WAIT).until(() -> run.out().contains("client 2"));
      run.type("@2 only for two\n");
      two.expectText("only for two\n", StandardCharsets.UTF_8, WAIT);
      run.type("for all\n");
      one.expectText("for all\n", StandardCharsets.UTF_8, WAIT);
      two.expectText("for all\n", StandardCharsets.UTF_8, WAIT);
      run.type("@7 nobody\n");
      Awaitility.await().atMost(WAIT).until(() -> run.err().contains("[no open client 7; open: 1, 2; line not sent]"));
      run.type("@?\n");
      Awaitility.await().atMost(WAIT).until(() -> run.err().contains("[clients: 1 "));
      assertThat(run.err()).containsPattern("\\[clients: 1 127\\.0\\.0\\.1:\\d+ \\(0 B in, 8 B out\\), 2 127\\.0\\.0\\.1:\\d+ \\(0 B in, 21 B out\\)]");
      // client 2 leaves first, and --once stops there; its FIN must be seen before client 1's is sent (closing both
      // at once let the other event loop report client 1 first, which failed once)
      two.close();
      Awaitility.await().atMost(WAIT).until(() -> run.out().contains("[client 2 closed its side (FIN)]"));
    }

    assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(run.out()).contains("[client 2 closed its side (FIN)]")
        .containsPattern("\\[client 2 \\S+ disconnected: 0 bytes received, 21 bytes sent]");
    run.endInput();
  }

  @Test
  void hexModeShowsEachMessageAsAHexdumpWithItsClient() throws Exception {
    AssistantRun run = AssistantRun.withInput("");
    CompletableFuture<Integer> listen = run.start("tcp", "listen", "0", "--once", "--hex", "--quiet");

    try (TcpClient client = TcpClient.connect(listening(run))) {
      client.send(new byte[] {0x01, (byte) 0xff});
    }

    assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(run.out()).contains("client 1 <- 2 bytes").contains("00000000  01 ff");
    assertThat(run.err()).doesNotContain("connected]");
  }

  @Test
  void aPortInUseIsReportedClearly() throws Exception {
    AssistantRun first = AssistantRun.withInput("");
    CompletableFuture<Integer> listen = first.start("tcp", "listen", "127.0.0.1:0", "--once");
    InetSocketAddress taken = listening(first);
    AssistantRun second = AssistantRun.withInput("");

    int code = second.execute("tcp", "listen", "127.0.0.1:" + taken.getPort());

    assertThat(code).isEqualTo(2);
    assertThat(second.err()).contains("address already in use");
    TcpClient.connect(taken).close();
    assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void keepOpenLetsTheListenerReplyAfterTheClientsFinAndCloseWhenTold() throws Exception {
    AssistantRun run = AssistantRun.interactive();
    CompletableFuture<Integer> listen = run.start("tcp", "listen", "127.0.0.1:0", "--once", "--keep-open");

    try (TcpClient client = TcpClient.connect(listening(run))) {
      client.sendText("request\n", StandardCharsets.UTF_8).shutdownOutput();
      Awaitility.await().atMost(WAIT).until(() -> run.err().contains("[client 1 closed its side (FIN); still open"));
      run.type("@1 response\n");
      run.type("@close 1\n");
      assertThat(client.receiveUntilEnd(WAIT)).asString(StandardCharsets.UTF_8).isEqualTo("response\n");
    }

    assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(run.out()).contains("client 1 <- request");
    assertThat(run.err()).containsPattern("disconnected: 8 bytes received, 9 bytes sent]");
    run.endInput();
  }

  @Test
  void withoutKeepOpenTheListenerClosesOnTheClientsFin() throws Exception {
    AssistantRun run = AssistantRun.withInput("");
    CompletableFuture<Integer> listen = run.start("tcp", "listen", "127.0.0.1:0", "--once");

    try (TcpClient client = TcpClient.connect(listening(run))) {
      client.sendText("request\n", StandardCharsets.UTF_8).shutdownOutput();
      assertThat(client.receiveUntilEnd(WAIT)).isEmpty();
    }

    assertThat(listen.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(run.err()).contains("[client 1 closed its side (FIN)]");
  }
}
