package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.HostPort;
import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProxyCommandTest {

  @Test
  void servesToxiproxysApiWithProxiesFromTheConfigFile(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("proxies.json");
    Files.writeString(config, "[{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:6379\"}]");
    StringWriter out = new StringWriter();
    ProxyCommand command = new ProxyCommand();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> run = Background.supply("netharness-proxy-under-test",
        () -> cli.execute("--port", "0", "--config", config.toString()));
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until( // 30 s: includes the warm-up, on a busy machine
            () -> out.toString().contains("Ctrl-C") || run.isDone());
      Matcher url = Pattern.compile("API on (http://\\S+)").matcher(out.toString());
      assertThat(url.find()).as(out.toString()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      String proxies = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/proxies")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(proxies).contains("\"name\":\"db\"").contains("\"upstream\":\"127.0.0.1:6379\"");
      assertThat(out.toString()).contains("db: 127.0.0.1:");
      assertThat(run).isNotDone();
    } finally {
      command.stop();
    }
    assertThat(run.get(5, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void aMalformedConfigIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, "{\"name\":\"db\"}");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NetHarness());
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("proxy", "--port", "0", "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("must hold a JSON array of proxies");
  }

  @Test
  void aToxicFromTheCommandLineActsOnTraffic() throws Exception {
    try (TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      ProxyCommand command = new ProxyCommand();
      CommandLine cli = new CommandLine(command);
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      CompletableFuture<Integer> run = Background.supply("netharness-proxy-under-test", () -> cli.execute("--port", "0",
          "--listen", "127.0.0.1:0", "--upstream", HostPort.format(echo.address()), "--name", "echo",
          "--toxic", "limit_data:bytes=5", "--toxic", "echo/latency:latency=1,stream=upstream,name=slow"));
      try {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until( // 30 s: includes the warm-up, on a busy machine
            () -> out.toString().contains("Ctrl-C") || run.isDone());
        assertThat(out.toString()).as("stderr: %s", err).contains("Ctrl-C");
        assertThat(out.toString())
            .contains("echo: toxic limit_data_downstream bytes=5")
            .contains("echo: toxic slow latency=1 jitter=0")
            .containsPattern("data path warmed up in \\d+ ms");
        Matcher listen = Pattern.compile("echo: (127\\.0\\.0\\.1:\\d+) -> ").matcher(out.toString());
        assertThat(listen.find()).isTrue();
        try (TcpClient client = TcpClient.connect(HostPort.parse(listen.group(1)))) {
          client.sendText("hello, world", StandardCharsets.US_ASCII);
          assertThat(new String(client.receiveUntilEnd(Duration.ofSeconds(5)), StandardCharsets.US_ASCII))
              .isEqualTo("hello");
        }
        Matcher url = Pattern.compile("API on (http://\\S+)").matcher(out.toString());
        assertThat(url.find()).isTrue();
        String toxics = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(url.group(1) + "/proxies/echo/toxics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(toxics).contains("\"name\":\"slow\"").contains("\"stream\":\"upstream\"")
            .contains("\"type\":\"limit_data\"");
        assertThat(run).isNotDone();
      } finally {
        command.stop();
      }
      assertThat(run.get(5, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void aToxicThatCannotBeAddedStopsTheProxyWithTheFix() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NetHarness());
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("proxy", "--port", "0", "--toxic", "latency:latency=100");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--toxic latency: say which proxy")
        .contains("create one with --listen and --upstream");
  }

  @Test
  void aToxicOnAnUnknownProxyNamesTheProxiesThereAre() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NetHarness());
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("proxy", "--port", "0", "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:9",
        "--name", "db", "--toxic", "cache/latency:latency=100");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("there is no proxy named \"cache\"").contains("[db]");
  }

  @Test
  void listenWithoutUpstreamIsRefused() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new NetHarness());
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("proxy", "--port", "0", "--listen", "127.0.0.1:0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--listen and --upstream go together");
  }

  @Test
  void aListenPortInUseSaysHowToFixIt() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new NetHarness());
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute("proxy", "--port", "0", "--listen", "127.0.0.1:" + taken.getLocalPort(),
          "--upstream", "127.0.0.1:9");
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("address already in use").contains("port 0 picks a free one");
    }
  }
}
