package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.HostPort;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final UdpPeer peer = UdpPeer.bind();

  @AfterEach
  void closePeer() {
    peer.close();
  }

  @Test
  void eachLineBecomesOneDatagram() {
    AssistantRun run = AssistantRun.withInput("one\ntwo\n");

    int code = run.execute("udp", "--to", HostPort.format(peer.address()), "--wait", "0s");

    assertThat(code).isZero();
    peer.expectDatagram("one\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, WAIT);
    peer.expectDatagram("two\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, WAIT);
  }

  @Test
  void repliesAreShownWithTheirSender() throws Exception {
    AssistantRun run = AssistantRun.interactive();
    CompletableFuture<Integer> udp = run.start("udp", "--to", HostPort.format(peer.address()), "--wait", "0s");

    run.type("ping\n");
    RecordedDatagram ping = peer.receive(WAIT);
    peer.sendTo(ping.sender(), "pong\n".getBytes(StandardCharsets.UTF_8));
    Awaitility.await().atMost(WAIT).until(() -> run.out().contains(HostPort.format(peer.address()) + " <- pong"));
    run.endInput();

    assertThat(udp.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(run.err()).contains("[1 datagrams received, 1 sent]");
  }

  @Test
  void hexRepeatsSendTheSameBytesEveryInterval() {
    AssistantRun run = AssistantRun.withInput("");

    int code = run.execute("udp", "--to", HostPort.format(peer.address()), "--hex", "--send", "de ad be ef",
        "--repeat", "3", "--every", "20ms", "--wait", "0s");

    assertThat(code).isZero();
    for (int i = 0; i < 3; i++) {
      peer.expectDatagram(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, StandardCharsets.UTF_8, WAIT);
    }
    assertThat(run.out()).contains("-> 4 bytes").contains("de ad be ef");
  }

  @Test
  void withoutBindOrToItSaysWhatToGive() {
    AssistantRun run = AssistantRun.withInput("");

    int code = run.execute("udp");

    assertThat(code).isEqualTo(2);
    assertThat(run.err()).contains("give --to HOST:PORT to send, --bind [HOST:]PORT to receive, or both");
  }

  @Test
  void anAddressThatDoesNotResolveIsBadInput() {
    for (String to : new String[] {"nosuchhost.invalid:5", "999.1.1.1:5"}) {
      AssistantRun run = AssistantRun.withInput("hi\n");

      int code = run.execute("udp", "--to", to, "--wait", "0s");

      assertThat(code).as("exit code for --to %s", to).isEqualTo(2);
      assertThat(run.err()).contains("--to " + to + ": cannot resolve host").doesNotContain("0 sent");
    }
  }
}
