package io.netharness.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.internal.Transports;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultProxyTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final FaultProxy proxy = FaultProxy.builder().name("echo").upstream(echo.address()).seed(42).build().start();

  @AfterEach
  void closeAll() {
    proxy.close();
    echo.close();
  }

  @Test
  void bytesPassUnchangedWithoutToxics() {
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      byte[] data = random(256 * 1024, 1);
      client.send(data);
      assertThat(client.receiveBytes(data.length, WAIT)).isEqualTo(data);
      assertThat(proxy.stats().upstreamBytesSent()).isEqualTo(data.length);
    }
  }

  @Test
  void halfCloseIsPassedThrough() {
    try (TcpServer replyOnFin = TcpServer.builder().behavior(new io.netharness.server.Behavior() {
          @Override
          public void onMessage(ServerConnection c, byte[] m) {}

          @Override
          public void onPeerClosed(ServerConnection c) {
            c.send(c.receivedBytes());
            c.close();
          }
        }).build().start();
        FaultProxy p = FaultProxy.builder().upstream(replyOnFin.address()).build().start();
        TcpClient client = TcpClient.connect(p.address())) {
      client.sendText("abc", UTF_8).shutdownOutput();
      client.expectText("abc", UTF_8, WAIT);
      client.awaitPeerClosed(WAIT);
    }
  }

  @Test
  void latencyDelaysTheRoundTripAtLeastByTheLatency() {
    proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(100)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("ping", UTF_8);
      client.expectText("ping", UTF_8, WAIT);
      Duration sent = client.transcript().first(TranscriptEvent.Kind.SENT).orElseThrow().at();
      Duration received = client.transcript().first(TranscriptEvent.Kind.RECEIVED).orElseThrow().at();
      assertThat(received.minus(sent)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
  }

  @Test
  void latencyAfterAQuietSpellIsNeverEarlyThoughTheLoopWakesEarlyForIt() {
    proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(20)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      for (int i = 0; i < 10; i++) { // each reply is the first chunk held after idle: the precise timer's path
        long start = System.nanoTime();
        client.sendText("ping" + i, UTF_8);
        client.expectText("ping" + i, UTF_8, WAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
      }
    }
  }

  @Test
  void latencyAddedToAnOpenConnectionAppliesAtOnceAndRemovalDeliversHeldData() {
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("a", UTF_8);
      client.expectText("a", UTF_8, WAIT);
      ToxicHandle slow = proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofSeconds(30)));
      client.sendText("b", UTF_8);
      client.expectNothing(Duration.ofMillis(100));
      slow.close();
      client.expectText("b", UTF_8, WAIT);
      assertThat(slow.touchedBytes()).isZero(); // removed: no longer listed
    }
  }

  @Test
  void bandwidthLimitsTheRateAndDeliversEverything() {
    proxy.add(Direction.UPSTREAM, Toxics.bandwidth(1000)); // 1000 KB/s
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      byte[] data = random(480_000, 2);
      long start = System.nanoTime();
      client.send(data);
      assertThat(client.receiveBytes(data.length, Duration.ofSeconds(20))).isEqualTo(data);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(470));
    }
  }

  @Test
  void bandwidthZeroHoldsDataUntilRemoved() {
    ToxicHandle cut = proxy.add(Direction.DOWNSTREAM, Toxics.bandwidth(0));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("held", UTF_8);
      client.expectNothing(Duration.ofMillis(150));
      cut.close();
      client.expectText("held", UTF_8, WAIT);
    }
  }

  @Test
  void resetPeerResetsTheClient() {
    proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ZERO));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("reset toxic payload\n", UTF_8);
      client.awaitPeerReset(WAIT);
      assertThat(client.bytesReceived()).isZero();
    }
  }

  @Test
  void limitDataDeliversAnExactPrefixThenEof() {
    proxy.add(Direction.DOWNSTREAM, Toxics.limitData(10));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("0123456789abcdef", UTF_8);
      assertThat(new String(client.receiveUntilEnd(WAIT), UTF_8)).isEqualTo("0123456789");
    }
  }

  @Test
  void timeoutSwallowsDataThenClosesAnIdleConnection() {
    proxy.add(Direction.UPSTREAM, Toxics.timeout(Duration.ofMillis(300)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("lost", UTF_8);
      assertThat(client.awaitEnd(WAIT)).contains("FIN");
      assertThat(client.bytesReceived()).isZero();
    }
  }

  @Test
  void removingATimeoutClosesTheConnection() {
    ToxicHandle stall = proxy.add(Direction.UPSTREAM, Toxics.timeout(Duration.ZERO));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("lost", UTF_8);
      client.expectNothing(Duration.ofMillis(100));
      stall.close();
      client.awaitEnd(WAIT);
    }
  }

  @Test
  void slicerCutsByToxiproxysHalvingRule() {
    assertThat(Toxics.slicer(100, 0, Duration.ZERO).sizes(1000, new java.util.SplittableRandom(1)))
        .hasSize(16).allSatisfy(size -> assertThat(size).isBetween(62, 63));
    assertThat(Toxics.slicer(1, 0, Duration.ZERO).sizes(24, new java.util.SplittableRandom(1))).hasSize(24);
    assertThat(Toxics.slicer(1024, 512, Duration.ZERO).sizes(480_000, new java.util.SplittableRandom(1)).size())
        .isBetween(240, 720);
  }

  @Test
  void slicedStreamArrivesIntactAndInOrder() {
    proxy.add(Direction.DOWNSTREAM, Toxics.slicer(7, 3, Duration.ofNanos(10_000)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      byte[] data = random(10_000, 3);
      client.send(data);
      assertThat(client.receiveBytes(data.length, WAIT)).isEqualTo(data);
    }
  }

  @Test
  void packetLossStallsButNeverLosesOrReorders() {
    ToxicHandle loss = proxy.add(Direction.DOWNSTREAM, Toxics.packetLoss(0.2));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      StringBuilder expected = new StringBuilder();
      for (int i = 0; i < 50; i++) {
        String line = "message " + i + "\n";
        expected.append(line);
        client.sendText(line, UTF_8);
      }
      client.expectText(expected.toString(), UTF_8, Duration.ofSeconds(30));
      assertThat(loss.touchedBytes()).isPositive();
    }
  }

  @Test
  void toxicityZeroLetsDataPass() {
    proxy.add("stall", Direction.UPSTREAM, 0.0, Toxics.timeout(Duration.ZERO));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("x", UTF_8);
      client.expectText("x", UTF_8, WAIT);
    }
  }

  @Test
  void disablingClosesOpenConnectionsAndRefusesNewOnes() {
    TcpClient client = TcpClient.connect(proxy.address());
    InetSocketAddress address = proxy.address();
    proxy.disable();
    client.awaitEnd(WAIT);
    client.close();
    assertThatThrownBy(() -> TcpClient.connect(address)).hasMessageContaining("connection refused");
    proxy.enable();
    try (TcpClient again = TcpClient.connect(address)) {
      again.sendText("back", UTF_8);
      again.expectText("back", UTF_8, WAIT);
    }
  }

  @Test
  void connectFaultsRefuseTimeOutOrDelay() {
    proxy.connectFault(ConnectFault.refuse());
    assertThatThrownBy(() -> TcpClient.connect(proxy.address())).hasMessageContaining("connection refused");
    proxy.connectFault(ConnectFault.blackhole());
    assertThatThrownBy(() -> TcpClient.builder().address(proxy.address()).connectTimeout(Duration.ofMillis(300)).connect())
        .hasMessageContaining("timed out");
    proxy.connectFault(ConnectFault.none());
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("ok", UTF_8);
      client.expectText("ok", UTF_8, WAIT);
    }
  }

  @Test
  void changingTheConnectFaultNeverLetsGoOfThePort() throws Exception {
    // the port used to be closed and bound again: in between, an outgoing connection could be given it as its
    // local port, and the proxy then failed to listen; a thread trying to bind it meanwhile shows any such gap
    assumeTrue(Transports.portHandOff(), "SO_REUSEPORT hand-off is Linux only; elsewhere the port is freed and bound again");
    InetSocketAddress address = proxy.address();
    AtomicInteger grabbed = new AtomicInteger();
    AtomicBoolean changing = new AtomicBoolean(true);
    Thread thief = new Thread(() -> {
      while (changing.get()) {
        try (ServerSocket s = new ServerSocket()) {
          s.setReuseAddress(false); // binds only a port that nothing holds, in any state
          s.bind(address);
          grabbed.incrementAndGet();
        } catch (IOException expected) {
          // held by the proxy, as it should be
        }
      }
    }, "port-thief");
    thief.start();
    try {
      for (int i = 0; i < 30; i++) {
        proxy.connectFault(ConnectFault.refuse());
        proxy.connectFault(ConnectFault.slowOpen(Duration.ofMillis(1)));
        proxy.connectFault(ConnectFault.blackhole());
        proxy.connectFault(ConnectFault.refuse());
        proxy.connectFault(ConnectFault.blackhole());
        proxy.connectFault(ConnectFault.none());
      }
    } finally {
      changing.set(false);
      thief.join();
    }
    assertThat(grabbed).as("binds that found the proxy's port free").hasValue(0);
    assertThat(proxy.address()).isEqualTo(address);
    try (TcpClient client = TcpClient.connect(address)) {
      client.sendText("still here", UTF_8);
      client.expectText("still here", UTF_8, WAIT);
    }
  }

  @Test
  void aSecondProxyOnAPortInUseIsRefusedEvenThoughPortsAreHandedOver() {
    for (ConnectFault fault : List.of(ConnectFault.none(), ConnectFault.refuse(), ConnectFault.blackhole())) {
      proxy.connectFault(fault);
      FaultProxy second = FaultProxy.builder().name("second").listen(HostPort.format(proxy.address()))
          .upstream(echo.address()).build();
      assertThatThrownBy(second::start).as("while the first proxy is in %s", fault)
          .hasMessageContaining("address already in use");
      second.close();
    }
    proxy.connectFault(ConnectFault.none());
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("mine", UTF_8);
      client.expectText("mine", UTF_8, WAIT);
    }
  }

  @Test
  void upstreamDownMeansAcceptedThenClosed() {
    int deadPort;
    try (TcpServer gone = TcpServer.builder().build().start()) {
      deadPort = gone.port();
    }
    try (FaultProxy p = FaultProxy.builder().upstream("127.0.0.1:" + deadPort).build().start();
        TcpClient client = TcpClient.connect(p.address())) {
      assertThat(client.awaitEnd(WAIT)).isNotEqualTo("open");
    }
  }

  @Test
  void noDataDroppedWhileToxicsComeAndGo() {
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      byte[] data = random(200_000, 4);
      for (int i = 0; i < data.length; i += 2_000) {
        client.send(Arrays.copyOfRange(data, i, i + 2_000));
        ToxicHandle t = proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(1000)));
        t.close();
      }
      assertThat(client.receiveBytes(data.length, Duration.ofSeconds(20))).isEqualTo(data);
    }
  }

  @Test
  void duplicateToxicNamesAndBadToxicityAreRefused() {
    proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(1)));
    assertThatThrownBy(() -> proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(1))))
        .isInstanceOf(HarnessException.class).hasMessageContaining("toxic already exists");
    assertThatThrownBy(() -> proxy.add("x", Direction.UPSTREAM, 1.5, Toxics.noop()))
        .hasMessageContaining("toxicity is a probability");
    assertThatThrownBy(() -> Toxics.latency(Duration.ofMillis(-5))).hasMessageContaining("cannot be negative");
    assertThatThrownBy(() -> proxy.remove("nope")).hasMessageContaining("toxic not found");
  }

  @Test
  void twoLatenciesAddUp() {
    proxy.add("first", Direction.UPSTREAM, 1.0, Toxics.latency(Duration.ofMillis(100)));
    proxy.add("second", Direction.UPSTREAM, 1.0, Toxics.latency(Duration.ofMillis(100)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("ping", UTF_8);
      client.expectText("ping", UTF_8, WAIT);
      Duration sent = client.transcript().first(TranscriptEvent.Kind.SENT).orElseThrow().at();
      Duration received = client.transcript().first(TranscriptEvent.Kind.RECEIVED).orElseThrow().at();
      assertThat(received.minus(sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void updatingATimeoutKeepsTheConnectionOpen() {
    proxy.add("stall", Direction.UPSTREAM, 1.0, Toxics.timeout(Duration.ofSeconds(20)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      assertThat(proxy.upstreamAddressOf(client.localAddress(), WAIT)).isPresent();
      proxy.update("stall", Toxics.timeout(Duration.ofSeconds(30)), 1.0);
      client.expectNothing(Duration.ofMillis(100));
      assertThat(client.isOpen()).isTrue();
    }
  }

  @Test
  void raisingARateOfZeroLetsHeldDataFlowWithoutDroppingIt() {
    proxy.add("cut", Direction.DOWNSTREAM, 1.0, Toxics.bandwidth(0));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("held", UTF_8);
      client.expectNothing(Duration.ofMillis(100));
      proxy.update("cut", Toxics.bandwidth(0), 1.0);
      client.expectNothing(Duration.ofMillis(100));
      proxy.update("cut", Toxics.bandwidth(1000), 1.0);
      client.expectText("held", UTF_8, WAIT);
    }
  }

  @Test
  void limitDataKeepsItsPrefixBehindALaterLatency() {
    proxy.add(Direction.DOWNSTREAM, Toxics.limitData(10));
    proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(100)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("0123456789abcdef", UTF_8);
      assertThat(new String(client.receiveUntilEnd(WAIT), UTF_8)).isEqualTo("0123456789");
    }
  }

  @Test
  void changingToxicityKeepsTheToxicInPlaceAndLimitDataKeepsCounting() {
    proxy.add("limit", Direction.DOWNSTREAM, 1.0, Toxics.limitData(10));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("01234567", UTF_8);
      client.expectText("01234567", UTF_8, WAIT);
      proxy.update("limit", Toxics.limitData(10), 1.0);
      client.sendText("abcdefgh", UTF_8);
      assertThat(new String(client.receiveUntilEnd(WAIT), UTF_8)).isEqualTo("ab");
    }
  }

  @Test
  void aClosedProxyClosesItsClientsWithFinNotReset() {
    proxy.add(Direction.UPSTREAM, Toxics.timeout(Duration.ZERO));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      assertThat(proxy.upstreamAddressOf(client.localAddress(), WAIT)).isPresent(); // the toxic is on it
      client.sendText("unread", UTF_8);
      proxy.remove("timeout_upstream");
      client.awaitPeerClosed(WAIT);
    }
  }

  @Test
  void aContentTriggerLetsThePatternThroughThenActs() {
    proxy.add(Direction.DOWNSTREAM, Toxics.after("OK\n".getBytes(UTF_8), Toxics.limitData(3)));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("LOG", UTF_8).sendText("IN O", UTF_8).sendText("K\nabcdef", UTF_8);
      assertThat(new String(client.receiveUntilEnd(WAIT), UTF_8)).isEqualTo("LOGIN OK\nabc");
    }
  }

  private static byte[] random(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
