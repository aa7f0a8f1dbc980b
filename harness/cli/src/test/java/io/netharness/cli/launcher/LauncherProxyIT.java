package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.cli.launcher.Launched.Result;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./netharness proxy --toxic …} through the real launcher, then {@code proxy toxic add|list|remove} against it
 * as a second and third process; a port in use and a bad spec are one line on stderr and exit 2.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherProxyIT {
  private final RepositoryCopy copy = RepositoryCopy.shared();

  @Test
  void aProxyStartedWithAToxicIsChangedByProxyToxicAddListAndRemove() throws Exception {
    try (TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        Launched proxy = Launched.netharness(copy, "proxy", "--port", "0", "--listen", "127.0.0.1:0",
            "--upstream", "127.0.0.1:" + echo.address().getPort(), "--name", "app",
            "--toxic", "latency:latency=200,jitter=20")) {
      String url = proxy.awaitStdout("Toxiproxy API on (http://127\\.0\\.0\\.1:\\d+)");
      int listenPort = Integer.parseInt(proxy.awaitStdout("app: 127\\.0\\.0\\.1:(\\d+) -> "));
      proxy.awaitStdout("Ctrl-C to stop\\.\n");
      assertThat(proxy.stdout()).contains("  app: toxic latency_downstream latency=200 jitter=20\n");
      assertThat(proxy.stderr()).isEmpty();
      assertThat(echoThrough(listenPort, "through the proxy\n")).isEqualTo("through the proxy\n");

      Result added = toxic("add", "app/slicer:average_size=4,stream=upstream", "--url", url);
      assertThat(added.exitCode()).as(added.toString()).isZero();
      assertThat(added.stdout()).isEqualTo("app: added slicer_upstream average_size=4 size_variation=0 delay=0\n");
      assertThat(added.stderr()).isEmpty();

      Result listed = toxic("list", "--url", url);
      assertThat(listed.exitCode()).as(listed.toString()).isZero();
      assertThat(listed.stdout()).isEqualTo("app: 127.0.0.1:" + listenPort + " -> 127.0.0.1:" + echo.address().getPort()
          + "\n  slicer_upstream average_size=4 size_variation=0 delay=0\n  latency_downstream latency=200 jitter=20\n");

      Result removed = toxic("remove", "app/slicer_upstream", "--url", url);
      assertThat(removed.exitCode()).as(removed.toString()).isZero();
      assertThat(removed.stdout()).isEqualTo("app: removed slicer_upstream\n");
      assertThat(toxic("list", "--url", url).stdout()).doesNotContain("slicer_upstream").contains("latency_downstream");

      LauncherRunIT.assertBadInput(toxic("add", "app/latency:latency=abc", "--url", url),
          "netharness proxy toxic add: app/latency:latency=abc: latency must be a number, not \"abc\"");
      LauncherRunIT.assertBadInput(toxic("add", "app/nosuch", "--url", url),
          "netharness proxy toxic add: app/nosuch: unknown toxic type \"nosuch\"");

      String apiPort = url.substring(url.lastIndexOf(':') + 1);
      try (Launched second = Launched.netharness(copy, "proxy", "--port", apiPort)) {
        LauncherRunIT.assertBadInput(second.finish(),
            "netharness proxy: cannot listen on 127.0.0.1:" + apiPort + " (TCP): address already in use");
      }
    }
  }

  @Test
  void aBadToxicSpecAtStartIsOneLineOnStderrAndExitTwo() {
    try (Launched proxy = Launched.netharness(copy, "proxy", "--port", "0", "--toxic", "latency:latency")) {
      LauncherRunIT.assertBadInput(proxy.finish(), "netharness proxy: --toxic latency:latency: \"latency\" is not key=value");
    }
  }

  private Result toxic(String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "proxy";
    command[1] = "toxic";
    System.arraycopy(args, 0, command, 2, args.length);
    try (Launched launched = Launched.netharness(copy, command)) {
      return launched.finish();
    }
  }

  private static String echoThrough(int port, String line) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) Launched.WAIT.toMillis());
      socket.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[line.length()];
      for (int n = 0; n < reply.length; ) {
        int read = in.read(reply, n, reply.length - n);
        if (read < 0) {
          break;
        }
        n += read;
      }
      return new String(reply, StandardCharsets.UTF_8);
    }
  }
}
