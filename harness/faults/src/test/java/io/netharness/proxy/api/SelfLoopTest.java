package io.netharness.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.HostPort;
import io.netharness.proxy.FaultProxy;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 9, defect 1: a proxy whose upstream is its own listen address is refused, not left to eat every descriptor. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelfLoopTest {
  private final AdminServer admin = AdminServer.builder().port(0).build().start();
  private final Http http = new Http(admin);

  @AfterEach
  void closeAll() {
    admin.close();
  }

  @Test
  void theApiRefusesAProxyWhoseUpstreamIsItsOwnListenAddress() throws Exception {
    int port = freePort();
    HttpResponse<String> r = http.send("POST", "/proxies",
        "{\"name\":\"loop\",\"listen\":\"127.0.0.1:" + port + "\",\"upstream\":\"localhost:" + port + "\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("is the proxy's own listen address");
    assertThat(admin.registry().proxies()).isEmpty();
  }

  @Test
  void theApiRefusesPointingALiveProxyAtItself() {
    HttpResponse<String> created = http.send("POST", "/proxies", "{\"name\":\"p\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String own = admin.registry().get("p").orElseThrow().listen();
    HttpResponse<String> r = http.send("POST", "/proxies/p", "{\"upstream\":\"" + own + "\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(admin.registry().get("p").orElseThrow().upstream()).isEqualTo("127.0.0.1:1");
    assertThat(http.send("GET", "/version", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theJavaApiRefusesItTooAtStartAndOnChange() throws Exception {
    int port = freePort();
    FaultProxy looping = FaultProxy.builder().listen("127.0.0.1:" + port).upstream("127.0.0.1:" + port).build();
    assertThatThrownBy(looping::start).isInstanceOf(HarnessException.class).hasMessageContaining("loop back");
    looping.close();
    try (FaultProxy proxy = FaultProxy.builder().upstream("127.0.0.1:1").build().start()) {
      assertThatThrownBy(() -> proxy.upstream(HostPort.format(proxy.address()))).hasMessageContaining("loop back");
      assertThat(proxy.upstream()).isEqualTo("127.0.0.1:1");
      assertThat(proxy.loopsBack()).isFalse();
    }
  }

  @Test
  void theApiRefusesALoopThroughOtherProxies() {
    assertThat(http.send("POST", "/proxies", "{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}")
        .statusCode()).isEqualTo(201);
    String a = admin.registry().get("a").orElseThrow().listen();
    assertThat(http.send("POST", "/proxies", "{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + a + "\"}")
        .statusCode()).isEqualTo(201);
    String b = admin.registry().get("b").orElseThrow().listen();
    assertThat(http.send("POST", "/proxies", "{\"name\":\"c\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + b + "\"}")
        .statusCode()).isEqualTo(201);
    String c = admin.registry().get("c").orElseThrow().listen();

    HttpResponse<String> r = http.send("POST", "/proxies/a", "{\"upstream\":\"" + c + "\"}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("proxy a: upstream " + c + " leads through proxy c and proxy b back to " + a
        + ", the proxy's own listen address");
    assertThat(admin.registry().get("a").orElseThrow().upstream()).isEqualTo("127.0.0.1:1");
    assertThat(http.send("POST", "/proxies/a", "{\"upstream\":\"" + b + "\"}").statusCode())
        .as("a -> b -> a is a loop too").isEqualTo(400);
    assertThat(http.send("GET", "/version", null).statusCode()).isEqualTo(200);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
