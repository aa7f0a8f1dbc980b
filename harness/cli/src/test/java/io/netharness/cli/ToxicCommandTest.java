package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.proxy.Direction;
import io.netharness.proxy.ToxicAttachment;
import io.netharness.proxy.api.AdminServer;
import io.netharness.proxy.api.ProxyRegistry;
import io.netharness.proxy.api.ProxySpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToxicCommandTest {
  private final ProxyRegistry registry = new ProxyRegistry(7);
  private final AdminServer api = AdminServer.builder().port(0).registry(registry).build().start();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    api.close();
    registry.close();
  }

  private final String url = api.url();

  private int netharness(String... args) {
    String[] withUrl = new String[args.length + 2];
    System.arraycopy(args, 0, withUrl, 0, args.length);
    withUrl[args.length] = "--url";
    withUrl[args.length + 1] = url;
    return NetHarness.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(withUrl);
  }

  @Test
  void addsListsAndRemovesToxicsOnARunningProxy() {
    registry.create(new ProxySpec("redis", "127.0.0.1:0", "127.0.0.1:6379", true));

    assertThat(netharness("proxy", "toxic", "add", "latency:latency=200,jitter=10",
        "redis/bandwidth:rate=64,stream=upstream,toxicity=0.5")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("redis: added latency_downstream latency=200 jitter=10")
        .contains("redis: added bandwidth_upstream rate=64 toxicity=0.5");
    ToxicAttachment latency = registry.get("redis").orElseThrow().toxic("latency_downstream").orElseThrow();
    assertThat(latency.direction()).isEqualTo(Direction.DOWNSTREAM);
    assertThat(latency.toxic().attributes()).containsEntry("latency", 200L).containsEntry("jitter", 10L);
    assertThat(registry.get("redis").orElseThrow().toxic("bandwidth_upstream").orElseThrow().toxicity()).isEqualTo(0.5);

    assertThat(netharness("proxy", "toxic", "list")).isZero();
    assertThat(out.toString()).containsPattern("redis: 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:6379")
        .contains("  latency_downstream latency=200 jitter=10");

    assertThat(netharness("proxy", "toxic", "remove", "redis/latency_downstream")).isZero();
    assertThat(out.toString()).contains("redis: removed latency_downstream");
    assertThat(registry.get("redis").orElseThrow().toxic("latency_downstream")).isEmpty();
  }

  @Test
  void theApisRefusalIsShownWithItsStatus() {
    registry.create(new ProxySpec("redis", "127.0.0.1:0", "127.0.0.1:6379", true));
    assertThat(netharness("proxy", "toxic", "add", "redis/latency:latency=1")).isZero();

    assertThat(netharness("proxy", "toxic", "add", "redis/latency:latency=2")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("the API answered 409 toxic already exists");
    assertThat(netharness("proxy", "toxic", "remove", "redis/nothing")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("redis/nothing: the API answered 404 toxic not found");
  }

  @Test
  void withSeveralProxiesTheProxyMustBeNamed() {
    registry.create(new ProxySpec("a", "127.0.0.1:0", "127.0.0.1:6379", true));
    registry.create(new ProxySpec("b", "127.0.0.1:0", "127.0.0.1:6380", true));
    assertThat(netharness("proxy", "toxic", "add", "latency:latency=1")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("say which proxy, e.g. a/latency (there are 2: a, b)");
  }

  @Test
  void aBadSpecIsAUsageError() {
    assertThat(netharness("proxy", "toxic", "add", "latency:delay=1")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("latency has no attribute \"delay\"");
    assertThat(netharness("proxy", "toxic", "remove", "latency_downstream")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("is not PROXY/NAME");
  }

  @Test
  void noApiAtTheUrlSaysHowToStartOne() {
    api.close();
    assertThat(netharness("proxy", "toxic", "list")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("no Toxiproxy API answers at").contains("start one with 'netharness proxy'");
  }

  @Test
  void aUrlWithoutHttpSaysHowToWriteIt() {
    int exit = NetHarness.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute("proxy", "toxic", "list", "--url", "localhost:8474");
    assertThat(exit).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains("--url 'localhost:8474' is not an http URL; write it like http://127.0.0.1:8474");
  }
}
