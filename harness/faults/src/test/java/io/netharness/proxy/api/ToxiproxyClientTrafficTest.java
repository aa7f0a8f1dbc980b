package io.netharness.proxy.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What toxics set through toxiproxy-java do to real traffic through the embedded proxy. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ToxiproxyClientTrafficTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final AdminServer admin = AdminServer.builder().port(0).build().start();
  private final ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", admin.getPort());
  private final Proxy proxy = create();

  @AfterEach
  void closeAll() {
    admin.close();
    echo.close();
  }

  @Test
  void latencyDelaysTheRoundTripAtLeastByTheLatency() throws IOException {
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 100);
    try (TcpClient c = connect()) {
      c.sendText("ping", UTF_8);
      c.expectText("ping", UTF_8, WAIT);
      assertThat(roundTrip(c)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
  }

  @Test
  void latencyRaisedThroughTheClientAppliesToAnOpenConnection() throws IOException {
    Latency latency = proxy.toxics().latency("slow", ToxicDirection.UPSTREAM, 0);
    try (TcpClient c = connect()) {
      c.sendText("a", UTF_8);
      c.expectText("a", UTF_8, WAIT);
      latency.setLatency(150);
      long start = System.nanoTime();
      c.sendText("b", UTF_8);
      c.expectText("b", UTF_8, WAIT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
  }

  @Test
  void limitDataCutsTheReplyToAnExactPrefixThenEof() throws IOException {
    proxy.toxics().limitData("cut", ToxicDirection.DOWNSTREAM, 10);
    try (TcpClient c = connect()) {
      c.sendText("0123456789abcdef", UTF_8);
      assertThat(new String(c.receiveUntilEnd(WAIT), UTF_8)).isEqualTo("0123456789");
    }
  }

  @Test
  void disabledProxyRefusesNewConnectionsUntilEnabled() throws IOException {
    proxy.disable();
    InetSocketAddress address = HostPort.parse(proxy.getListen());
    assertThatThrownBy(() -> TcpClient.connect(address)).isInstanceOf(HarnessException.class)
        .hasMessageContaining("refused");
    proxy.enable();
    try (TcpClient c = connect()) {
      c.sendText("back", UTF_8);
      c.expectText("back", UTF_8, WAIT);
    }
  }

  @Test
  void disablingClosesOpenConnections() throws IOException {
    try (TcpClient c = connect()) {
      c.sendText("x", UTF_8);
      c.expectText("x", UTF_8, WAIT);
      proxy.disable();
      c.awaitEnd(WAIT);
    }
  }

  @Test
  void bandwidthZeroHoldsDataUntilTheToxicIsRemoved() throws IOException {
    Bandwidth cut = proxy.toxics().bandwidth("cut", ToxicDirection.DOWNSTREAM, 0);
    try (TcpClient c = connect()) {
      c.sendText("held", UTF_8);
      c.expectNothing(Duration.ofMillis(300));
      cut.remove();
      c.expectText("held", UTF_8, WAIT);
    }
  }

  @Test
  void resetThroughTheClientLiftsEveryToxic() throws IOException {
    proxy.toxics().bandwidth("cut", ToxicDirection.UPSTREAM, 0);
    try (TcpClient c = connect()) {
      c.sendText("held", UTF_8);
      c.expectNothing(Duration.ofMillis(200));
      client.reset();
      c.expectText("held", UTF_8, WAIT);
    }
  }

  @Test
  void slicerDeliversEveryByteInOrder() throws IOException {
    proxy.toxics().slicer("slice", ToxicDirection.DOWNSTREAM, 3, 0);
    try (TcpClient c = connect()) {
      c.sendText("the quick brown fox jumps over the lazy dog", UTF_8);
      c.expectText("the quick brown fox jumps over the lazy dog", UTF_8, WAIT);
    }
  }

  @Test
  void resetPeerResetsANewConnectionOnItsFirstData() throws IOException {
    proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 0);
    try (TcpClient c = connect()) {
      c.sendText("reset toxic payload\n", UTF_8);
      c.awaitPeerReset(WAIT);
    }
  }

  @Test
  void timeoutClosesAnIdleConnection() throws IOException {
    proxy.toxics().timeout("idle", ToxicDirection.UPSTREAM, 100);
    try (TcpClient c = connect()) {
      c.awaitEnd(WAIT);
    }
  }

  private Proxy create() {
    try {
      return client.createProxy("echo", "127.0.0.1:0", HostPort.format(echo.address()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private TcpClient connect() {
    return TcpClient.connect(HostPort.parse(proxy.getListen()));
  }

  private static Duration roundTrip(TcpClient c) {
    Duration sent = c.transcript().first(TranscriptEvent.Kind.SENT).orElseThrow().at();
    Duration received = c.transcript().first(TranscriptEvent.Kind.RECEIVED).orElseThrow().at();
    return received.minus(sent);
  }
}
