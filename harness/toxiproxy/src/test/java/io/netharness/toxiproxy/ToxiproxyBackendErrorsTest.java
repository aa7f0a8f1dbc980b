package io.netharness.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.proxy.Capability;
import io.netharness.proxy.FaultBackendProvider;
import io.netharness.proxy.FaultBackends;
import io.netharness.proxy.FaultSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a user sees when the server is missing or misconfigured: no server needed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToxiproxyBackendErrorsTest {

  @Test
  void aUrlWhereNothingListensFailsAtTheRefusalNamingThePropertyAndHowToStartAServer() {
    // at the refusal, not after a timeout: the message says nothing accepts connections (a wall-clock bound here
    // failed under load; the class's @Timeout still catches a hang)
    String url = "http://127.0.0.1:" + freePort();
    assertThatThrownBy(() -> ToxiproxyBackend.connect(url))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("no Toxiproxy answers at " + url)
        .hasMessageContaining("nothing accepts connections there")
        .hasMessageContaining("netharness.toxiproxy.url")
        .hasMessageContaining("toxiproxy-server")
        .hasMessageContaining("netharness.faults=embedded");
  }

  @Test
  void aMalformedUrlIsRefusedWithAnExample() {
    assertThatThrownBy(() -> ToxiproxyBackend.connect("127.0.0.1:8474"))
        .hasMessageContaining("netharness.toxiproxy.url \"127.0.0.1:8474\"")
        .hasMessageContaining("http://127.0.0.1:8474");
    assertThatThrownBy(() -> ToxiproxyBackend.connect("ftp://127.0.0.1:8474")).hasMessageContaining("http://");
  }

  @Test
  void proxiesListenOnOneInterfaceByDefaultNeverOnAll() {
    assertThat(ToxiproxyBackend.defaultListenHost(ToxiproxyServer.at("http://localhost:8474"))).isEqualTo("127.0.0.1");
    assertThat(ToxiproxyBackend.defaultListenHost(ToxiproxyServer.at("http://10.1.2.3:8474"))).isEqualTo("10.1.2.3");
    String v6 = ToxiproxyBackend.defaultListenHost(ToxiproxyServer.at("http://[2001:db8::1]:8474"));
    assertThat(new ToxiproxyBackend.ServerPlacement("[2001:db8::1]", v6).listen("db")).isEqualTo("[2001:db8::1]:0");
    assertThat(new ToxiproxyBackend.ServerPlacement("10.1.2.3", "10.1.2.3").listen("db")).isEqualTo("10.1.2.3:0");
  }

  @Test
  void aUrlWithoutPortMeansToxiproxysDefaultPort() {
    assertThat(ToxiproxyServer.at("http://localhost").url()).isEqualTo("http://localhost:8474");
    assertThat(ToxiproxyServer.at("http://localhost").isLoopback()).isTrue();
    assertThat(ToxiproxyServer.at("http://[::1]:9000").isLoopback()).isTrue();
  }

  @Test
  void theProviderAnswersToToxiproxyAndTestcontainers() {
    FaultBackendProvider provider = ServiceLoader.load(FaultBackendProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(ToxiproxyBackendProvider.class::isInstance)
        .findFirst()
        .orElseThrow();
    assertThat(provider.names()).containsExactlyInAnyOrder("toxiproxy", "testcontainers");
    assertThat(provider.create("embedded", settings("embedded", "http://127.0.0.1:1"))).isEmpty();
  }

  @Test
  void choosingToxiproxyByConfigurationReachesThisModuleAndReportsTheMissingServer() {
    String url = "http://127.0.0.1:" + freePort();
    assertThatThrownBy(() -> FaultBackends.create(settings("toxiproxy", url)))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("no Toxiproxy answers at " + url);
  }

  @Test
  void aRealToxiproxyHasOnlyWhatADirectConnectionShows() {
    ToxiproxyBackend backend = new ToxiproxyBackend("toxiproxy", ToxiproxyApi.at("http://127.0.0.1:" + freePort()),
        "test", new Placement() {
          @Override
          public String listen(String proxyName) {
            return "127.0.0.1:0";
          }

          @Override
          public InetSocketAddress applicationAddress(String reportedListen) {
            throw new UnsupportedOperationException();
          }

          @Override
          public String upstream(InetSocketAddress upstream) {
            return "127.0.0.1:1";
          }
        }, ToxiproxyBackend.DIRECT);
    assertThat(backend.capabilities()).containsExactlyInAnyOrder(
        Capability.RESETS, Capability.REFUSAL, Capability.SLICE_BOUNDARIES);
    assertThat(backend.whyNot(Capability.RESET_OPEN_CONNECTIONS)).contains("FIN, not an RST");
    backend.close();
    backend.close(); // idempotent
  }

  @Test
  void creatingAProxyOnAServerThatWentAwayNamesTheProxyAndTheServer() {
    int port = freePort();
    ToxiproxyBackend backend = new ToxiproxyBackend("toxiproxy", ToxiproxyApi.at("http://127.0.0.1:" + port),
        "Toxiproxy at http://127.0.0.1:" + port, new Placement() {
          @Override
          public String listen(String proxyName) {
            return "127.0.0.1:0";
          }

          @Override
          public InetSocketAddress applicationAddress(String reportedListen) {
            throw new UnsupportedOperationException();
          }

          @Override
          public String upstream(InetSocketAddress upstream) {
            return "127.0.0.1:" + upstream.getPort();
          }
        }, ToxiproxyBackend.DIRECT);
    assertThatThrownBy(() -> backend.createProxy("db", new InetSocketAddress("127.0.0.1", 7000)))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("could not create proxy \"db\"")
        .hasMessageContaining("upstream 127.0.0.1:7000")
        .hasMessageContaining("Toxiproxy at http://127.0.0.1:" + port);
  }

  private static FaultSettings settings(String backend, String url) {
    return new FaultSettings(backend, url, FaultSettings.DEFAULT_IMAGE, Optional.empty());
  }

  /** A port nothing listens on: bound, read and released. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
