package io.netharness.lab;

import static io.netharness.lab.LabAssumptions.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LabTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @BeforeEach
  void needsTheLab() {
    assumeLab();
  }

  @Test
  void unchangedEndpointsTalkAcrossTheWire() {
    try (Lab lab = Lab.start()) {
      try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
          TcpClient client = lab.a().call(() -> TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect())) {
        client.sendText("hello over the wire", StandardCharsets.UTF_8);
        ServerConnection connection = server.takeConnection(WAIT);
        connection.awaitReceivedText("hello over the wire", StandardCharsets.UTF_8, WAIT);
        assertThat(connection.remoteAddress().getAddress().getHostAddress()).isEqualTo("10.77.0.1");
      }
      assertThat(lab.wire().counters(Direction.A_TO_B).forwarded()).isGreaterThan(0);
      assertThat(lab.wire().counters(Direction.B_TO_A).forwarded()).isGreaterThan(0);
    }
  }

  @Test
  void hostsCannotReachEachOtherExceptThroughTheWireNorTheJvmsLoopback() {
    try (Lab lab = Lab.start()) {
      TcpServer outside = TcpServer.builder().build().start(); // 127.0.0.1 of the JVM's own namespace
      try (outside) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> lab.a().call(() ->
            TcpClient.builder().address("127.0.0.1", outside.address().getPort())
                .connectTimeout(Duration.ofMillis(500)).connect()));
        assertThat(failure).as("host a has its own loopback").isNotNull();
      }
    }
  }

  @Test
  void tcpUnderTwentyPercentLossDeliversEveryByteAndTheKernelRetransmits() {
    byte[] data = new byte[200_000];
    new Random(1).nextBytes(data);
    try (Lab lab = Lab.builder().seed(7).impair(Direction.A_TO_B, Impairment.none().withLoss(0.2)).start()) {
      KernelCounters before = lab.a().kernelCounters();
      try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
          TcpClient client = lab.a().call(() -> TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect())) {
        client.send(data);
        ServerConnection connection = server.takeConnection(WAIT);
        connection.awaitBytesReceived(data.length, Duration.ofSeconds(20));
        assertThat(connection.receivedBytes()).isEqualTo(data);
      }
      assertThat(lab.wire().counters(Direction.A_TO_B).dropped()).isGreaterThan(0);
      assertThat(lab.a().kernelCounters().minus(before).tcpRetransSegs()).isGreaterThan(0);
    }
  }

  @Test
  void udpUnderLossLosesDatagramsForGood() {
    try (Lab lab = Lab.builder().seed(3).impair(Direction.A_TO_B, Impairment.none().withLoss(0.2)).start();
        UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 9000));
        UdpPeer sender = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
      for (int i = 0; i < 100; i++) {
        sender.sendTo(receiver.address(), ("d" + i).getBytes(StandardCharsets.US_ASCII));
      }
      org.awaitility.Awaitility.await().atMost(WAIT)
          .until(() -> lab.wire().counters(Direction.A_TO_B).packets() == 100);
      int delivered = 100 - (int) lab.wire().counters(Direction.A_TO_B).dropped();
      receiver.awaitReceivedCount(delivered, WAIT);
      receiver.expectNothing(Duration.ofMillis(100));
      assertThat(receiver.receivedCount()).isEqualTo(delivered).isBetween(60, 95);
    }
  }

  @Test
  void kernelCountersAreEachHostsOwn() {
    try (Lab lab = Lab.start()) {
      assertThat(lab.a().kernelCounters().get("Tcp.ActiveOpens")).isZero();
      try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
          TcpClient client = lab.a().call(() -> TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect())) {
        server.takeConnection(WAIT);
        assertThat(lab.a().kernelCounters().get("Tcp.ActiveOpens")).isEqualTo(1);
        assertThat(lab.a().kernelCounters().get("Tcp.PassiveOpens")).isZero();
        assertThat(lab.b().kernelCounters().get("Tcp.PassiveOpens")).isEqualTo(1);
      }
    }
  }

  @Test
  void corruptedSegmentsFailTheChecksumAndTcpRepairsTheStream() {
    byte[] data = new byte[100_000];
    new Random(2).nextBytes(data);
    try (Lab lab = Lab.builder().seed(5).impair(Direction.A_TO_B, Impairment.none().withCorrupt(0.1)).start()) {
      try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
          TcpClient client = lab.a().call(() -> TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect())) {
        client.send(data);
        ServerConnection connection = server.takeConnection(WAIT);
        connection.awaitBytesReceived(data.length, Duration.ofSeconds(20));
        assertThat(connection.receivedBytes()).isEqualTo(data);
      }
      assertThat(lab.wire().counters(Direction.A_TO_B).corrupted()).isGreaterThan(0);
      // the last corrupted packet (say, the FIN of the close just now) may still be on its way into b's kernel
      org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
          lab.b().kernelCounters().tcpInCsumErrors()).isEqualTo(lab.wire().counters(Direction.A_TO_B).corrupted()));
      assertThat(lab.a().kernelCounters().tcpRetransSegs()).isGreaterThan(0);
    }
  }

  @Test
  void delayHoldsEveryPacketAtLeastThatLong() {
    Duration delay = Duration.ofMillis(100);
    try (Lab lab = Lab.builder().impair(Direction.A_TO_B, Impairment.none().withDelay(delay)).start();
        UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 9000));
        UdpPeer sender = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
      long sent = System.nanoTime();
      sender.sendTo(receiver.address(), "late".getBytes(StandardCharsets.US_ASCII));
      receiver.receive(WAIT);
      assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(delay);
      sender.sendTo(receiver.address(), "in order".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(receiver.receive(WAIT).bytes(), StandardCharsets.US_ASCII)).isEqualTo("in order");
    }
  }
}
