package io.netharness.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.sun.net.httpserver.HttpServer;
import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.proxy.api.AdminServer;
import io.netharness.toxiproxy.ToxiproxyApiException.Failure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every call of {@link ToxiproxyApi} against a Toxiproxy API: the embedded one ({@link AdminServer}),
 * or a real toxiproxy-server with {@code -Dnetharness.toxiproxy.url=http://host:8474}. The failures
 * (an error body, an answer that is not JSON, nothing listening, no answer) are provoked locally.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToxiproxyApiTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static @Nullable AdminServer inProcess;
  private static String url = "";

  private final ToxiproxyApi api = ToxiproxyApi.at(url);
  private final List<String> created = new ArrayList<>();

  @BeforeAll
  static void server() {
    url = System.getProperty("netharness.toxiproxy.url", "in-process");
    if (url.equals("in-process")) {
      inProcess = AdminServer.builder().port(0).build().start();
      url = inProcess.url();
    }
  }

  @AfterAll
  static void stopServer() {
    if (inProcess != null) {
      inProcess.close();
    }
  }

  @AfterEach
  void deleteProxies() {
    for (String name : created) {
      try {
        api.deleteProxy(name);
      } catch (ToxiproxyApiException e) {
        assertThat(e.status()).isEqualTo(404);
      }
    }
  }

  @Test
  void versionNamesTheServersVersion() {
    assertThat(api.version()).matches("\\d+\\.\\d+.*");
  }

  @Test
  void aProxyIsCreatedReadListedDisabledEnabledAndDeleted() {
    String name = newName();
    ProxyInfo proxy = api.createProxy(name, "127.0.0.1:0", "127.0.0.1:7", true);
    assertThat(proxy.name()).isEqualTo(name);
    assertThat(HostPort.parse(proxy.listen()).getPort()).as("the bound port").isPositive();
    assertThat(proxy.upstream()).isEqualTo("127.0.0.1:7");
    assertThat(proxy.enabled()).isTrue();
    assertThat(proxy.toxics()).isEmpty();

    assertThat(api.proxy(name)).isEqualTo(proxy);
    assertThat(api.proxies()).contains(proxy);
    assertThat(api.setEnabled(name, false).enabled()).isFalse();
    assertThat(api.proxy(name).enabled()).isFalse();
    assertThat(api.setEnabled(name, true).enabled()).isTrue();

    api.deleteProxy(name);
    assertThat(api.proxies()).extracting(ProxyInfo::name).doesNotContain(name);
  }

  @Test
  void aToxicIsAddedWithItsToxicityInOneCallUpdatedListedAndRemoved() {
    String proxy = newProxy();
    ToxicInfo slow = api.addToxic(proxy, "slow", "latency", "downstream", 0.5, Map.of("latency", 200));
    assertThat(slow).isEqualTo(new ToxicInfo("slow", "latency", "downstream", 0.5,
        Map.of("latency", 200L, "jitter", 0L)));
    ToxicInfo sliced = api.addToxic(proxy, null, "slicer", "upstream", 1.0, Map.of("average_size", 4));
    assertThat(sliced.name()).as("Toxiproxy's default name").isEqualTo("slicer_upstream");
    assertThat(sliced.attributes()).containsOnlyKeys("average_size", "size_variation", "delay");
    ToxicInfo noop = api.addToxic(proxy, "nothing", "noop", "downstream", 1.0, Map.of());
    assertThat(noop.type()).isEqualTo("noop");

    assertThat(api.toxics(proxy)).extracting(ToxicInfo::name).containsExactly("slicer_upstream", "slow", "nothing");
    assertThat(api.proxy(proxy).toxics()).hasSize(3);

    ToxicInfo updated = api.updateToxic(proxy, "slow", 0.25, Map.of("jitter", 10));
    assertThat(updated.attributes()).as("merged").containsEntry("latency", 200L).containsEntry("jitter", 10L);
    assertThat(updated.toxicity()).isEqualTo(0.25);

    api.removeToxic(proxy, "slow");
    assertThat(api.toxics(proxy)).extracting(ToxicInfo::name).containsExactly("slicer_upstream", "nothing");
  }

  @Test
  void resetRemovesEveryToxicAndEnablesEveryProxy() {
    String proxy = newProxy();
    api.addToxic(proxy, "slow", "latency", "downstream", 1.0, Map.of("latency", 10));
    api.setEnabled(proxy, false);
    api.reset();
    assertThat(api.proxy(proxy).enabled()).isTrue();
    assertThat(api.toxics(proxy)).isEmpty();
  }

  @Test
  void populateCreatesEveryProxyGiven() {
    String a = newName();
    String b = newName();
    created.add(a);
    created.add(b);
    List<ProxyInfo> populated = api.populate(List.of(new ProxyInfo(a, "127.0.0.1:0", "127.0.0.1:7", true),
        new ProxyInfo(b, "127.0.0.1:0", "127.0.0.1:9", false)));
    assertThat(populated).extracting(ProxyInfo::name).containsExactlyInAnyOrder(a, b);
    assertThat(api.proxy(b).enabled()).isFalse();
  }

  @Test
  void toxiproxysErrorBodyIsInTheExceptionWithTheUrlAndTheCall() {
    String proxy = newProxy();
    api.addToxic(proxy, "slow", "latency", "downstream", 1.0, Map.of("latency", 1));
    assertThatThrownBy(() -> api.addToxic(proxy, "slow", "latency", "upstream", 1.0, Map.of("latency", 1)))
        .asInstanceOf(type(ToxiproxyApiException.class))
        .satisfies(e -> {
          assertThat(e.failure()).isEqualTo(Failure.REFUSED);
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.error()).isEqualTo("toxic already exists");
          assertThat(e.getMessage())
              .startsWith("POST " + api.url() + "/proxies/" + proxy + "/toxics: Toxiproxy answered 409 toxic already exists")
              .contains("\"error\":\"toxic already exists\"").contains("\"status\":409");
        });
    assertThatThrownBy(() -> api.proxy("no-such-proxy-" + newName()))
        .asInstanceOf(type(ToxiproxyApiException.class))
        .satisfies(e -> assertThat(e.status()).isEqualTo(404))
        .satisfies(e -> assertThat(e.error()).isEqualTo("proxy not found"));
  }

  @Test
  void anAnswerThatIsNotJsonSaysSo() throws IOException {
    HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext("/", exchange -> {
      byte[] page = "<html>a web server</html>\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    web.start();
    try {
      ToxiproxyApi notToxiproxy = ToxiproxyApi.at("http://127.0.0.1:" + web.getAddress().getPort());
      assertThatThrownBy(notToxiproxy::proxies)
          .asInstanceOf(type(ToxiproxyApiException.class))
          .satisfies(e -> assertThat(e.failure()).isEqualTo(Failure.NOT_JSON))
          .satisfies(e -> assertThat(e.getMessage()).isEqualTo("GET " + notToxiproxy.url() + "/proxies: answered 200"
              + " with a body that is not JSON (<html>a web server</html>); is it a Toxiproxy API?"));
    } finally {
      web.stop(0);
    }
  }

  @Test
  void aVersionInPlainTextIsAccepted() throws IOException {
    HttpServer old = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    old.createContext("/version", exchange -> {
      byte[] body = "2.1.4\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    old.start();
    try {
      assertThat(ToxiproxyApi.at("http://127.0.0.1:" + old.getAddress().getPort()).version()).isEqualTo("2.1.4");
    } finally {
      old.stop(0);
    }
  }

  @Test
  void nothingListeningFailsAtOnceSayingSo() {
    ToxiproxyApi nobody = ToxiproxyApi.at("http://127.0.0.1:" + ToxiproxyBackendErrorsTest.freePort());
    assertThatThrownBy(nobody::version)
        .asInstanceOf(type(ToxiproxyApiException.class))
        .satisfies(e -> assertThat(e.failure()).isEqualTo(Failure.NOT_LISTENING))
        .satisfies(e -> assertThat(e.status()).isZero())
        .satisfies(e -> assertThat(e.getMessage()).startsWith("GET " + nobody.url() + "/version: nothing accepts"
            + " connections there"));
  }

  @Test
  void aServerThatAcceptsAndNeverAnswersIsGivenUpOnAfterTheReadTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ToxiproxyApi api = ToxiproxyApi.at("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofSeconds(1),
          Duration.ofMillis(300));
      assertThatThrownBy(api::proxies)
          .asInstanceOf(type(ToxiproxyApiException.class))
          .satisfies(e -> assertThat(e.failure()).isEqualTo(Failure.TIMED_OUT))
          .satisfies(e -> assertThat(e.getMessage()).isEqualTo("GET " + api.url() + "/proxies: no answer within 300 ms"));
      try (Socket accepted = silent.accept()) {
        assertThat(accepted.isConnected()).as("the client did connect").isTrue();
      }
    }
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedWithAnExample() {
    assertThatThrownBy(() -> ToxiproxyApi.at("localhost:8474"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("\"localhost:8474\" is not a Toxiproxy API URL")
        .hasMessageContaining("http://127.0.0.1:8474");
    assertThat(ToxiproxyApi.at("http://127.0.0.1:8474/").url()).isEqualTo("http://127.0.0.1:8474");
  }

  private String newProxy() {
    String name = newName();
    api.createProxy(name, "127.0.0.1:0", "127.0.0.1:7", true);
    created.add(name);
    return name;
  }

  private static String newName() {
    return "netharness-api-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
  }
}
