package io.netharness.proxy.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 9, defects 2 and 5: every numeric attribute has a range; out of range is a 400 naming both. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ToxicRangesTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final AdminServer admin = AdminServer.builder().port(0).build().start();
  private final Http http = new Http(admin);

  @AfterEach
  void closeAll() {
    admin.close();
    echo.close();
  }

  @ParameterizedTest
  @CsvSource({
      "latency, latency, 9223372036854775807, 2147483647 ms",
      "latency, jitter, 9223372036854, 2147483647 ms",
      "bandwidth, rate, 4611686018427387904, 2147483647 KB/s",
      "bandwidth, rate, 9223372036854775807, 2147483647 KB/s",
      "slow_close, delay, 2147483648, 2147483647 ms",
      "timeout, timeout, 9223372036855, 2147483647 ms",
      "reset_peer, timeout, 9223372036855, 2147483647 ms",
      "slicer, average_size, 2147483648, 2147483647 bytes",
      "slicer, size_variation, 2147483648, 2147483647 bytes",
      "slicer, delay, 9223372036854775807, 2147483647 µs",
      "packet_loss, retransmit, 2147483648, 2147483647 ms",
  })
  void aValueAboveItsRangeIs400NamingTheAttributeAndTheRange(String type, String attribute, String value, String max) {
    createProxy();
    HttpResponse<String> r = http.send("POST", "/proxies/p/toxics",
        "{\"type\":\"" + type + "\",\"attributes\":{\"" + attribute + "\":" + value + "}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains(attribute + " is out of range: it must be from 0 to " + max + ", not " + value);
    assertThat(http.send("GET", "/proxies/p/toxics", null).body()).isEqualTo("[]");
  }

  @Test
  void probabilitiesOutsideZeroToOneAre400() {
    createProxy();
    HttpResponse<String> r = http.send("POST", "/proxies/p/toxics", "{\"type\":\"packet_loss\",\"attributes\":{\"loss_rate\":1.5}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("loss_rate is a probability from 0 to 1, not 1.5");
  }

  @Test
  void theLargestRateStillMovesBytesAndTheApiStillAnswers() {
    createProxy();
    HttpResponse<String> r = http.send("POST", "/proxies/p/toxics", "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":2147483647}}");
    assertThat(r.statusCode()).isEqualTo(200);
    try (TcpClient client = TcpClient.connect(admin.registry().get("p").orElseThrow().address())) {
      client.sendText("x", UTF_8);
      client.expectText("x", UTF_8, WAIT);
    }
    assertThat(http.send("GET", "/version", null, Duration.ofSeconds(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void aLargeTimeoutOnALiveConnectionIsRefusedNotHalfInstalled() {
    createProxy();
    try (TcpClient client = TcpClient.connect(admin.registry().get("p").orElseThrow().address())) {
      client.sendText("x", UTF_8);
      client.expectText("x", UTF_8, WAIT);
      HttpResponse<String> r = http.send("POST", "/proxies/p/toxics", "{\"type\":\"timeout\",\"attributes\":{\"timeout\":9223372036854775807}}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(http.send("GET", "/proxies/p/toxics", null).body()).isEqualTo("[]");
      client.sendText("y", UTF_8);
      client.expectText("y", UTF_8, WAIT);
    }
  }

  @Test
  void theJavaApiRefusesTheSameValues() {
    assertThatThrownBy(() -> Toxics.latency(Duration.ofMillis(Long.MAX_VALUE))).isInstanceOf(HarnessException.class)
        .hasMessage("latency is out of range: it must be from 0 to 2147483647 ms, not 9223372036854775807 ms");
    assertThatThrownBy(() -> Toxics.bandwidth(1L << 62)).hasMessageContaining("rate is out of range");
    assertThatThrownBy(() -> Toxics.slicer(1, 0, Duration.ofSeconds(Long.MAX_VALUE)))
        .hasMessageContaining("delay is out of range: it must be from 0 to 2147483647 µs");
    assertThatThrownBy(() -> Toxics.latency(Duration.ofMillis(-5))).hasMessageContaining("cannot be negative");
  }

  private void createProxy() {
    HttpResponse<String> r = http.send("POST", "/proxies",
        "{\"name\":\"p\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address().getHostString() + ":" + echo.getPort() + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
