package io.netharness.lab;

import static io.netharness.lab.LabAssumptions.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.client.TcpClient;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class MtuTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void tcpSegmentsFillTheMtuAndNeverExceedIt() {
    assumeLab();
    Path pcap = dir.resolve("mtu-tcp.pcap");
    byte[] data = new byte[20_000];
    new Random(2).nextBytes(data);
    try (Lab lab = Lab.builder().mtu(1000).capture(pcap).start();
        TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
        TcpClient client = lab.a().call(() ->
            TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect())) {
      client.send(data);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitBytesReceived(data.length, WAIT);
      assertThat(connection.receivedBytes()).isEqualTo(data);
    }
    List<CapturedPacket> packets = LabCapture.read(pcap).packets();
    assertThat(packets).allMatch(p -> p.length() <= 1000).anyMatch(p -> p.length() == 1000);
    assertThat(packets).noneMatch(CapturedPacket::isFragment).allMatch(CapturedPacket::dontFragment);
  }

  @Test
  void aUdpDatagramLargerThanTheMtuLeavesInIpFragmentsAndArrivesWhole() {
    assumeLab();
    Path pcap = dir.resolve("mtu-udp.pcap");
    byte[] datagram = new byte[3000];
    new Random(3).nextBytes(datagram);
    try (Lab lab = Lab.builder().mtu(1000).capture(pcap).start();
        UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 0));
        UdpPeer sender = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
      sender.sendTo(receiver.address(), datagram);
      assertThat(receiver.receive(WAIT).bytes()).isEqualTo(datagram);
    }
    List<CapturedPacket> packets = LabCapture.read(pcap).packets();
    assertThat(packets).hasSize(4).allMatch(CapturedPacket::isFragment).allMatch(p -> p.length() <= 1000)
        .noneMatch(CapturedPacket::dontFragment);
    assertThat(packets.get(0).isUdp()).isTrue();
    assertThat(packets.subList(1, 4)).noneMatch(CapturedPacket::isUdp);
    assertThat(packets.get(3).moreFragments()).isFalse();
  }

  @Test
  void anMtuOutsideIpv4sRangeIsRefused() {
    assertThatThrownBy(() -> Lab.builder().mtu(40)).hasMessageContaining("68 to 65535 bytes, was 40");
  }
}
