package io.netharness.junit5;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netharness.Framing;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.payload.Encodings;
import io.netharness.payload.Hex;
import io.netharness.payload.HexDump;
import io.netharness.payload.Payload;
import io.netharness.server.Behavior;
import io.netharness.server.Behaviors;
import io.netharness.server.CloseReason;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public API as a Java user writes it; KotlinApiShapeTest is its twin. */
@NetHarnessTest
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JavaApiShapeTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Managed static final TcpServer shared = TcpServer.builder().name("shared").behavior(Behaviors.echo()).build();

  @Managed final UdpPeer udp = UdpPeer.bind();

  @Test
  void serverAndClientCloseWithTryWithResources() {
    TcpServer closed;
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      client.sendText("ping", UTF_8);
      client.expectText("ping", UTF_8, WAIT);
      java.util.Optional<io.netharness.TcpInfo> info = client.tcpInfo(); // empty on NIO
      info.ifPresent(i -> assertThat(i.rtt()).isPositive());
      int port = server.port();
      boolean running = server.isRunning();
      assertThat(port).isPositive();
      assertThat(running).isTrue();
      closed = server;
    }
    assertThat(closed.isRunning()).isFalse();
  }

  @Test
  void lambdaIsABehavior(Endpoints endpoints) {
    Behavior shout = (conn, message) -> conn.send(new String(message, UTF_8).toUpperCase().getBytes(UTF_8));
    TcpServer server = endpoints.server(shout);
    TcpClient client = endpoints.connect(server);

    client.sendText("hi", UTF_8).expectText("HI", UTF_8, WAIT);
  }

  @Test
  void pollingWithNobodyConnectingGivesNull(TcpServer server) {
    @Nullable ServerConnection connection = server.pollConnection(Duration.ofMillis(100));

    assertThat(connection).isNull();
  }

  @Test
  void serverConnectionRecordsTheConversation(TcpServer server, Endpoints endpoints) {
    TcpClient client = endpoints.connect(server);
    client.send(Payload.text("哈哈", Encodings.charset("GBK"))).close();

    ServerConnection connection = server.takeConnection(WAIT);
    connection.awaitPeerClosed(WAIT);
    connection.awaitClosed(WAIT);
    InetSocketAddress remote = connection.remoteAddress();
    CloseReason reason = connection.closeReason();
    Transcript transcript = connection.transcript();
    List<TranscriptEvent> received = transcript.events(TranscriptEvent.Kind.RECEIVED);
    assertThat(remote.getPort()).isEqualTo(client.localAddress().getPort());
    assertThat(reason).isEqualTo(CloseReason.PEER_CLOSED);
    assertThat(received).isNotEmpty();
    assertThat(connection.receivedBytes()).isEqualTo(Hex.parse("b9 fe b9 fe"));
    assertThat(transcript.render(Encodings.charset("GBK"))).contains("哈哈");
  }

  @Test
  void staticManagedServerIsSharedAndRunning(Endpoints endpoints) {
    TcpClient client = endpoints.connect(shared);

    client.sendText("shared", UTF_8).expectText("shared", UTF_8, WAIT);
    assertThat(shared.name()).isEqualTo("shared");
  }

  @Test
  void udpPeersExchangeDatagrams(Endpoints endpoints) {
    UdpPeer sender = endpoints.udp();
    sender.sendTo(udp.address(), Payload.utf8("one")).sendTo(udp.address(), Payload.hex("74 77 6f"));

    RecordedDatagram first = udp.receive(WAIT);
    RecordedDatagram second = udp.expectDatagram("two".getBytes(UTF_8), UTF_8, WAIT);
    @Nullable RecordedDatagram none = udp.poll(Duration.ofMillis(50));
    assertThat(first.bytes()).isEqualTo("one".getBytes(UTF_8));
    assertThat(first.sender()).isEqualTo(sender.address());
    assertThat(second.index()).isEqualTo(2);
    assertThat(none).isNull();
  }

  @Test
  void payloadsKeepTheirBytesAndSayWhereTheyCameFrom() {
    Charset gbk = Encodings.charset("GBK");
    Payload text = Payload.text("哈哈", gbk);
    Payload base64 = Payload.base64("aGk=");

    assertThat(text.length()).isEqualTo(4);
    assertThat(text.hex()).isEqualTo("b9feb9fe");
    assertThat(text.description()).contains("GBK");
    assertThat(base64.bytes()).isEqualTo("hi".getBytes(UTF_8));
    assertThat(Encodings.decodeLenient(text.bytes(), UTF_8)).isNotEqualTo("哈哈");
    assertThat(HexDump.of(text.bytes(), gbk)).contains("b9 fe b9 fe").contains("哈哈");
  }

  @Test
  void framingCutsAStreamIntoMessages(Endpoints endpoints) {
    Framing lines = Framing.lines();
    TcpServer server = endpoints.server(TcpServer.builder().framing(lines));
    TcpClient client = endpoints.connect(server);
    client.sendText("one\ntw", UTF_8).sendText("o\n", UTF_8);

    ServerConnection connection = server.takeConnection(WAIT);
    await().atMost(WAIT).until(() -> connection.messageCount() == 2);
    assertThat(connection.messages()).extracting(m -> new String(m, UTF_8)).containsExactly("one", "two");
    Framing prefixed = Framing.lengthPrefixed(2);
    assertThat(prefixed.encode("ab".getBytes(UTF_8))).isEqualTo(Hex.parse("00 02 61 62"));
    assertThat(prefixed.split(Hex.parse("00 01 61 00"))).hasSize(1);
    assertThat(prefixed.remainder(Hex.parse("00 01 61 00"))).isEqualTo(1);
  }
}
