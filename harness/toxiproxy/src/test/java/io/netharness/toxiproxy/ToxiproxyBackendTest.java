package io.netharness.toxiproxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultBackend;
import io.netharness.proxy.FaultBackends;
import io.netharness.proxy.FaultSettings;
import io.netharness.proxy.ProxyControl;
import io.netharness.proxy.ToxicHandle;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The toxiproxy backend against a real Toxiproxy-compatible server at {@code netharness.toxiproxy.url}
 * (default http://127.0.0.1:8474). Skipped, with the reason, when nothing answers there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ToxiproxyBackendTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static String url = FaultSettings.DEFAULT_URL;
  private static @Nullable String skipReason;

  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private @Nullable ToxiproxyBackend backend;
  private ProxyControl proxy;

  private static io.netharness.proxy.api.@Nullable AdminServer inProcess;

  @BeforeAll
  static void probeServer() {
    url = FaultSettings.fromEnvironment().toxiproxyUrl();
    if (url.equals("in-process")) {
      // no toxiproxy-server here: the embedded Toxiproxy-compatible API stands in for it
      inProcess = io.netharness.proxy.api.AdminServer.builder().port(0).build().start();
      url = inProcess.url();
      System.out.println("[ToxiproxyBackendTest] against the in-process Toxiproxy-compatible API at " + url
          + " (set -Dnetharness.toxiproxy.url=http://host:8474 for a real toxiproxy-server)");
    }
    try {
      ToxiproxyServer.at(url).requireVersion();
    } catch (HarnessException e) {
      skipReason = "skipped: no Toxiproxy server answers at " + url + "/version (set -Dnetharness.toxiproxy.url"
          + " or start toxiproxy-server to run these tests)";
      System.out.println("[ToxiproxyBackendTest] " + skipReason);
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void stopInProcess() {
    if (inProcess != null) {
      inProcess.close();
    }
  }

  @BeforeEach
  void createProxy() {
    // per test, so every skipped test is counted and carries the reason
    Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    backend = ToxiproxyBackend.connect(url);
    proxy = backend.createProxy(uniqueName("echo"), echo.address());
  }

  @AfterEach
  void closeAll() {
    if (backend != null) {
      backend.close();
    }
    echo.close();
  }

  @Test
  void bytesPassBothWaysAtTheAddressTheServerReports() {
    assertThat(proxy.address().getPort()).isPositive();
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("哈哈 hello", UTF_8);
      client.expectText("哈哈 hello", UTF_8, WAIT);
    }
  }

  @Test
  void latencyDownstreamDelaysTheReplyAtLeastByTheLatency() {
    try (ToxicHandle slow = proxy.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(150)));
        TcpClient client = TcpClient.connect(proxy.address())) {
      assertThat(slow.name()).isEqualTo("slow");
      client.sendText("ping", UTF_8);
      client.expectText("ping", UTF_8, WAIT);
      assertThat(roundTrip(client)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
  }

  @Test
  void attributesAndToxicityReachTheServerInToxiproxysUnits() {
    proxy.add("slow", Direction.UPSTREAM, 0.5, Toxics.latency(Duration.ofMillis(100)).withJitter(Duration.ofMillis(10)));
    proxy.add("sliced", Direction.DOWNSTREAM, 1.0, Toxics.slicer(10, 5, Duration.ofMillis(1)));
    ToxicInfo latency = serverToxic("slow");
    assertThat(latency.type()).isEqualTo("latency");
    assertThat(latency.attributes()).containsEntry("latency", 100L).containsEntry("jitter", 10L);
    assertThat(latency.toxicity()).isEqualTo(0.5);
    assertThat(latency.stream()).isEqualTo("upstream");
    ToxicInfo slicer = serverToxic("sliced");
    assertThat(slicer.attributes()).containsEntry("average_size", 10L).containsEntry("size_variation", 5L)
        .containsEntry("delay", 1000L);
  }

  @Test
  void noopIsSentAsNoop() {
    proxy.add("nothing", Direction.DOWNSTREAM, 1.0, Toxics.noop());
    assertThat(serverToxic("nothing").type()).isEqualTo("noop");
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("through", UTF_8);
      client.expectText("through", UTF_8, WAIT);
    }
  }

  @Test
  void updateChangesAttributesAndToxicity() {
    proxy.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(100)));
    proxy.update("slow", Toxics.latency(Duration.ofMillis(300)).withJitter(Duration.ofMillis(20)), 0.25);
    ToxicInfo latency = serverToxic("slow");
    assertThat(latency.attributes()).containsEntry("latency", 300L).containsEntry("jitter", 20L);
    assertThat(latency.toxicity()).isEqualTo(0.25);
  }

  @Test
  void updatingAToxicToAnotherTypeSaysToRemoveAndAdd() {
    proxy.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(100)));
    assertThatThrownBy(() -> proxy.update("slow", Toxics.bandwidth(10), 1.0))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("remove it and add a new one");
  }

  @Test
  void closingTheHandleAndRemoveAllLeaveNoToxicsOnTheServer() {
    proxy.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(100))).close();
    assertThat(serverApi().toxics(proxy.name())).isEmpty();
    proxy.add("a", Direction.UPSTREAM, 1.0, Toxics.bandwidth(100));
    proxy.add("b", Direction.DOWNSTREAM, 1.0, Toxics.slowClose(Duration.ofMillis(10)));
    proxy.removeAll();
    assertThat(serverApi().toxics(proxy.name())).isEmpty();
  }

  @Test
  void limitDataPassesThatManyBytesThenCloses() {
    proxy.add("limit", Direction.DOWNSTREAM, 1.0, Toxics.limitData(4));
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("0123456789", UTF_8);
      assertThat(client.receiveUntilEnd(WAIT)).isEqualTo("0123".getBytes(UTF_8));
    }
  }

  @Test
  void disableClosesTheListenerAndEnableOpensItAgainOnTheSameAddress() {
    proxy.disable();
    assertThatThrownBy(() -> TcpClient.connect(proxy.address()).close()).isInstanceOf(RuntimeException.class);
    proxy.enable();
    try (TcpClient client = TcpClient.connect(proxy.address())) {
      client.sendText("back", UTF_8);
      client.expectText("back", UTF_8, WAIT);
    }
  }

  @Test
  void aDuplicateToxicNameNamesTheProxyAndTheServersAnswer() {
    proxy.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(10)));
    assertThatThrownBy(() -> proxy.add("slow", Direction.UPSTREAM, 1.0, Toxics.latency(Duration.ofMillis(10))))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining(proxy.name())
        .hasMessageContaining("409");
  }

  @Test
  void packetLossIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> proxy.add("loss", Direction.DOWNSTREAM, 1.0, Toxics.packetLoss(0.1)))
        .hasMessageContaining("@packet-loss");
    assertThat(serverApi().toxics(proxy.name())).isEmpty();
  }

  @Test
  void closingTheBackendDeletesOnlyTheProxiesItCreated() {
    String name = proxy.name();
    ToxiproxyApi client = serverApi();
    try (ToxiproxyBackend other = ToxiproxyBackend.connect(url)) {
      ProxyControl kept = other.createProxy(uniqueName("kept"), echo.address());
      backend.close();
      assertThat(client.proxies()).extracting(ProxyInfo::name).doesNotContain(name).contains(kept.name());
    }
  }

  @Test
  void configurationPicksThisBackendByName() {
    FaultSettings settings = new FaultSettings("toxiproxy", url, FaultSettings.DEFAULT_IMAGE, Optional.empty());
    try (FaultBackend chosen = FaultBackends.create(settings)) {
      assertThat(chosen).isInstanceOf(ToxiproxyBackend.class);
      assertThat(chosen.name()).isEqualTo("toxiproxy");
      assertThat(chosen.capabilities()).containsExactlyInAnyOrderElementsOf(ToxiproxyBackend.DIRECT);
    }
  }

  private ToxicInfo serverToxic(String name) {
    return serverApi().toxics(proxy.name()).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static ToxiproxyApi serverApi() {
    return ToxiproxyServer.at(url).api();
  }

  private static String uniqueName(String base) {
    return "netharness-" + base + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  private static Duration roundTrip(TcpClient client) {
    Duration sent = client.transcript().first(TranscriptEvent.Kind.SENT).orElseThrow().at();
    Duration received = client.transcript().first(TranscriptEvent.Kind.RECEIVED).orElseThrow().at();
    return received.minus(sent);
  }
}
