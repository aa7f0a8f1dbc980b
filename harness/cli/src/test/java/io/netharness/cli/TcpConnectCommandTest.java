package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.HostPort;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpConnectCommandTest {
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();

  @AfterEach
  void closeServer() {
    echo.close();
  }

  private String echoAddress() {
    return HostPort.format(echo.address());
  }

  @Test
  void pipedLinesGoToTheServerAndWhatComesBackIsWrittenRaw() {
    AssistantRun run = AssistantRun.withInput("hello\n");

    int code = run.execute("tcp", "connect", echoAddress());

    assertThat(code).isZero();
    assertThat(run.out()).isEqualTo("hello\n");
    assertThat(run.err()).contains("[connected to " + echoAddress()).contains("6 bytes received, 6 bytes sent");
  }

  @Test
  void lineEndingCrlfIsAppendedToEachLine() {
    AssistantRun run = AssistantRun.withInput("a\nb\n");

    int code = run.execute("tcp", "connect", echoAddress(), "--line-ending", "crlf", "--quiet");

    assertThat(code).isZero();
    assertThat(run.out()).isEqualTo("a\r\nb\r\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aClosedPortIsReportedAsConnectionRefused() {
    TcpServer gone = TcpServer.builder().build().start();
    String address = HostPort.format(gone.address());
    gone.close();
    AssistantRun run = AssistantRun.withInput("");

    int code = run.execute("tcp", "connect", address);

    assertThat(code).isEqualTo(2);
    assertThat(run.err()).startsWith("netharness tcp connect: connection refused by " + address)
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aBadAddressSaysHowToWriteOne() {
    AssistantRun run = AssistantRun.withInput("");

    int code = run.execute("tcp", "connect", "localhost");

    assertThat(code).isEqualTo(2);
    assertThat(run.err()).contains("bad address \"localhost\": write host:port");
  }

  @Test
  void hexLinesAreSentAsBytesAndWhatComesBackIsAHexdump() {
    AssistantRun run = AssistantRun.withInput("68 69 0a\n");

    int code = run.execute("tcp", "connect", echoAddress(), "--hex");

    assertThat(code).isZero();
    assertThat(run.out())
        .contains("-> 3 bytes")
        .contains("<- 3 bytes")
        .contains("00000000  68 69 0a")
        .contains("|hi.|");
  }

  @Test
  void badHexIsReportedAndTheNextLineStillSent() {
    AssistantRun run = AssistantRun.withInput("zz\n41\n");

    int code = run.execute("tcp", "connect", echoAddress(), "--hex", "--quiet");

    assertThat(code).isZero();
    assertThat(run.err()).contains("bad hex \"zz\"").contains("line not sent");
    assertThat(run.out()).contains("|A|");
  }

  @Test
  void hexdumpsDecodeTheTextInTheChosenCharset() {
    AssistantRun run = AssistantRun.withInput("b9 fe 0a\n");

    int code = run.execute("tcp", "connect", echoAddress(), "--encoding", "GBK", "--hex");

    assertThat(code).isZero();
    assertThat(run.out()).contains("decoded as GBK: \"哈\\n\"");
  }

  @Test
  void textTypedIsReEncodedForTheWire() {
    AssistantRun run = AssistantRun.withInput("哈\n");

    int code = run.execute("tcp", "connect", echoAddress(), "--encoding", "GBK", "--quiet");

    assertThat(code).isZero();
    assertThat(run.out.toByteArray()).isEqualTo(new byte[] {(byte) 0xb9, (byte) 0xfe, '\n'});
  }

  @Test
  void anUnknownEncodingIsRefusedNamingTheOption() {
    AssistantRun run = AssistantRun.withInput("");

    int code = run.execute("tcp", "connect", echoAddress(), "--encoding", "klingon");

    assertThat(code).isEqualTo(2);
    assertThat(run.err()).contains("--encoding").contains("unknown charset \"klingon\"");
  }

  @Test
  void timestampsLabelEachMessageWithItsDirection() {
    AssistantRun run = AssistantRun.withInput("hey\n");

    int code = run.execute("tcp", "connect", echoAddress(), "--timestamps");

    assertThat(code).isZero();
    assertThat(run.out()).containsPattern("\\[\\d\\d:\\d\\d:\\d\\d\\.\\d{3}] -> hey")
        .containsPattern("\\[\\d\\d:\\d\\d:\\d\\d\\.\\d{3}] <- hey");
  }

  @Test
  void saveAppendsEveryReceivedByteToTheFile(@TempDir Path dir) throws Exception {
    Path saved = dir.resolve("saved.bin");
    Files.writeString(saved, "before\n");
    AssistantRun run = AssistantRun.withInput("one\ntwo\n");

    int code = run.execute("tcp", "connect", echoAddress(), "--save", saved.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(saved)).isEqualTo("before\none\ntwo\n");
  }

  @Test
  void sendFileAndRepeatResendTheSameBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("payload.txt");
    Files.writeString(file, "F");
    AssistantRun run = AssistantRun.withInput("");

    int code = run.execute("tcp", "connect", echoAddress(), "--send", "t", "--send-file", file.toString(),
        "--repeat", "3", "--every", "10ms", "--quiet");

    assertThat(code).isZero();
    assertThat(run.out()).isEqualTo("t\nFt\nFt\nF");
  }

  @Test
  void repeatWithoutAnythingToSendIsRefused() {
    AssistantRun run = AssistantRun.withInput("");

    int code = run.execute("tcp", "connect", echoAddress(), "--repeat", "3");

    assertThat(code).isEqualTo(2);
    assertThat(run.err()).contains("--repeat needs something to send");
  }

  @Test
  void exitsWhenTheServerClosesEvenWhileStdinIsOpen() {
    TcpServer closer = TcpServer.builder().behavior(Behaviors.closeOnConnect()).build().start();
    AssistantRun run = AssistantRun.interactive();
    try (closer) {
      int code = run.execute("tcp", "connect", HostPort.format(closer.address()));
      assertThat(code).isZero();
      assertThat(run.err()).contains("[closed: 0 bytes received");
    }
  }
}
