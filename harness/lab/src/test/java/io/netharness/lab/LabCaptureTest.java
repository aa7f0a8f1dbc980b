package io.netharness.lab;

import static io.netharness.lab.LabAssumptions.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.netharness.lab.internal.Capture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LabCaptureTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @BeforeEach
  void needsTheLab() {
    assumeLab();
  }

  @Test
  void theCaptureShowsTheHandshakeBeforeTheFirstDataByte() {
    Path pcap = dir.resolve("handshake.pcap");
    try (Lab lab = Lab.builder().capture(pcap).start()) {
      exchange(lab, new byte[1000]);
    }
    LabCapture capture = LabCapture.read(pcap);
    capture.expectHandshakeBeforeData();
    List<CapturedPacket> tcp = capture.packets(CapturedPacket::isTcp);
    assertThat(tcp.get(0).tcpFlags()).isEqualTo(CapturedPacket.SYN);
    assertThat(tcp.get(0).direction()).isEqualTo(Direction.A_TO_B);
    assertThat(tcp.get(1).tcpFlags()).isEqualTo(CapturedPacket.SYN | CapturedPacket.ACK);
    assertThat(tcp.get(2).tcpFlags()).isEqualTo(CapturedPacket.ACK);
    assertThat(capture.retransmissions()).isEmpty();
    assertThat(capture.packets()).allMatch(p -> p.fate().equals("forwarded"));
  }

  @Test
  void underLossTheCaptureShowsSegmentsSentAgainAndWhichWereDropped() {
    Path pcap = dir.resolve("loss.pcap");
    try (Lab lab = Lab.builder().seed(11).impair(Direction.A_TO_B, Impairment.none().withLoss(0.2))
        .capture(pcap).start()) {
      exchange(lab, new byte[100_000]);
    }
    LabCapture capture = LabCapture.read(pcap);
    capture.expectHandshakeBeforeData();
    assertThat(capture.packets(CapturedPacket::dropped)).isNotEmpty()
        .allMatch(p -> p.direction() == Direction.A_TO_B);
    assertThat(capture.retransmissions()).isNotEmpty();
  }

  @Test
  void udpSendsWithoutAHandshakeAndTheSameSeedGivesTheSameFatesTwice() throws Exception {
    Path first = dir.resolve("udp1.pcap");
    Path second = dir.resolve("udp2.pcap");
    for (Path pcap : List.of(first, second)) {
      try (Lab lab = Lab.builder().seed(99).impairBoth(Impairment.none().withLoss(0.3).withDuplicate(0.1))
              .capture(pcap).start();
          UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 9000));
          UdpPeer sender = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
        for (int i = 0; i < 50; i++) {
          sender.sendTo(receiver.address(), ("datagram " + i).getBytes(StandardCharsets.US_ASCII));
        }
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> lab.wire().counters(Direction.A_TO_B).packets() == 50);
      }
    }
    LabCapture capture = LabCapture.read(first);
    assertThat(capture.packets()).hasSize(50).allMatch(CapturedPacket::isUdp);
    assertThat(capture.packets().get(0).payload()).isEqualTo("datagram 0".getBytes(StandardCharsets.US_ASCII));
    List<String> fates = Files.readAllLines(Capture.fateFile(first)).subList(1, 51); // below the header line
    assertThat(Files.readAllLines(Capture.fateFile(second)).subList(1, 51)).isEqualTo(fates);
    assertThat(fates).anyMatch(line -> line.endsWith("dropped")).anyMatch(line -> line.endsWith("duplicated"));
  }

  @Test
  void aReaderThatStopsClosesTheWindowAndTheSenderWaits() {
    Path pcap = dir.resolve("window.pcap");
    byte[] data = new byte[400_000];
    try (Lab lab = startWithARoomySendBuffer(pcap);
        TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
        TcpClient client = lab.a().call(() -> TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect())) {
      var connection = server.takeConnection(WAIT);
      connection.pauseReading();
      client.send(data);
      org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
        lab.wire().flushCapture();
        return !LabCapture.read(pcap).packets(p -> p.direction() == Direction.B_TO_A && p.isTcp() && p.window() == 0).isEmpty();
      });
      connection.resumeReading();
      connection.awaitBytesReceived(data.length, WAIT);
    }
  }

  /** Host a's socket takes a whole 400 KB send at once, so the send returns while b's window is closed. */
  private static Lab startWithARoomySendBuffer(Path pcap) {
    Lab lab = Lab.builder().capture(pcap).start();
    lab.a().sysctl("net.ipv4.tcp_wmem", "4096 1048576 4194304");
    return lab;
  }

  private static void exchange(Lab lab, byte[] data) {
    try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
        TcpClient client = lab.a().call(() -> TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect())) {
      client.send(data);
      server.takeConnection(WAIT).awaitBytesReceived(data.length, Duration.ofSeconds(20));
    }
  }
}
